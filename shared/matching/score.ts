// Field-by-field comparison of a parsed entry with a registered person, with machine-readable reasons.
import {
  confusableBase,
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
  /** a diminutive (Женя for Євген) a little below the full name: with the surname and a unit it just reaches a link */
  givenName: { exact: 3, diminutive: 2.7, typo: 2, initial: 1.3, mismatch: -3.5 },
  patronymic: { exact: 2.5, typo: 1.5, initial: 1, mismatch: -3 },
  dateOfBirth: { exact: 3, swappedAmbiguous: 2.6, swapped: 1.8, yearMonth: 1.8, yearOnly: 1.2, yearOff: -2.5, mismatch: -3.5 },
  unit: { exact: 0.8, mismatch: -0.4 },
  /** reading the words in the other order costs a little */
  alternativeOrder: -0.5,
  /** reading Latin letters by another convention (Rousnak as Rusnak) costs less: the words stay in place */
  otherSpelling: -0.25,
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

/**
 * A surname reached only through a slip (typo, handwriting) is corrected, not confirmed: without a birth date or unit
 * that agrees, the points stay below the link threshold (7.5) — a namesake with a similar surname is a review.
 */
export const UNCORROBORATED_SLIP_CAP = 7;
/** Handwriting slips and two typing errors are the corrections that need corroboration; one ordinary typo links as before. */
const isNewSlip = (r: Reason): boolean => r.kind === 'confusable' || (r.kind === 'typo' && r.weight < WEIGHTS.surname.typo1);

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
  /** a diminutive's full names */
  dim: string[] | null;
}

/** A registered surname's forms; people with the same spelling share one (see MatchFeatures). */
interface SurnameFeature {
  sk: string;
  base: string;
  plain: string;
  /** the base with handwriting-confusable letters folded (и/н/п, ш/щ, к/х …) */
  conf: string;
}

interface PersonFeatures {
  /** the MatchFeatures the name forms come from (null: this person's own) */
  shared: MatchFeatures | null;
  surname: SurnameFeature;
  given: NameFeature | null;
  patronymic: NameFeature | null;
  dob: PartialDate | null;
  unit: string | null;
}

function nameFeature(raw: string | null | undefined, kind: 'given' | 'patronymic'): NameFeature | null {
  if (!raw || !raw.trim()) return null;
  const sk = skeleton(raw);
  const hit = kind === 'given' ? lookupGivenName(raw) : lookupPatronymic(raw);
  return { raw, plain: plainForm(raw), sk, id: hit?.id ?? '~' + sk, exact: hit?.exact ?? false, dim: hit?.diminutiveOf ?? null };
}

/**
 * Derived forms shared by the people of one register (one per matching cache, dropped with it): the same spelling
 * of a surname, given name, patronymic or unit is prepared once, and a list entry compares against it once — the
 * per-entry memo in scoreCandidate is keyed by these shared objects. Holds names, so it lives exactly as long as the
 * people it was built for.
 */
export class MatchFeatures {
  readonly surnames = new Map<string, SurnameFeature>();
  readonly given = new Map<string, NameFeature | null>();
  readonly patronymics = new Map<string, NameFeature | null>();
  readonly units = new Map<string, string | null>();
  readonly dates = new Map<string, PartialDate | null>();
  private readonly strings = new Map<string, string>();

  /** One copy of a repeated spelling (a register repeats its surnames, names, dates and units). */
  intern(s: string): string {
    const had = this.strings.get(s);
    if (had !== undefined) return had;
    this.strings.set(s, s);
    return s;
  }

  /** A stored date parsed once per spelling; never changed by the scorer. */
  date(raw: string | null | undefined): PartialDate | null {
    if (!raw) return null;
    let d = this.dates.get(raw);
    if (d === undefined) {
      d = parseIsoPartial(raw);
      this.dates.set(raw, d);
    }
    return d;
  }

  surname(raw: string): SurnameFeature {
    let f = this.surnames.get(raw);
    if (!f) {
      f = surnameFeature(raw);
      this.surnames.set(raw, f);
    }
    return f;
  }

  name(raw: string | null | undefined, kind: 'given' | 'patronymic'): NameFeature | null {
    if (!raw) return null;
    const map = kind === 'given' ? this.given : this.patronymics;
    let f = map.get(raw);
    if (f === undefined) {
      f = nameFeature(raw, kind);
      map.set(raw, f);
    }
    return f;
  }

  unit(raw: string | null | undefined): string | null {
    if (!raw) return null;
    let u = this.units.get(raw);
    if (u === undefined) {
      u = normaliseUnit(raw);
      this.units.set(raw, u);
    }
    return u;
  }
}

function surnameFeature(raw: string): SurnameFeature {
  const sk = skeleton(raw);
  return { sk, base: surnameBase(sk), plain: plainForm(raw), conf: confusableBase(raw) };
}

const personCache = new WeakMap<RegisteredPerson, PersonFeatures>();

/**
 * Computes and caches what scoring needs from a registered person (done once when an index is built). With
 * `shared`, people with the same spellings share their derived forms (faster to prepare and to score).
 */
export function preparePerson(p: RegisteredPerson, shared?: MatchFeatures): void {
  personFeatures(p, shared);
}

