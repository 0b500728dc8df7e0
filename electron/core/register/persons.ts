// Creating, changing and deleting people; every write goes through the Writer (HLC stamps, change log, audit).
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import {
  defaultStatus,
  statusFitsSide,
  type PersonInput,
  type PersonPatch,
  type Person,
  type SourceInput,
  type Status,
  type StatusChange,
} from '../../../shared/register';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { toPerson, toValues, type PersonDbRow } from './mapping';
import { openRow } from '../vault/family';
import { createSource, getSource } from './sources';

export function findPerson(db: Db, id: string): Person | null {
  const r = db.prepare('SELECT * FROM persons WHERE id = ?').get(id) as PersonDbRow | undefined;
  return r ? toPerson(openRow(db, 'persons', r)) : null;
}

export function livePerson(db: Db, id: string): Person {
  const p = findPerson(db, id);
  if (!p || p.deleted) throw new ObminError('NOT_FOUND', { what: id });
  return p;
}

/** By ref first (the office's case number), then by id. */
export function findPersonByRefOrId(db: Db, refOrId: string): Person | null {
  const r = db.prepare('SELECT * FROM persons WHERE (ref = ? OR id = ?) AND deleted = 0 ORDER BY ref = ? DESC LIMIT 1').get(refOrId, refOrId, refOrId) as
    PersonDbRow | undefined;
  return r ? toPerson(openRow(db, 'persons', r)) : null;
}

function assertRefFree(db: Db, ref: string | null | undefined, selfId: string | null): void {
  if (!ref) return;
  const other = db.prepare('SELECT id FROM persons WHERE ref = ?').get(ref) as { id: string } | undefined;
  if (other && other.id !== selfId) throw new ObminError('CONFLICT', { detail: `ref ${ref}` });
}

export function createPerson(w: Writer, input: PersonInput, opts: { audit?: boolean; id?: string } = {}): Person {
  const status = input.status ?? defaultStatus(input.side);
  if (!statusFitsSide(status, input.side)) throw new ObminError('VALIDATION', { detail: `status ${status} / side ${input.side}` });
  assertRefFree(w.db, input.ref, null);
  const id = opts.id ?? crypto.randomUUID();
  const values = toValues({ icrcStatus: 'unknown', seriouslyWounded: false, nameVariants: [], ...input, status });
  w.insert('persons', id, values, opts.audit === false ? null : { action: 'persons.create', details: { ref: input.ref ?? null } });
  return livePerson(w.db, id);
}

export function updatePerson(
  w: Writer,
  id: string,
  patch: PersonPatch,
  opts: { audit?: boolean; status?: Status } = {},
): { person: Person; changed: string[] } {
  const before = livePerson(w.db, id);
  const side = patch.side ?? before.side;
  const status = opts.status ?? before.status;
  if (!statusFitsSide(status, side)) throw new ObminError('VALIDATION', { detail: `status ${status} / side ${side}` });
  if (patch.ref !== undefined) assertRefFree(w.db, patch.ref, id);
  const values = toValues({ ...patch, ...(opts.status ? { status: opts.status } : {}) });
  const changed = w.update('persons', id, values, opts.audit === false ? null : { action: 'persons.update' });
  return { person: livePerson(w.db, id), changed };
}

export function deletePerson(w: Writer, id: string): void {
  livePerson(w.db, id);
  w.tombstone('persons', id, { action: 'persons.delete' });
}

/** Every status change cites a source: an existing one, or one recorded here in the same transaction. */
export function changeStatus(
  w: Writer,
  a: { personId: string; status: Status; sourceId?: string | undefined; source?: SourceInput | undefined; note?: string | null | undefined },
): StatusChange {
  const p = livePerson(w.db, a.personId);
  if (!statusFitsSide(a.status, p.side)) throw new ObminError('VALIDATION', { detail: `status ${a.status} / side ${p.side}` });
  const source = a.source ? createSource(w, a.source) : getSource(w.db, a.sourceId ?? '');
  if (!source) throw new ObminError('NOT_FOUND', { what: a.sourceId ?? 'source' });
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  w.update('persons', p.id, { status: a.status }, null);
  w.insert(
    'status_changes',
    id,
    { person_id: p.id, from_status: p.status, to_status: a.status, source_id: source.id, at, note: a.note ?? null, operator_id: w.operatorId },
    {
      action: 'persons.changeStatus',
      details: { personId: p.id, from: p.status, to: a.status, sourceId: source.id },
    },
  );
  return { id, personId: p.id, fromStatus: p.status, toStatus: a.status, sourceId: source.id, source, at, note: a.note ?? null, operatorId: w.operatorId };
}
