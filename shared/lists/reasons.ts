// The matcher's reasons are machine-readable (field + kind); screens translate them through these keys.
import type { MatchReason } from './schemas';

/** Every kind scoreCandidate can report, per field (keeps the i18n catalogues complete; tested). */
export const REASON_KINDS = {
  surname: ['exact', 'russianForm', 'transliteration', 'variant', 'genderForm', 'typo', 'confusable', 'missing', 'mismatch'],
  givenName: ['exact', 'russianForm', 'transliteration', 'variant', 'diminutive', 'typo', 'initial', 'missing', 'mismatch'],
  patronymic: ['exact', 'russianForm', 'transliteration', 'variant', 'typo', 'initial', 'missing', 'mismatch'],
  dateOfBirth: ['exact', 'dayMonthSwapped', 'yearMonth', 'yearOnly', 'yearOff', 'missing', 'mismatch'],
  unit: ['exact', 'mismatch'],
} as const;

/** lists.reason.<field>.<kind>; an unknown pair falls back to a generic key rather than a raw code. */
export function reasonKey(r: Pick<MatchReason, 'field' | 'kind'>): string {
  const kinds = (REASON_KINDS as Record<string, readonly string[]>)[r.field];
  return kinds?.includes(r.kind) ? `lists.reason.${r.field}.${r.kind}` : 'lists.reason.other';
}