function personFeatures(p: RegisteredPerson, shared?: MatchFeatures): PersonFeatures {
  let f = personCache.get(p);
  if (!f) {
    f = shared
      ? {
          shared,
          surname: shared.surname(p.surname),
          given: shared.name(p.givenName, 'given'),
          patronymic: shared.name(p.patronymic, 'patronymic'),
          dob: shared.date(p.dateOfBirth),
          unit: shared.unit(p.unit),
        }
      : {
          shared: null,
          surname: surnameFeature(p.surname),
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
  surname: { raw: string; plain: string; sk: string; base: string; conf: string } | null;
  given: NameFeature | null;
  givenInitial: string | null;
  patronymic: NameFeature | null;
  patronymicInitial: string | null;
  /**
   * This reading's reason per registered surname / given name / patronymic form already compared (never exposed),
   * for the people of `memoOf`: another register's forms start them afresh, so they never hold a dropped cache.
   */
  memoOf: MatchFeatures | null;
  /** a reading of Latin letters by another convention (its own, smaller penalty) */
  respelled: boolean;
  memoSurname: Map<SurnameFeature, Reason>;
  memoGiven: Map<NameFeature, Reason>;
  memoPatronymic: Map<NameFeature, Reason>;
}

function entryNames(parts: NameParts): EntryNames {
  const sk = parts.surname ? skeleton(parts.surname) : '';
  return {
    surname:
      parts.surname && sk ? { raw: parts.surname, plain: plainForm(parts.surname), sk, base: surnameBase(sk), conf: confusableBase(parts.surname) } : null,
    given: nameFeature(parts.givenName, 'given'),
    givenInitial: parts.givenInitial,
    patronymic: nameFeature(parts.patronymic, 'patronymic'),
    patronymicInitial: parts.patronymicInitial,
    memoOf: null,
    respelled: parts.respelled === true,
    memoSurname: new Map(),
    memoGiven: new Map(),
    memoPatronymic: new Map(),
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

function scoreSurname(e: EntryNames, p: SurnameFeature): Reason {
  const W = WEIGHTS.surname;
  if (!e.surname) return { field: 'surname', kind: 'missing', weight: 0 };
  if (e.surname.sk === p.sk) {
    return { field: 'surname', kind: spellingKind(e.surname.raw, e.surname.plain === p.plain), weight: W.exact };
  }
  if (e.surname.base === p.base) return { field: 'surname', kind: 'genderForm', weight: W.genderForm };
  const len = Math.min(e.surname.base.length, p.base.length);
  if (len >= 4 && e.surname.conf === p.conf) return { field: 'surname', kind: 'confusable', weight: W.typo1 };
  if (len >= 4 && oneEditApart(e.surname.base, p.base)) return { field: 'surname', kind: 'typo', weight: W.typo1 };
  if (len >= 5 && (damerauLevenshtein(e.surname.base, p.base, 2) === 2 || oneEditApart(e.surname.conf, p.conf))) {
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

function scoreName(field: 'givenName' | 'patronymic', entry: NameFeature | null, initial: string | null, person: NameFeature | null): Reason {
  const W = field === 'givenName' ? WEIGHTS.givenName : WEIGHTS.patronymic;
  if (!person || (!entry && !initial)) return { field, kind: 'missing', weight: 0 };
  if (!entry) {
    const q = initialQuality(initial as string, person);
    if (q === 0) return { field, kind: 'mismatch', weight: W.mismatch };
    return { field, kind: 'initial', weight: q === 2 ? W.initial : W.initial * INITIAL_OTHER_FORM };
  }
  if (field === 'givenName' && (entry.dim || person.dim) && entry.sk !== person.sk) {
    const ids = person.dim ?? [person.id];
    if ((entry.dim ?? [entry.id]).some((id) => ids.includes(id))) {
      return { field, kind: 'diminutive', weight: WEIGHTS.givenName.diminutive, form: entry.raw };
    }
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

// The date and unit reasons are few and fixed: one object each, copied when reasons leave this module.
const DATE_REASONS = (() => {
  const W = WEIGHTS.dateOfBirth;
  const r = (kind: string, weight: number): Reason => ({ field: 'dateOfBirth', kind, weight });
  return {
    missing: r('missing', 0),
    exact: r('exact', W.exact),
    swappedAmbiguous: r('dayMonthSwapped', W.swappedAmbiguous),
    swapped: r('dayMonthSwapped', W.swapped),
    yearMonth: r('yearMonth', W.yearMonth),
    yearOnly: r('yearOnly', W.yearOnly),
    yearOff: r('yearOff', W.yearOff),
    mismatch: r('mismatch', W.mismatch),
  };
})();
const UNIT_EXACT: Reason = { field: 'unit', kind: 'exact', weight: WEIGHTS.unit.exact };
const UNIT_MISMATCH: Reason = { field: 'unit', kind: 'mismatch', weight: WEIGHTS.unit.mismatch };

function scoreDate(e: PartialDate | null, p: PartialDate | null): Reason {
  const c = compareDates(e, p);
  switch (c.kind) {
    case 'missing':
      return DATE_REASONS.missing;
    case 'exact':
      return DATE_REASONS.exact;
    case 'dayMonthSwapped':
      return c.ambiguous ? DATE_REASONS.swappedAmbiguous : DATE_REASONS.swapped;
    case 'yearMonth':
      return DATE_REASONS.yearMonth;
    case 'yearOnly':
      return DATE_REASONS.yearOnly;
    case 'yearOff':
      return DATE_REASONS.yearOff;
    default:
      return DATE_REASONS.mismatch;
  }
}

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
