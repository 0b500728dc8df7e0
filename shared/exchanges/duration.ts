// How long someone has been held, in the dashboard's buckets. Partial capture dates count from their first day.
import type { DURATION_BUCKETS } from './schemas';

export type DurationBucket = (typeof DURATION_BUCKETS)[number];

export function captivityBucket(captureDate: string | null, today: string): DurationBucket {
  if (!captureDate) return 'unknown';
  const [y, m = '01', d = '01'] = captureDate.split('-');
  const start = Date.parse(`${y}-${m}-${d}T00:00:00Z`);
  const now = Date.parse(`${today.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(now) || start > now) return 'unknown';
  const months = (now - start) / (30.4375 * 86_400_000);
  if (months < 6) return 'lt6m';
  if (months < 12) return 'm6to12';
  if (months < 24) return 'y1to2';
  if (months < 36) return 'y2to3';
  return 'gt3y';
}
