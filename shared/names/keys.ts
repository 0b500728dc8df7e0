// Index keys: what the register stores per person, and what a query looks up (the recall contract).
import { lookupGivenName } from './givenNames';
import { damerauLevenshtein } from './distance';
import { plainForm } from './normalise';
import { skeleton, surnameBase } from './translit';

export interface PartialDate {
  year?: number;
  month?: number;
  day?: number;
  /** both numbers could be the day or the month (05/06/1998) */
  ambiguousDayMonth?: boolean;
}

export interface NameParts {
  surname: string | null;
  givenName: string | null;
  givenInitial: string | null;
  patronymic: string | null;
  patronymicInitial: string | null;
  /** an alternative that reads Latin letters by another convention (not another word order) */
  respelled?: boolean;
}

export interface ParsedName extends NameParts {
  /** other readings of the same words when the order is uncertain (which word is the surname) */
  alternatives?: NameParts[];
  dateOfBirth?: PartialDate | null;
}

export interface NameKey {
  kind: string;
  key: string;
}

/** Max persons keys; the surname deletion neighbourhood is the bulk of them. */
export const MAX_PERSON_KEYS = 20;
// Typos after this many skeleton letters are caught by the prefix key instead of deletions.
const PREFIX = 8;
const MIN_DELETION_LEN = 4;

function deletions(s: string, upTo: number): string[] {
  const out: string[] = [];
  if (s.length < MIN_DELETION_LEN) return out;
  // Collapsed like the skeleton, so deleting the р of оробець meets the typed ообець → обець.
  for (let i = 0; i < Math.min(s.length, upTo); i++) out.push((s.slice(0, i) + s.slice(i + 1)).replace(/(.)\1+/g, '$1'));
  return out;
}

/** The gender-neutral surname key of a surname as written (several words are joined). */
export function surnameKey(surname: string): string {
  return surnameBase(skeleton(surname));
}

// Letters that handwriting and recognition confuse, folded onto one (и/й/н/п, ш/щ, е/є/ё, г/т, к/х, і/ї).
const CONFUSABLE: Record<string, string> = { й: 'и', н: 'и', п: 'и', щ: 'ш', є: 'е', ё: 'е', г: 'т', х: 'к', ї: 'і' };

/** The surname key with handwriting-confusable Cyrillic letters folded: Тищеико and Тищенко share it. */
export function confusableBase(surname: string): string {
  const plain = plainForm(surname);
  return surnameBase(skeleton(plain.replace(/[йнпщєёгхї]/g, (c) => CONFUSABLE[c] ?? c)));
}

/** Canonical given-name id, or the skeleton when the name is not in the table. */
export function givenNameKey(given: string): string {
  return lookupGivenName(given)?.id ?? '~' + skeleton(given);
}

function isoDate(d: PartialDate): string | null {
  if (!d.year || !d.month || !d.day) return null;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Parses 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' as stored in the register. */
export function parseIsoPartial(s: string | null | undefined): PartialDate | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s.trim());
  if (!m) return null;
  const d: PartialDate = { year: Number(m[1]) };
  if (m[2]) d.month = Number(m[2]);
  if (m[3]) d.day = Number(m[3]);
  return d;
}

/** Index keys for one registered person: deduplicated, at most MAX_PERSON_KEYS. */
export function personNameKeys(p: {
  surname: string;
  givenName?: string | null;
  patronymic?: string | null;
  dateOfBirth?: string | null;
  variants?: string[];
}): NameKey[] {
  const out: NameKey[] = [];
  const seen = new Set<string>();
  const add = (kind: string, key: string): void => {
    if (out.length >= MAX_PERSON_KEYS || seen.has(key)) return;
    seen.add(key);
    out.push({ kind, key });
  };
  const base = surnameKey(p.surname);
  if (base) add('surname', 's:' + base);
  const dob = isoDate(parseIsoPartial(p.dateOfBirth) ?? {});
  if (dob && p.givenName) add('givenDob', `g:${givenNameKey(p.givenName)}|${dob}`);
  for (const v of p.variants ?? []) {
    for (const word of v.split(/[\s,]+/)) {
      const vb = surnameKey(word);
      if (vb.length >= 2) add('variant', 's:' + vb);
    }
  }
  if (base.length > PREFIX + 1) add('surnamePrefix', 'p:' + base.slice(0, PREFIX));
  for (const d of deletions(base, PREFIX + 1)) add('surnameTypo', 's:' + d);
  return out;
}

