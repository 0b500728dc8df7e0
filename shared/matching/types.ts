// Types shared by parsing, scoring and the in-memory matcher.
import type { ParsedName, PartialDate } from '../names';

export interface ParsedEntry extends ParsedName {
  /** the text the entry was parsed from, for display */
  raw: string;
  dateOfBirth: PartialDate | null;
  /** normalised unit, e.g. А5279 (Cyrillic А) */
  unit: string | null;
  /** the rank the entry names (солдат, ст. сержант, капитан …), as written; never part of the name */
  rank?: string | null;
  /** an identity document's number found in the entry (passport, ID, military ticket) */
  document?: string | null;
  /** i18n keys: lists.problem.* */
  problems: string[];
}

export interface RegisteredPerson {
  id: string;
  ref?: string | null;
  surname: string;
  givenName?: string | null;
  patronymic?: string | null;
  /** 'YYYY' | 'YYYY-MM' | 'YYYY-MM-DD' */
  dateOfBirth?: string | null;
  unit?: string | null;
  sex?: string | null;
}

export type ReasonField = 'surname' | 'givenName' | 'patronymic' | 'dateOfBirth' | 'unit';

export interface Reason {
  field: ReasonField;
  /** exact, russianForm, transliteration, genderForm, initial, typo, missing, mismatch, dayMonthSwapped, yearOnly, yearMonth, yearOff, alternativeOrder */
  kind: string;
  weight: number;
  /** the entry's own spelling, where the reason names it (a diminutive: «Женя» → Євген) */
  form?: string;
}

export interface Thresholds {
  /** the best candidate's score must reach this for an automatic link */
  link: number;
  /** below this nobody is a plausible candidate: the entry is a new person */
  review: number;
  /** how far ahead of the second the best must be, in log-odds (score points before the logistic) */
  margin: number;
}

export type Suggestion = 'link' | 'review' | 'new';

export interface Candidate {
  personId: string;
  ref: string | null;
  score: number;
  reasons: Reason[];
}
