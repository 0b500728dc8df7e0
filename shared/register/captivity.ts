// Days in captivity: one definition for the window, the SQL the core runs, and the CLI.
import type { Status } from './enums';

/** Statuses after which captivity is over: home (released, repatriated, transferred) or dead. */
export const CAPTIVITY_OVER_STATUSES = [
  'released',
  'remains_repatriated',
  'transferred',
  'deceased',
  'remains_identified',
] as const satisfies readonly Status[];

export function isCaptivityOver(status: string | null | undefined): boolean {
  return (CAPTIVITY_OVER_STATUSES as readonly string[]).includes(status ?? '');
}

const DAY_MS = 86_400_000;

/** Midnight UTC of a (possibly partial) ISO date or time; a partial date counts from its first day. */
function dayStart(s: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
}

/** Today as YYYY-MM-DD (UTC), the "to" of a captivity that has not ended. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Whole days from capture to the end of captivity: the day the status became released, repatriated, transferred or
 * dead (`endedOn`), else today. Null when there is no capture date, or captivity is over but nobody recorded when.
 */
export function captivityDays(
  captureDate: string | null | undefined,
  status: string | null | undefined,
  endedOn: string | null | undefined,
  today: string = todayIso(),
): number | null {
  if (!captureDate) return null;
  const start = dayStart(captureDate);
  if (start === null) return null;
  const over = isCaptivityOver(status);
  if (over && !endedOn) return null;
  const end = dayStart(over ? endedOn! : today);
  if (end === null) return null;
  const days = Math.floor((end - start) / DAY_MS);
  return days >= 0 ? days : null;
}