function surnameQueryKeys(surname: string, into: Set<string>): void {
  const base = surnameKey(surname);
  if (!base) return;
  into.add('s:' + base);
  if (base.length > PREFIX) into.add('p:' + base.slice(0, PREFIX));
  for (const d of deletions(base, base.length)) into.add('s:' + d);
}

/** Keys to look up for a query: every person who could plausibly match shares at least one of them. */
export function queryNameKeys(q: ParsedName): string[] {
  const keys = new Set<string>();
  for (const parts of [q, ...(q.alternatives ?? [])]) {
    if (parts.surname) surnameQueryKeys(parts.surname, keys);
    const d = q.dateOfBirth;
    if (parts.givenName && d?.year && d.month && d.day) {
      // A diminutive (Женя) looks up every full name it can stand for (Євген, Євгенія).
      for (const id of lookupGivenName(parts.givenName)?.diminutiveOf ?? [givenNameKey(parts.givenName)]) {
        keys.add(`g:${id}|${isoDate(d)}`);
        if (d.day <= 12 && d.day !== d.month) keys.add(`g:${id}|${isoDate({ year: d.year, month: d.day, day: d.month })}`);
      }
    }
  }
  return [...keys];
}

// ---- Retrieval that survives errors: a vocabulary of registered surnames with their two-deletion neighbourhoods ----

/** Surnames shorter than this are not searched for by edits (two edits in a four-letter name find anyone). */
export const FUZZY_MIN_LEN = 4;
/** Up to this many edits between the written and the registered surname (skeletons, gender ending dropped). */
export const FUZZY_MAX_EDITS = 2;

function deletionNeighbourhood(s: string, depth: number): Set<string> {
  const out = new Set<string>([s]);
  let layer = [s];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of layer) {
      if (w.length <= 2) continue;
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    layer = next;
  }
  return out;
}

/**
 * The vocabulary keys of one registered surname key (a distinct spelling, not a person): 'f:' + each string reached
 * by deleting up to two letters. Two surnames within two edits share one of them (symmetric deletion).
 */
export function surnameVocabKeys(base: string): string[] {
  if (base.length < FUZZY_MIN_LEN) return [];
  return [...deletionNeighbourhood(base, FUZZY_MAX_EDITS)].map((d) => 'f:' + d);
}

/** The surname bases (gender ending dropped) of an entry's readings that are long enough to search by edits. */
export function fuzzyQueryBases(q: ParsedName): string[] {
  const out = new Set<string>();
  for (const parts of [q, ...(q.alternatives ?? [])]) {
    if (!parts.surname) continue;
    const base = surnameKey(parts.surname);
    if (base.length >= FUZZY_MIN_LEN) out.add(base);
  }
  return [...out];
}

/** The registered bases (from a vocabulary lookup of surnameVocabKeys(base)) within FUZZY_MAX_EDITS of base. */
export function closeSurnameBases(base: string, found: Iterable<string>): string[] {
  const out: string[] = [];
  for (const b of found) {
    if (b !== base && b.length >= FUZZY_MIN_LEN && damerauLevenshtein(base, b, FUZZY_MAX_EDITS) <= FUZZY_MAX_EDITS) out.push(b);
  }
  return out.sort();
}

/** The surname bases a registered person adds to the vocabulary: the surname's and each variant word's. */
export function personSurnameBases(keys: NameKey[]): string[] {
  const out: string[] = [];
  for (const k of keys) if ((k.kind === 'surname' || k.kind === 'variant') && k.key.length - 2 >= FUZZY_MIN_LEN) out.push(k.key.slice(2));
  return out;
}
