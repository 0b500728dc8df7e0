// Dates as operators type them (ДД.ММ.РРРР, as the Lists area reads them) become the register's ISO partial dates;
// dates that contradict each other are named so the form can warn before saving.
import { parseDate } from '../matching/dates';
import { isPartialDate } from './enums';

const pad = (n: number) => String(n).padStart(2, '0');

/** '17.03.1973', '03.1973', '1973-03-17', '1973' → ISO partial; anything else comes back trimmed for the schema to refuse. */
export function normaliseDateInput(input: string): string {
  const s = input.trim();
  if (s === '' || isPartialDate(s)) return s;
  // Slashes are where month-first order turns up, and a wrong ISO date is a typo to show, not a swap to guess.
  if (s.includes('/') || /^\d{4}-/.test(s)) return s;
  const d = parseDate(s);
  if (!d?.year) return s;
  const iso = d.month === undefined ? String(d.year) : d.day === undefined ? `${d.year}-${pad(d.month)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  return isPartialDate(iso) ? iso : s;
}

/** The earliest and latest day a partial date can mean, as comparable ISO strings. */
const earliest = (d: string) => (d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d);
const latest = (d: string) => (d.length === 4 ? `${d}-12-31` : d.length === 7 ? `${d}-31` : d);

export const DATE_WARNINGS = ['birthInFuture', 'captureInFuture', 'captureBeforeBirth', 'releaseBeforeCapture'] as const;
export type DateWarningCode = (typeof DATE_WARNINGS)[number];
export interface DateWarning {
  field: 'dateOfBirth' | 'captureDate' | 'releaseDate';
  code: DateWarningCode;
}

/** Only what is certainly wrong: a partial date warns when every day it can mean is wrong. */
export function dateWarnings(
  d: { dateOfBirth?: string | null | undefined; captureDate?: string | null | undefined; releaseDate?: string | null | undefined },
  today: string,
): DateWarning[] {
  const ok = (v: string | null | undefined): v is string => typeof v === 'string' && isPartialDate(v);
  const out: DateWarning[] = [];
  if (ok(d.dateOfBirth) && earliest(d.dateOfBirth) > today) out.push({ field: 'dateOfBirth', code: 'birthInFuture' });
  if (ok(d.captureDate) && earliest(d.captureDate) > today) out.push({ field: 'captureDate', code: 'captureInFuture' });
  if (ok(d.captureDate) && ok(d.dateOfBirth) && latest(d.captureDate) < earliest(d.dateOfBirth)) out.push({ field: 'captureDate', code: 'captureBeforeBirth' });
  const release = d.releaseDate?.slice(0, 10);
  if (ok(release) && ok(d.captureDate) && latest(release) < earliest(d.captureDate)) out.push({ field: 'releaseDate', code: 'releaseBeforeCapture' });
  return out;
}
