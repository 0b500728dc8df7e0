// A parsed entry against a registered person: the field reasons (fields.ts) summed over the entry's readings, capped
// when a field contradicts or a slip is uncorroborated, and turned into a score with the reasons behind it.
import { entryReadings, personFeatures, type EntryNames, type MatchFeatures, type NameFeature, type PersonFeatures } from './features';
import { scoreDate, scoreName, scoreSurname, UNIT_EXACT, UNIT_MISMATCH } from './fields';
import type { ParsedEntry, Reason, RegisteredPerson } from './types';
import { CONTRADICTION_CAP, CONTRADICTION_SLOPE, pointsToScore, UNCORROBORATED_SLIP_CAP, WEIGHTS } from './weights';

/** Handwriting slips and two typing errors are the corrections that need corroboration; one ordinary typo links as before. */
const isNewSlip = (r: Reason): boolean => r.kind === 'confusable' || (r.kind === 'typo' && r.weight < WEIGHTS.surname.typo1);

function surnameReason(e: EntryNames, p: PersonFeatures): Reason {
  let r = e.memoSurname.get(p.surname);
  if (!r) {
    r = scoreSurname(e, p.surname);
    e.memoSurname.set(p.surname, r);
  }
  return r;
}

function nameReason(field: 'givenName' | 'patronymic', e: EntryNames, p: NameFeature | null): Reason {
  // No destructured arrays: this runs for every pair of a list and the register's candidates.
  const given = field === 'givenName';
  if (!p) return scoreName(field, given ? e.given : e.patronymic, given ? e.givenInitial : e.patronymicInitial, p);
  const memo = given ? e.memoGiven : e.memoPatronymic;
  let r = memo.get(p);
  if (!r) {
    r = scoreName(field, given ? e.given : e.patronymic, given ? e.givenInitial : e.patronymicInitial, p);
    memo.set(p, r);
  }
  return r;
}

const contradicts = (r: Reason): boolean => r.kind === 'mismatch' || r.kind === 'yearOff';

/**
 * The best reading's points (before the logistic) and its index, without building a reasons array: the same sums in
 * the same order as the reasons scoreCandidate reports, so the score is bit-for-bit the same.
 */
function bestPoints(entry: ParsedEntry, p: PersonFeatures, readings: EntryNames[]): { points: number; reading: number } {
  let bestPts = -Infinity;
  let best = 0;
  const date = scoreDate(entry.dateOfBirth, p.dob);
  const unit = entry.unit && p.unit ? (entry.unit === p.unit ? UNIT_EXACT : UNIT_MISMATCH) : null;
  for (let i = 0; i < readings.length; i++) {
    const e = readings[i] as EntryNames;
    if (e.memoOf !== p.shared) {
      e.memoOf = p.shared;
      e.memoSurname.clear();
      e.memoGiven.clear();
      e.memoPatronymic.clear();
    }
    const s = surnameReason(e, p);
    const g = nameReason('givenName', e, p.given);
    const pa = nameReason('patronymic', e, p.patronymic);
    let points = 0 + s.weight + g.weight + pa.weight + date.weight;
    if (unit) points += unit.weight;
    if (i > 0) points += e.respelled ? WEIGHTS.otherSpelling : WEIGHTS.alternativeOrder;
    if (points > UNCORROBORATED_SLIP_CAP && isNewSlip(s) && date.weight <= 0 && unit !== UNIT_EXACT) points = UNCORROBORATED_SLIP_CAP;
    if (points > CONTRADICTION_CAP && (contradicts(s) || contradicts(g) || contradicts(pa) || contradicts(date) || (unit !== null && contradicts(unit)))) {
      points = CONTRADICTION_CAP + (points - CONTRADICTION_CAP) * CONTRADICTION_SLOPE;
    }
    if (points > bestPts) {
      bestPts = points;
      best = i;
    }
  }
  return { points: bestPts, reading: best };
}

/** Just the score of scoreCandidate (identical), without its reasons: for ranking many candidates. */
export function candidateScore(entry: ParsedEntry, person: RegisteredPerson, shared?: MatchFeatures): number {
  return pointsToScore(bestPoints(entry, personFeatures(person, shared), entryReadings(entry)).points);
}

/** Score in 0..1 with the reasons behind it; tries the other word order when the parse was unsure. */
export function scoreCandidate(entry: ParsedEntry, person: RegisteredPerson, shared?: MatchFeatures): { score: number; reasons: Reason[] } {
  const p = personFeatures(person, shared);
  const readings = entryReadings(entry);
  const { points, reading } = bestPoints(entry, p, readings);
  const e = readings[reading] as EntryNames;
  const reasons: Reason[] = [
    surnameReason(e, p),
    nameReason('givenName', e, p.given),
    nameReason('patronymic', e, p.patronymic),
    scoreDate(entry.dateOfBirth, p.dob),
  ];
  if (entry.unit && p.unit) reasons.push(entry.unit === p.unit ? UNIT_EXACT : UNIT_MISMATCH);
  // Fresh objects: the memoised and fixed reasons above are shared between candidates.
  return {
    score: pointsToScore(points),
    reasons: reasons.map((r) =>
      r.form === undefined ? { field: r.field, kind: r.kind, weight: r.weight } : { field: r.field, kind: r.kind, weight: r.weight, form: r.form },
    ),
  };
}
