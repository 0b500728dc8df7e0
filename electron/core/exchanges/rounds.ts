// Rounds: creation (with the source their status changes cite), reading with live totals, status moves, cancelling.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import {
  canMoveRound,
  isOpenRound,
  totalsOf,
  type Direction,
  type EntryState,
  type Mediator,
  type Round,
  type RoundStatus,
  type Totals,
} from '../../../shared/exchanges';
import type { RoundInput, RoundPatch } from '../../../shared/exchanges/schemas';
import type { z } from 'zod';
import type { Category } from '../../../shared/register';
import { createSource } from '../register/sources';
import type { Scalar, Writer } from '../db/write';
import type { Db } from '../vault/database';
import { appendAudit } from '../audit/audit';
import { syncListed } from './listing';

export interface RoundRow {
  id: string;
  number: number;
  status: RoundStatus;
  planned_date: string | null;
  actual_date: string | null;
  place: string | null;
  mediators: string;
  source_id: string;
  totals_json: string | null;
  summary_uk: string | null;
  summary_en: string | null;
  closed_at: string | null;
  created_at: string;
}

/** A refusal with its own translated message (shared/i18n exchanges.errors.*). */
export function refuse(code: 'CONFLICT' | 'VALIDATION' | 'NOT_FOUND', key: string, details: Record<string, unknown> = {}): ObminError {
  return new ObminError(code, details, `exchanges.errors.${key}`);
}

export function roundRow(db: Db, id: string): RoundRow {
  const r = db.prepare('SELECT * FROM exchange_rounds WHERE id = ? AND deleted = 0').get(id) as RoundRow | undefined;
  if (!r) throw new ObminError('NOT_FOUND', { what: id });
  return r;
}

export function roundIdByNumber(db: Db, number: number): string {
  const id = db.prepare('SELECT id FROM exchange_rounds WHERE number = ? AND deleted = 0').pluck().get(number) as string | undefined;
  if (!id) throw refuse('NOT_FOUND', 'noRound', { number });
  return id;
}

type Grouped = { round_id: string; direction: Direction; category: Category; state: EntryState; unexpected: number; count: number };

function groupedTotals(db: Db, roundId: string | null): Map<string, Totals> {
  const sql = `SELECT e.round_id, e.direction, p.category, e.state, e.unexpected, count(*) AS count
    FROM exchange_entries e JOIN persons p ON p.id = e.person_id
    WHERE e.deleted = 0 ${roundId ? 'AND e.round_id = ?' : ''} GROUP BY 1, 2, 3, 4, 5`;
  const rows = (roundId ? db.prepare(sql).all(roundId) : db.prepare(sql).all()) as Grouped[];
  const by = new Map<string, Grouped[]>();
  for (const r of rows) by.set(r.round_id, [...(by.get(r.round_id) ?? []), r]);
  return new Map([...by].map(([id, rs]) => [id, totalsOf(rs.map((r) => ({ ...r, unexpected: r.unexpected === 1 })))]));
}

export function toRound(r: RoundRow, live: Totals | undefined): Round {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    plannedDate: r.planned_date,
    actualDate: r.actual_date,
    place: r.place,
    mediators: JSON.parse(r.mediators) as Mediator[],
    sourceId: r.source_id,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    summary: r.summary_uk && r.summary_en ? { uk: r.summary_uk, en: r.summary_en } : null,
    // A closed round keeps the totals it closed with; an open one counts its entries now.
    totals: r.totals_json ? (JSON.parse(r.totals_json) as Totals) : (live ?? totalsOf([])),
  };
}

export function getRound(db: Db, id: string): Round {
  return toRound(roundRow(db, id), groupedTotals(db, id).get(id));
}

export function listRounds(db: Db): Round[] {
  const rows = db.prepare('SELECT * FROM exchange_rounds WHERE deleted = 0 ORDER BY number DESC').all() as RoundRow[];
  const totals = groupedTotals(db, null);
  return rows.map((r) => toRound(r, totals.get(r.id)));
}

export function createRound(w: Writer, input: z.output<typeof RoundInput>): Round {
  if (w.db.prepare('SELECT 1 FROM exchange_rounds WHERE number = ? AND deleted = 0').get(input.number))
    throw refuse('CONFLICT', 'numberTaken', { number: input.number });
  // Every status change the round makes cites this source: the round's own record of what happened.
  const source = createSource(
    w,
    { kind: 'official_document', title: `Обмін №${input.number} / Exchange round ${input.number}`, reliability: 'A', credibility: 1 },
    false,
  );
  const id = crypto.randomUUID();
  w.insert(
    'exchange_rounds',
    id,
    {
      number: input.number,
      status: 'planning',
      planned_date: input.plannedDate ?? null,
      place: input.place ?? null,
      mediators: JSON.stringify([...new Set(input.mediators)]),
      source_id: source.id,
    },
    { action: 'exchanges.create', details: { number: input.number } },
  );
  return getRound(w.db, id);
}

export function assertOpen(r: RoundRow): void {
  if (!isOpenRound(r.status)) throw refuse('CONFLICT', 'roundFinished', { number: r.number });
}

export function updateRound(w: Writer, id: string, patch: z.output<typeof RoundPatch>): Round {
  const r = roundRow(w.db, id);
  assertOpen(r);
  const values: Record<string, Scalar> = {};
  if (patch.place !== undefined) values.place = patch.place;
  if (patch.plannedDate !== undefined) values.planned_date = patch.plannedDate;
  if (patch.actualDate !== undefined) values.actual_date = patch.actualDate;
  if (patch.mediators !== undefined) values.mediators = JSON.stringify([...new Set(patch.mediators)]);
  w.update('exchange_rounds', id, values, { action: 'exchanges.update', details: { number: r.number } });
  return getRound(w.db, id);
}

/** Moves a round along its legal path; the same status is a no-op. */
export function moveRound(w: Writer, r: RoundRow, to: RoundStatus, extra: Record<string, Scalar> = {}): void {
  if (r.status === to && Object.keys(extra).length === 0) return;
  if (r.status !== to && !canMoveRound(r.status, to))
    throw refuse('CONFLICT', 'badRoundMove', { number: r.number, from: [`exchanges.status.${r.status}`], to: [`exchanges.status.${to}`] });
  w.update('exchange_rounds', r.id, { status: to, ...extra }, null);
  appendAudit(w.db, w.operatorId, 'exchanges.status', `exchange_rounds:${r.id}`, { number: r.number, from: r.status, to });
  r.status = to;
}

/**
 * After agreement the counterpart may come back with changes: the round returns to negotiating, its lists open again,
 * and the next freeze sends v4 with its differences from the agreed version.
 */
export function reopenRound(w: Writer, id: string): Round {
  const r = roundRow(w.db, id);
  if (r.status !== 'agreed')
    throw refuse('CONFLICT', 'badRoundMove', { number: r.number, from: [`exchanges.status.${r.status}`], to: ['exchanges.status.negotiating'] });
  moveRound(w, r, 'negotiating');
  return getRound(w.db, id);
}

/** Cancelling lets everyone on the lists go: their statuses return to what they were before the round listed them. */
export function cancelRound(w: Writer, id: string): Round {
  moveRound(w, roundRow(w.db, id), 'cancelled');
  const people = w.db
    .prepare("SELECT person_id FROM exchange_entries WHERE round_id = ? AND deleted = 0 AND state NOT IN ('withdrawn','rejected_by_counterpart')")
    .pluck()
    .all(id) as string[];
  syncListed(w, id, people, false);
  return getRound(w.db, id);
}
