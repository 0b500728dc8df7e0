// The home screen's figures: people in captivity by duration and category, rounds over time, open work.
import { DURATION_BUCKETS, captivityBucket, sumCounts, type Dashboard, type Totals } from '../../../shared/exchanges';
import type { Category } from '../../../shared/register';
import type { Db } from '../vault/database';
import { openTaskCount } from './closing';
import { listRounds } from './rounds';

/** Statuses of our people who are (or are believed to be) held by the adversary. */
const IN_CAPTIVITY = ['captivity_suspected', 'captivity_confirmed', 'on_exchange_list', 'remains_identified'];

export function dashboard(db: Db, today = new Date().toISOString().slice(0, 10)): Dashboard {
  const rows = db
    .prepare(
      `SELECT category, capture_date, count(*) AS n FROM persons
      WHERE deleted = 0 AND side = 'ours' AND status IN (SELECT value FROM json_each(?)) GROUP BY 1, 2`,
    )
    .all(JSON.stringify(IN_CAPTIVITY)) as { category: Category; capture_date: string | null; n: number }[];
  const buckets = new Map(DURATION_BUCKETS.map((b) => [b, { bucket: b, military: 0, civilian: 0, remains: 0, other: 0 }]));
  for (const r of rows) buckets.get(captivityBucket(r.capture_date, today))![r.category] += r.n;
  const rounds = listRounds(db)
    .filter((r) => r.status !== 'cancelled')
    .reverse()
    .map((r) => ({
      number: r.number,
      date: r.actualDate ?? r.plannedDate,
      status: r.status,
      received: sumCounts((r.totals as Totals).handedOver.receive),
      given: sumCounts((r.totals as Totals).handedOver.give),
    }));
  const missingData = db
    .prepare(
      `SELECT count(DISTINCT p.id) FROM exchange_entries e JOIN exchange_rounds r ON r.id = e.round_id JOIN persons p ON p.id = e.person_id
      WHERE e.deleted = 0 AND r.deleted = 0 AND r.status NOT IN ('closed','cancelled') AND e.state NOT IN ('withdrawn','rejected_by_counterpart')
      AND p.category <> 'remains' AND (p.date_of_birth IS NULL OR (coalesce(trim(p.unit), '') = '' AND coalesce(trim(p.document_numbers), '') = ''))`,
    )
    .pluck()
    .get() as number;
  const persons = db.prepare('SELECT count(*) FROM persons WHERE deleted = 0').pluck().get() as number;
  return { persons, captivity: [...buckets.values()], rounds, openTasks: openTaskCount(db), missingData };
}
