// Handover day: marks, the undo of the last mark, and people who arrive without being on the list.
import crypto from 'node:crypto';
import { FINAL_STATUSES, SIDE_OF, handoverOpen, isActiveEntry, isHandoverState, type EntryState, type HandoverState } from '../../../shared/exchanges';
import type { PersonInput } from '../../../shared/register';
import { appendAudit } from '../audit/audit';
import { createPerson, livePerson } from '../register/persons';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { entryRow, otherOpenRounds, setEntryState, type EntryRow } from './entries';
import { moveRound, refuse, roundRow, type RoundRow } from './rounds';

function assertHandover(r: RoundRow): void {
  if (!handoverOpen(r.status)) throw refuse('CONFLICT', 'handoverClosed', { number: r.number });
}

/** The first mark starts the handover: the round becomes executed. */
function startHandover(w: Writer, r: RoundRow): void {
  if (r.status !== 'executed') moveRound(w, r, 'executed', r.actual_date ? {} : { actual_date: new Date().toISOString().slice(0, 10) });
}

export function markEntry(w: Writer, entryId: string, state: HandoverState): { entryId: string; previous: EntryState; state: EntryState } {
  const e = entryRow(w.db, entryId);
  const r = roundRow(w.db, e.round_id);
  assertHandover(r);
  if (!isActiveEntry(e.state)) throw refuse('CONFLICT', 'notOnList', {});
  const previous = e.state;
  setEntryState(w, e, state, 'mark');
  startHandover(w, r);
  appendAudit(w.db, w.operatorId, 'exchanges.mark', `exchange_entries:${e.id}`, { number: r.number, personId: e.person_id, from: previous, to: state });
  return { entryId, previous, state };
}

export interface LastMark {
  entryId: string;
  personId: string;
  state: EntryState;
  previous: EntryState;
  at: string;
}

/** The newest mark of the round that is still in force (not undone, the entry still in that state). */
export function lastMark(db: Db, roundId: string): LastMark | null {
  const m = db
    .prepare(
      `SELECT h.entry_id, h.from_state, h.to_state, h.at, h.kind, e.state, e.person_id FROM exchange_entry_states h
      JOIN exchange_entries e ON e.id = h.entry_id
      WHERE h.round_id = ? AND h.deleted = 0 AND h.kind IN ('mark','undo') ORDER BY h.rowid DESC LIMIT 1`,
    )
    .get(roundId) as
    { entry_id: string; from_state: EntryState; to_state: EntryState; at: string; kind: string; state: EntryState; person_id: string } | undefined;
  if (!m || m.kind !== 'mark' || m.state !== m.to_state || !isHandoverState(m.to_state)) return null;
  return { entryId: m.entry_id, personId: m.person_id, state: m.to_state, previous: m.from_state, at: m.at };
}

/** Takes back the round's last mark: the entry returns to where it was. An unexpected arrival's entry is removed. */
export function undoLastMark(w: Writer, roundId: string): LastMark {
  const r = roundRow(w.db, roundId);
  assertHandover(r);
  const m = lastMark(w.db, roundId);
  if (!m) throw refuse('CONFLICT', 'nothingToUndo', { number: r.number });
  const e = entryRow(w.db, m.entryId);
  setEntryState(w, e, m.previous, 'undo');
  const details = { number: r.number, personId: e.person_id, from: m.state, to: m.previous };
  // An unexpected arrival taken back leaves no entry behind; its tombstone carries the audit entry.
  if (e.unexpected === 1 && !isActiveEntry(m.previous)) w.tombstone('exchange_entries', e.id, { action: 'exchanges.undoMark', details });
  else appendAudit(w.db, w.operatorId, 'exchanges.undoMark', `exchange_entries:${e.id}`, details);
  return m;
}

/**
 * Someone who arrives without being on the list: found in the register, or created on the spot, and recorded as an
 * unexpected arrival handed over (the receive direction). People the rules exclude are refused here too.
 */
export function recordArrival(w: Writer, roundId: string, who: { personId: string } | { person: PersonInput }): { entryId: string; personId: string } {
  const r = roundRow(w.db, roundId);
  assertHandover(r);
  const person = 'person' in who ? createPerson(w, { ...who.person, side: 'ours' }) : livePerson(w.db, who.personId);
  if (FINAL_STATUSES.includes(person.status))
    throw refuse('CONFLICT', 'notAdded', { count: 1, who: person.ref ?? person.surname, reasons: ['exchanges.refusal.final_status'], round: '' });
  if (person.side !== SIDE_OF.receive)
    throw refuse('CONFLICT', 'notAdded', { count: 1, who: person.ref ?? person.surname, reasons: ['exchanges.refusal.wrong_side'], round: '' });
  const existing = w.db.prepare('SELECT * FROM exchange_entries WHERE round_id = ? AND person_id = ? AND deleted = 0').get(roundId, person.id) as
    EntryRow | undefined;
  if (existing && isActiveEntry(existing.state))
    throw refuse('CONFLICT', 'notAdded', { count: 1, who: person.ref ?? person.surname, reasons: ['exchanges.refusal.already_on_round'], round: '' });
  const other = otherOpenRounds(w.db, roundId, [person.id]).get(person.id);
  if (other !== undefined)
    throw refuse('CONFLICT', 'notAdded', { count: 1, who: person.ref ?? person.surname, reasons: ['exchanges.refusal.on_other_round'], round: other });
  if (existing) w.tombstone('exchange_entries', existing.id, { action: 'exchanges.arrival', details: { number: r.number, replaced: existing.id } });
  const entryId = crypto.randomUUID();
  const now = new Date().toISOString();
  w.insert(
    'exchange_entries',
    entryId,
    { round_id: roundId, person_id: person.id, direction: 'receive', state: 'handed_over', unexpected: 1, created_at: now },
    null,
  );
  w.insert(
    'exchange_entry_states',
    crypto.randomUUID(),
    { entry_id: entryId, round_id: roundId, from_state: 'withdrawn', to_state: 'handed_over', kind: 'mark', at: now, operator_id: w.operatorId },
    null,
  );
  startHandover(w, r);
  appendAudit(w.db, w.operatorId, 'exchanges.arrival', `exchange_entries:${entryId}`, { number: r.number, personId: person.id, created: 'person' in who });
  return { entryId, personId: person.id };
}
