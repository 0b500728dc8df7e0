// Field-by-field comparison of a parsed entry with a registered person, with machine-readable reasons.
import {
  damerauLevenshtein,
  foldInitial,
  givenFormSkeletons,
  hasCyrillic,
  initialFits,
  lookupGivenName,
  lookupPatronymic,
  oneEditApart,
  looksRussian,
  parseIsoPartial,
  plainForm,
  skeleton,
  surnameBase,
} from '../names';
import type { NameParts, PartialDate } from '../names';
import { compareDates } from './dates';
import { normaliseUnit } from './parse';
import type { ParsedEntry, Reason, RegisteredPerson } from './types';

/** Evidence weights in points; the score is a logistic of their sum (see pointsToScore). */
export const WEIGHTS = {
  surname: { exact: 4, genderForm: 3.5, typo1: 2.5, typo2: 1, mismatch: -4 },
  givenName: { exact: 3, typo: 2, initial: 1.3, mismatch: -3.5 },
  patronymic: { exact: 2.5, typo: 1.5, initial: 1, mismatch: -3 },
  dateOfBirth: { exact: 3, swappedAmbiguous: 2.6, swapped: 1.8, yearMonth: 1.8, yearOnly: 1.2, yearOff: -2.5, mismatch: -3.5 },
  unit: { exact: 0.8, mismatch: -0.4 },
  /** reading the words in the other order costs a little */
  alternativeOrder: -0.5,
} as const;

/** An initial that fits only the Russian (or another) form counts this much of a Ukrainian-form initial. */
const INITIAL_OTHER_FORM = 0.7;

/**
 * A contradiction in any field (a different given name, date, unit…) must never allow an automatic link:
 * points above CONTRADICTION_CAP are compressed by CONTRADICTION_SLOPE, which keeps the ranking but stays
 * below any sensible link threshold (max ≈ 4.5 + 0.1 × 9 < 5.5).
 */
export const CONTRADICTION_CAP = 4.5;
const CONTRADICTION_SLOPE = 0.1;

/** Points at which the score is 0.5, and points per unit of log-odds. */
export const SCORE_MIDPOINT = 5;
export const SCORE_SCALE = 1.5;

export function pointsToScore(points: number): number {
  return 1 / (1 + Math.exp(-(points - SCORE_MIDPOINT) / SCORE_SCALE));
}

interface NameFeature {
  raw: string;
  plain: string;
  sk: string;
  id: string;
  exact: boolean;
}

interface PersonFeatures {
  surnameSk: string;
  surnameBase: string;
  surnamePlain: string;
  given: NameFeature | null;
  patronymic: NameFeature | null;
  dob: PartialDate | null;
  unit: string | null;
}

function nameFeature(raw: string | null | undefined, kind: 'given' | 'patronymic'): NameFeature | null {
  if (!raw || !raw.trim()) return null;
  const sk = skeleton(raw);
  const hit = kind === 'given' ? lookupGivenName(raw) : lookupPatronymic(raw);
  return { raw, plain: plainForm(raw), sk, id: hit?.id ?? '~' + sk, exact: hit?.exact ?? false };
}

const personCache = new WeakMap<RegisteredPerson, PersonFeatures>();

/** Computes and caches what scoring needs from a registered person (done once when an index is built). */
export function preparePerson(p: RegisteredPerson): void {
  personFeatures(p);
}

function personFeatures(p: RegisteredPerson): PersonFeatures {
  let f = personCache.get(p);
  if (!f) {
    const sk = skeleton(p.surname);
    f = {
      surnameSk: sk,
      surnameBase: surnameBase(sk),
      surnamePlain: plainForm(p.surname),
      given: nameFeature(p.givenName, 'given'),
      patronymic: nameFeature(p.patronymic, 'patronymic'),
      dob: parseIsoPartial(p.dateOfBirth),
      unit: normaliseUnit(p.unit),
    };
    personCache.set(p, f);
  }
  return f;
}

interface EntryNames {
  surname: { raw: string; plain: string; sk: string; base: string } | null;
  given: NameFeature | null;
  givenInitial: string | null;
  patronymic: NameFeature | null;
  patronymicInitial: string | null;
}

function entryNames(parts: NameParts): EntryNames {
  const sk = parts.surname ? skeleton(parts.surname) : '';
  return {
    surname: parts.surname && sk ? { raw: parts.surname, plain: plainForm(parts.surname), sk, base: surnameBase(sk) } : null,
    given: nameFeature(parts.givenName, 'given'),
    givenInitial: parts.givenInitial,
    patronymic: nameFeature(parts.patronymic, 'patronymic'),
    patronymicInitial: parts.patronymicInitial,
  };
}

const entryCache = new WeakMap<ParsedEntry, EntryNames[]>();

function entryReadings(e: ParsedEntry): EntryNames[] {
  let r = entryCache.get(e);
  if (!r) {
    r = [e, ...(e.alternatives ?? [])].map(entryNames);
    entryCache.set(e, r);
  }
  return r;
}

function spellingKind(raw: string, plainEqual: boolean): string {
  if (plainEqual) return 'exact';
  if (!hasCyrillic(raw)) return 'transliteration';
  return looksRussian(raw) ? 'russianForm' : 'variant';
}

