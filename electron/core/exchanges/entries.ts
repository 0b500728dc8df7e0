// The two lists: adding people (all or none), withdrawing, the entry views with their warnings, and state changes.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import {
  WARNINGS,
  canMoveEntry,
  isActiveEntry,
  listsEditable,
  refusalsFor,
  warningsFor,
  type Candidate,
  type Direction,
  type EntryState,
  type EntryView,
  type Warning,
} from '../../../shared/exchanges';
import type { Category, Side, Status } from '../../../shared/register';
import { appendAudit } from '../audit/audit';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { LISTED_FROM_SQL, syncListed } from './listing';
import { assertOpen, refuse, roundRow, type RoundRow } from './rounds';

export interface EntryRow {
  id: string;
  round_id: string;
  person_id: string;
  direction: Direction;
  state: EntryState;
  unexpected: number;
}

const ACTIVE_SQL = "state NOT IN ('withdrawn','rejected_by_counterpart')";

function roundIsOpen(db: Db, roundId: string): boolean {
  const st = db.prepare('SELECT status FROM exchange_rounds WHERE id = ?').pluck().get(roundId) as string | undefined;
  return st !== undefined && st !== 'closed' && st !== 'cancelled';
}

/** The latest proposal is one we sent and no answer has been recorded after it. */
export function awaitingAnswer(db: Db, roundId: string): boolean {
  const k = db.prepare('SELECT kind FROM exchange_proposals WHERE round_id = ? AND deleted = 0 ORDER BY version DESC LIMIT 1').pluck().get(roundId) as
    string | undefined;
  const st = db.prepare('SELECT status FROM exchange_rounds WHERE id = ?').pluck().get(roundId) as string | undefined;
  // Once the handover has started (or the round ended) nothing waits for an answer any more.
  return k === 'sent' && (st === 'planning' || st === 'negotiating');
}

export function assertEditable(db: Db, r: RoundRow): void {
  assertOpen(r);
  const waiting = awaitingAnswer(db, r.id);
  if (!listsEditable(r.status, waiting)) {
    const version = db.prepare('SELECT max(version) FROM exchange_proposals WHERE round_id = ? AND deleted = 0').pluck().get(r.id) as number | null;
    throw refuse('CONFLICT', waiting ? 'proposalFrozen' : 'listsLocked', { number: r.number, version: version ?? 0 });
  }
}

type PersonFacts = {
  id: string;
  ref: string | null;
  surname: string;
  side: Side;
  category: Category;
  status: Status;
  date_of_birth: string | null;
  unit: string | null;
  document_numbers: string | null;
  listed_from?: Status | null;
};
const toCandidate = (p: PersonFacts): Candidate => ({
  id: p.id,
  side: p.side,
  category: p.category,
  status: p.status,
  dateOfBirth: p.date_of_birth,
  unit: p.unit,
  documentNumbers: p.document_numbers,
  listedFrom: p.listed_from ?? null,
});
const sourceOf = (db: Db, roundId: string): string => db.prepare('SELECT source_id FROM exchange_rounds WHERE id = ?').pluck().get(roundId) as string;

function peopleFacts(db: Db, ids: readonly string[]): Map<string, PersonFacts> {
  const out = new Map<string, PersonFacts>();
  const q = db.prepare(
    'SELECT id, ref, surname, side, category, status, date_of_birth, unit, document_numbers FROM persons WHERE deleted = 0 AND id IN (SELECT value FROM json_each(?))',
  );
  for (let i = 0; i < ids.length; i += 5000) for (const p of q.all(JSON.stringify(ids.slice(i, i + 5000))) as PersonFacts[]) out.set(p.id, p);
  return out;
}

/** person id → number of another open round whose active entries hold them. */
export function otherOpenRounds(db: Db, roundId: string, personIds: readonly string[] | null): Map<string, number> {
  const sql = `SELECT e.person_id, r.number FROM exchange_entries e JOIN exchange_rounds r ON r.id = e.round_id
    WHERE e.deleted = 0 AND r.deleted = 0 AND r.status NOT IN ('closed','cancelled') AND r.id <> ? AND e.${ACTIVE_SQL}
    AND e.person_id IN (${personIds ? 'SELECT value FROM json_each(?)' : 'SELECT person_id FROM exchange_entries WHERE round_id = ? AND deleted = 0'})`;
  const rows = db.prepare(sql).all(roundId, personIds ? JSON.stringify(personIds) : roundId) as { person_id: string; number: number }[];
  return new Map(rows.map((r) => [r.person_id, r.number]));
}

