// How register values read on screen: names surname first, dates as stored, durations in whole days.
import type { PersonRow } from '../../../../shared/register';

type Named = Pick<PersonRow, 'surname' | 'givenName' | 'patronymic' | 'surnameLatin' | 'givenNameLatin'>;

export function originalName(p: Named): string {
  return [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ');
}

const LATIN = /^[\p{Script=Latin}\s'’.-]+$/u;

/** The Latin form is shown beside a Cyrillic name only when it adds something (not when the original is Latin). */
export function latinName(p: Named): string | null {
  if (!p.surnameLatin) return null;
  if (LATIN.test(p.surname)) return null;
  return [p.surnameLatin, p.givenNameLatin].filter(Boolean).join(' ');
}

/** Whole days since a (possibly partial) capture date; a partial date counts from its first day. */
export function captivityDays(captureDate: string | null, now: Date = new Date()): number | null {
  if (!captureDate) return null;
  const [y, m, d] = captureDate.split('-').map(Number);
  if (!y) return null;
  const start = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
  const days = Math.floor((now.getTime() - start) / 86_400_000);
  return days >= 0 ? days : null;
}

/** Updated-at stamps are ISO times; the table shows the date only. */
export function dayOf(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}
