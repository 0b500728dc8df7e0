// What scoring compares, prepared once: a registered person's name forms (shared by the people of one register through
// MatchFeatures) and a list entry's readings, each with its per-form memo of reasons.
import { confusableBase, lookupGivenName, lookupPatronymic, parseIsoPartial, plainForm, skeleton, surnameBase } from '../names';
import type { NameParts, PartialDate } from '../names';
import { normaliseUnit } from './parse';
import type { ParsedEntry, Reason, RegisteredPerson } from './types';

export interface NameFeature {
  raw: string;
  plain: string;
  sk: string;
  id: string;
  exact: boolean;
  /** a diminutive's full names */
  dim: string[] | null;
}

/** A registered surname's forms; people with the same spelling share one (see MatchFeatures). */
export interface SurnameFeature {
  sk: string;
  base: string;
  plain: string;
  /** the base with handwriting-confusable letters folded (и/н/п, ш/щ, к/х …) */
  conf: string;
}

export interface PersonFeatures {
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

export function personFeatures(p: RegisteredPerson, shared?: MatchFeatures): PersonFeatures {
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

export interface EntryNames {
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

export function entryReadings(e: ParsedEntry): EntryNames[] {
  let r = entryCache.get(e);
  if (!r) {
    r = [e, ...(e.alternatives ?? [])].map(entryNames);
    entryCache.set(e, r);
  }
  return r;
}