/**
 * Adds people to one direction of a round, all or none: an unknown person, or anyone the rules refuse, fails the
 * whole request with the first reason (and how many were refused).
 */
export function addEntries(w: Writer, roundId: string, direction: Direction, personIds: readonly string[]): { added: number } {
  const db = w.db;
  const r = roundRow(db, roundId);
  assertEditable(db, r);
  const facts = peopleFacts(db, [...new Set(personIds)]);
  const missing = personIds.find((id) => !facts.has(id));
  if (missing) throw new ObminError('NOT_FOUND', { what: missing });
  const existing = new Map(
    (db.prepare('SELECT * FROM exchange_entries WHERE round_id = ? AND deleted = 0').all(roundId) as EntryRow[]).map((e) => [e.person_id, e]),
  );
  const onThisRound = new Set([...existing.values()].filter((e) => isActiveEntry(e.state)).map((e) => e.person_id));
  const refusals = refusalsFor(
    personIds.map((id) => toCandidate(facts.get(id)!)),
    direction,
    { onThisRound, onOtherRound: otherOpenRounds(db, roundId, personIds) },
  );
  if (refusals.length) {
    const first = refusals[0]!;
    const p = facts.get(first.personId)!;
    throw refuse('CONFLICT', 'notAdded', {
      count: refusals.length,
      who: p.ref ?? p.surname,
      reasons: [`exchanges.refusal.${first.reason}`],
      round: first.round ?? '',
    });
  }
  const now = new Date().toISOString();
  const fresh: string[] = [];
  for (const id of personIds) {
    const old = existing.get(id);
    if (old) {
      // Withdrawn or rejected earlier: the same entry is proposed again (its history stays with it).
      if (old.direction !== direction) w.update('exchange_entries', old.id, { direction }, null);
      setEntryState(w, old, 'proposed', 'plan');
      continue;
    }
    const entryId = crypto.randomUUID();
    w.insert('exchange_entries', entryId, { round_id: roundId, person_id: id, direction, state: 'proposed', unexpected: 0, created_at: now }, null);
    w.insert(
      'exchange_entry_states',
      crypto.randomUUID(),
      { entry_id: entryId, round_id: roundId, from_state: null, to_state: 'proposed', kind: 'plan', at: now, operator_id: w.operatorId },
      null,
    );
    fresh.push(id);
  }
  syncListed(w, roundId, fresh, true);
  appendAudit(db, w.operatorId, 'exchanges.add', `exchange_rounds:${roundId}`, { number: r.number, direction, count: personIds.length });
  return { added: personIds.length };
}

export function entryRow(db: Db, id: string): EntryRow {
  const e = db.prepare('SELECT * FROM exchange_entries WHERE id = ? AND deleted = 0').get(id) as EntryRow | undefined;
  if (!e) throw new ObminError('NOT_FOUND', { what: id });
  return e;
}

/** Changes an entry's state along its legal path and records the change in its history. */
export function setEntryState(w: Writer, e: EntryRow, to: EntryState, kind: 'plan' | 'mark' | 'undo'): void {
  if (e.state === to) return;
  if (kind !== 'undo' && !canMoveEntry(e.state, to))
    throw refuse('CONFLICT', 'badEntryMove', { from: [`exchanges.state.${e.state}`], to: [`exchanges.state.${to}`] });
  w.update('exchange_entries', e.id, { state: to }, null);
  w.insert(
    'exchange_entry_states',
    crypto.randomUUID(),
    { entry_id: e.id, round_id: e.round_id, from_state: e.state, to_state: to, kind, at: new Date().toISOString(), operator_id: w.operatorId },
    null,
  );
  // Onto the list or off it: the person's status follows (on_exchange_list / proposed, or back to what it was).
  if (isActiveEntry(e.state) !== isActiveEntry(to)) syncListed(w, e.round_id, [e.person_id], isActiveEntry(to));
  e.state = to;
}

/** Takes a person off the list before the handover (a withdrawn entry can be proposed again by adding them). */
export function withdrawEntry(w: Writer, entryId: string): void {
  const e = entryRow(w.db, entryId);
  const r = roundRow(w.db, e.round_id);
  assertEditable(w.db, r);
  setEntryState(w, e, 'withdrawn', 'plan');
  appendAudit(w.db, w.operatorId, 'exchanges.withdraw', `exchange_entries:${e.id}`, { number: r.number, personId: e.person_id });
}

type ViewRow = PersonFacts & {
  entry_id: string;
  direction: Direction;
  state: EntryState;
  unexpected: number;
  given_name: string | null;
  patronymic: string | null;
  rank: string | null;
  distinguishing_marks: string | null;
  seriously_wounded: number;
};

