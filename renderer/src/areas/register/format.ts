// How register values read on screen: names surname first, dates as stored, durations counted by the core.
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

/** Updated-at stamps are ISO times; the table shows the date only. */
export function dayOf(iso: string | null): string {
  return iso ? iso.slice(0, 10) : '';
}
