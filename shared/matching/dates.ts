// Dates of birth in the formats lists use, possibly partial, possibly with day and month swapped.
import type { PartialDate } from '../names';

/** Two-digit years up to this value are read as 20xx, the rest as 19xx (people born 1931–2030). */
export const TWO_DIGIT_YEAR_PIVOT = 30;

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n <= TWO_DIGIT_YEAR_PIVOT ? 2000 + n : 1900 + n;
}

function valid(d: PartialDate): boolean {
  if (d.year === undefined || d.year < 1900 || d.year > 2035) return false;
  if (d.month !== undefined && (d.month < 1 || d.month > 12)) return false;
  if (d.day !== undefined && (d.day < 1 || d.day > 31)) return false;
  return true;
}

/** Reads 17.03.1973, 1973-03-17, 03/17/1973, 17/03/1973, 17.03.73, 03.1973, 1973-03, 1973 (and "1973 р.н."). */
export function parseDate(input: string | null | undefined): PartialDate | null {
  if (!input) return null;
  const s = input
    .trim()
    .replace(/\s*(р\.?\s*н\.?|г\.?\s*р\.?|р\.|г\.|року|года|yob|born|b\.)\s*$/iu, '')
    .replace(/\s+/g, '');
  if (!s) return null;
  let m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(s);
  if (m) {
    const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (d.month > 12 && d.day <= 12) return check({ year: d.year, month: d.day, day: d.month });
    return check(d);
  }
  m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4] as string);
    if (a > 12 && b <= 12) return check({ year, month: b, day: a });
    if (b > 12 && a <= 12) return check({ year, month: a, day: b });
    // Slashes are where US month-first order turns up; dots and dashes are read day-first.
    const ambiguous = m[2] === '/' && a !== b;
    return check({ year, month: b, day: a, ...(ambiguous ? { ambiguousDayMonth: true } : {}) });
  }
  m = /^(\d{4})[-./](\d{1,2})$/.exec(s);
  if (m) return check({ year: Number(m[1]), month: Number(m[2]) });
  m = /^(\d{1,2})[-./](\d{4})$/.exec(s);
  if (m) return check({ year: Number(m[2]), month: Number(m[1]) });
  m = /^(\d{4})$/.exec(s);
  if (m) return check({ year: Number(m[1]) });
  return null;
}

function check(d: PartialDate): PartialDate | null {
  return valid(d) ? d : null;
}

/** Finds a date anywhere in a line; returns it with the matched text so the caller can remove it. */
export function findDate(line: string): { date: PartialDate; text: string } | null {
  const patterns = [
    /\b\d{4}-\d{1,2}-\d{1,2}\b/,
    /\b\d{1,2}([./-])\d{1,2}\1(?:\d{4}|\d{2})\b/,
    /\b\d{1,2}[./]\d{4}\b/,
    /\b\d{4}-\d{1,2}\b/,
    /(?<![\p{L}\d])(?:19|20)\d{2}(?!\d)/u,
  ];
  for (const re of patterns) {
    const m = re.exec(line);
    if (!m) continue;
    const date = parseDate(m[0]);
    if (date) return { date, text: m[0] };
  }
  return null;
}

export type DateComparison =
  | { kind: 'missing' }
  | { kind: 'exact' }
  | { kind: 'dayMonthSwapped'; ambiguous: boolean }
  | { kind: 'yearMonth' }
  | { kind: 'yearOnly' }
  | { kind: 'yearOff' }
  | { kind: 'mismatch' };

/** How an entry's date relates to a registered one, using only the parts both sides know. */
export function compareDates(entry: PartialDate | null | undefined, person: PartialDate | null | undefined): DateComparison {
  if (!entry?.year || !person?.year) return { kind: 'missing' };
  if (entry.year !== person.year) return Math.abs(entry.year - person.year) === 1 ? { kind: 'yearOff' } : { kind: 'mismatch' };
  if (entry.month === undefined || person.month === undefined) return { kind: 'yearOnly' };
  if (entry.day === undefined || person.day === undefined) {
    if (entry.month === person.month) return { kind: 'yearMonth' };
    if (entry.day !== undefined && entry.day === person.month) return { kind: 'yearMonth' };
    return { kind: 'mismatch' };
  }
  if (entry.month === person.month && entry.day === person.day) return { kind: 'exact' };
  if (entry.month === person.day && entry.day === person.month) {
    return { kind: 'dayMonthSwapped', ambiguous: entry.ambiguousDayMonth === true };
  }
  return { kind: 'mismatch' };
}
