// Keeps people's statuses in step with open rounds' lists: on a list → on_exchange_list / proposed, off it → as before.
import { listedStatus, unlistedStatus } from '../../../shared/exchanges';
import type { Side, Status } from '../../../shared/register';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { changeStatus } from '../register/persons';

type RoundRef = { number: number; source_id: string };

/** The status this round's list replaced, read from the status history it wrote (cited to the round's source). */
export const LISTED_FROM_SQL = `(SELECT sc.from_status FROM status_changes sc WHERE sc.person_id = p.id AND sc.source_id = ? AND sc.deleted = 0
    AND sc.to_status = p.status ORDER BY sc.at DESC, sc.rowid DESC LIMIT 1)`;

function roundRef(db: Db, roundId: string): RoundRef {
  return db.prepare('SELECT number, source_id FROM exchange_rounds WHERE id = ?').get(roundId) as RoundRef;
}

type Facts = { id: string; side: Side; status: Status; listed_from: Status | null };

function facts(db: Db, sourceId: string, personIds: readonly string[]): Facts[] {
  return db
    .prepare(
      `SELECT p.id, p.side, p.status, ${LISTED_FROM_SQL} AS listed_from FROM persons p
      WHERE p.deleted = 0 AND p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(sourceId, JSON.stringify(personIds)) as Facts[];
}

/**
 * Moves each person's status for being put on (`on`) or taken off the round's list; each change goes through the
 * register's status change (audited, cited to the round's source). Returns how many statuses changed.
 */
export function syncListed(w: Writer, roundId: string, personIds: readonly string[], on: boolean): number {
  if (personIds.length === 0) return 0;
  const r = roundRef(w.db, roundId);
  let changed = 0;
  for (const p of facts(w.db, r.source_id, personIds)) {
    const to = on ? listedStatus(p.side, p.status) : unlistedStatus(p.side, p.status, p.listed_from);
    if (!to) continue;
    changeStatus(w, { personId: p.id, status: to, sourceId: r.source_id, note: `exchange ${r.number}` });
    changed++;
  }
  return changed;
}