function scoreSurname(e: EntryNames, p: PersonFeatures): Reason {
  const W = WEIGHTS.surname;
  if (!e.surname) return { field: 'surname', kind: 'missing', weight: 0 };
  if (e.surname.sk === p.surnameSk) {
    return { field: 'surname', kind: spellingKind(e.surname.raw, e.surname.plain === p.surnamePlain), weight: W.exact };
  }
  if (e.surname.base === p.surnameBase) return { field: 'surname', kind: 'genderForm', weight: W.genderForm };
  const len = Math.min(e.surname.base.length, p.surnameBase.length);
  if (len >= 4 && oneEditApart(e.surname.base, p.surnameBase)) return { field: 'surname', kind: 'typo', weight: W.typo1 };
  if (len >= 7 && damerauLevenshtein(e.surname.base, p.surnameBase, 2) === 2) {
    return { field: 'surname', kind: 'typo', weight: W.typo2 };
  }
  return { field: 'surname', kind: 'mismatch', weight: W.mismatch };
}

/** 2: the initial of the registered (Ukrainian) form; 1: of another form (А. for Олексій); 0: does not fit. */
function initialQuality(initial: string, person: NameFeature): number {
  if (!person.id.startsWith('~')) return initialFits(initial, person.id);
  if (hasCyrillic(initial) === hasCyrillic(person.raw)) return foldInitial(initial) === foldInitial(person.raw) ? 2 : 0;
  return skeleton(initial).charAt(0) === person.sk.charAt(0) ? 1 : 0;
}

function scoreName(
  field: 'givenName' | 'patronymic',
  entry: NameFeature | null,
  initial: string | null,
  person: NameFeature | null,
): Reason {
  const W = field === 'givenName' ? WEIGHTS.givenName : WEIGHTS.patronymic;
  if (!person || (!entry && !initial)) return { field, kind: 'missing', weight: 0 };
  if (!entry) {
    const q = initialQuality(initial as string, person);
    if (q === 0) return { field, kind: 'mismatch', weight: W.mismatch };
    return { field, kind: 'initial', weight: q === 2 ? W.initial : W.initial * INITIAL_OTHER_FORM };
  }
  if (entry.id === person.id) {
    if (entry.exact || entry.sk === person.sk) {
      return { field, kind: spellingKind(entry.raw, entry.plain === person.plain), weight: W.exact };
    }
    return { field, kind: 'typo', weight: W.typo };
  }
  const forms = field === 'givenName' && !person.id.startsWith('~') ? givenFormSkeletons(person.id) : [person.sk];
  for (const f of forms) {
    if (Math.min(f.length, entry.sk.length) < 4) continue;
    const close = field === 'patronymic' ? damerauLevenshtein(entry.sk, f, 2) <= 2 : oneEditApart(entry.sk, f);
    if (close) {
      return { field, kind: 'typo', weight: W.typo };
    }
  }
  return { field, kind: 'mismatch', weight: W.mismatch };
}

function scoreDate(e: PartialDate | null, p: PartialDate | null): Reason {
  const W = WEIGHTS.dateOfBirth;
  const c = compareDates(e, p);
  switch (c.kind) {
    case 'missing':
      return { field: 'dateOfBirth', kind: 'missing', weight: 0 };
    case 'exact':
      return { field: 'dateOfBirth', kind: 'exact', weight: W.exact };
    case 'dayMonthSwapped':
      return { field: 'dateOfBirth', kind: 'dayMonthSwapped', weight: c.ambiguous ? W.swappedAmbiguous : W.swapped };
    case 'yearMonth':
      return { field: 'dateOfBirth', kind: 'yearMonth', weight: W.yearMonth };
    case 'yearOnly':
      return { field: 'dateOfBirth', kind: 'yearOnly', weight: W.yearOnly };
    case 'yearOff':
      return { field: 'dateOfBirth', kind: 'yearOff', weight: W.yearOff };
    default:
      return { field: 'dateOfBirth', kind: 'mismatch', weight: W.mismatch };
  }
}

function scoreReading(e: EntryNames, entry: ParsedEntry, p: PersonFeatures): Reason[] {
  const reasons = [
    scoreSurname(e, p),
    scoreName('givenName', e.given, e.givenInitial, p.given),
    scoreName('patronymic', e.patronymic, e.patronymicInitial, p.patronymic),
    scoreDate(entry.dateOfBirth, p.dob),
  ];
  if (entry.unit && p.unit) {
    reasons.push(
      entry.unit === p.unit
        ? { field: 'unit', kind: 'exact', weight: WEIGHTS.unit.exact }
        : { field: 'unit', kind: 'mismatch', weight: WEIGHTS.unit.mismatch },
    );
  }
  return reasons;
}

/** Score in 0..1 with the reasons behind it; tries the other word order when the parse was unsure. */
export function scoreCandidate(entry: ParsedEntry, person: RegisteredPerson): { score: number; reasons: Reason[] } {
  const p = personFeatures(person);
  const readings = entryReadings(entry);
  let best: Reason[] = [];
  let bestPoints = -Infinity;
  readings.forEach((r, i) => {
    const reasons = scoreReading(r, entry, p);
    let points = reasons.reduce((s, x) => s + x.weight, 0);
    if (i > 0) points += WEIGHTS.alternativeOrder;
    if (points > CONTRADICTION_CAP && reasons.some((x) => x.kind === 'mismatch' || x.kind === 'yearOff')) {
      points = CONTRADICTION_CAP + (points - CONTRADICTION_CAP) * CONTRADICTION_SLOPE;
    }
    if (points > bestPoints) {
      bestPoints = points;
      best = reasons;
    }
  });
  return { score: pointsToScore(bestPoints), reasons: best };
}