const VIEW_SQL = `SELECT e.id AS entry_id, e.direction, e.state, e.unexpected, p.id, p.ref, p.surname, p.given_name, p.patronymic,
      p.date_of_birth, p.side, p.category, p.status, p.rank, p.unit, p.document_numbers, p.distinguishing_marks, p.seriously_wounded,
      CASE WHEN p.status IN ('on_exchange_list','proposed') THEN ${LISTED_FROM_SQL} END AS listed_from
    FROM exchange_entries e JOIN persons p ON p.id = e.person_id
    WHERE e.round_id = ? AND e.direction = ? AND e.deleted = 0
    ORDER BY (e.state IN ('withdrawn','rejected_by_counterpart')), p.surname COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id LIMIT ? OFFSET ?`;
// Photos only for the page's people, after the sort (a subquery in the select list would run for the whole list).
const PHOTO_SQL = `SELECT a.person_id, a.id FROM attachments a WHERE a.deleted = 0 AND a.kind = 'photo' AND a.person_id IN (SELECT value FROM json_each(?)) ORDER BY a.created_at DESC`;

/** One page of one list, with each person's identifying details and warnings (a big round is read page by page). */
export function entryPage(db: Db, roundId: string, direction: Direction, offset: number, limit: number): { total: number; rows: EntryView[] } {
  const total = db
    .prepare('SELECT count(*) FROM exchange_entries WHERE round_id = ? AND direction = ? AND deleted = 0')
    .pluck()
    .get(roundId, direction) as number;
  const rows = db.prepare(VIEW_SQL).all(sourceOf(db, roundId), roundId, direction, limit, offset) as ViewRow[];
  // A closed or cancelled round warns about nothing: its people's statuses are its own result.
  const open = roundIsOpen(db, roundId);
  const ids = JSON.stringify(rows.map((r) => r.id));
  const photos = new Map((db.prepare(PHOTO_SQL).all(ids) as { person_id: string; id: string }[]).map((a) => [a.person_id, a.id]));
  const other = otherOpenRounds(
    db,
    roundId,
    rows.map((r) => r.id),
  );
  return {
    total,
    rows: rows.map((r) => {
      const o = open && isActiveEntry(r.state) ? other.get(r.id) : undefined;
      return {
        id: r.entry_id,
        personId: r.id,
        ref: r.ref,
        surname: r.surname,
        givenName: r.given_name,
        patronymic: r.patronymic,
        dateOfBirth: r.date_of_birth,
        side: r.side,
        category: r.category,
        status: r.status,
        rank: r.rank,
        unit: r.unit,
        documentNumbers: r.document_numbers,
        distinguishingMarks: r.distinguishing_marks,
        seriouslyWounded: r.seriously_wounded === 1,
        photoId: photos.get(r.id) ?? null,
        direction: r.direction,
        state: r.state,
        unexpected: r.unexpected === 1,
        warnings: open && isActiveEntry(r.state) ? warningsFor(toCandidate(r), o) : [],
        otherRound: o ?? null,
      };
    }),
  };
}

/** The balance panel's warnings over the whole round: how many people carry any, and how many each kind. */
export function warningSummary(db: Db, roundId: string): { warned: number; byKind: Record<Warning, number> } {
  const rows = db
    .prepare(
      `SELECT p.id, p.side, p.category, p.status, p.date_of_birth, p.unit, p.document_numbers,
      CASE WHEN p.status IN ('on_exchange_list','proposed') THEN ${LISTED_FROM_SQL} END AS listed_from
      FROM exchange_entries e JOIN persons p ON p.id = e.person_id
      WHERE e.round_id = ? AND e.deleted = 0 AND e.${ACTIVE_SQL}`,
    )
    .all(sourceOf(db, roundId), roundId) as PersonFacts[];
  const other = otherOpenRounds(db, roundId, null);
  const byKind = Object.fromEntries(WARNINGS.map((w) => [w, 0])) as Record<Warning, number>;
  let warned = 0;
  if (!roundIsOpen(db, roundId)) return { warned, byKind };
  for (const r of rows) {
    const w = warningsFor(toCandidate(r), other.get(r.id));
    if (w.length) warned++;
    for (const k of w) byKind[k]++;
  }
  return { warned, byKind };
}

export const personName = (p: { surname: string; given_name?: string | null; patronymic?: string | null }): string =>
  [p.surname, p.given_name, p.patronymic].filter(Boolean).join(' ');
