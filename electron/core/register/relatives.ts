// Relatives and their contact log, through the Writer.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import type { ContactLogEntry, Relative } from '../../../shared/register';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { openRow } from '../vault/family';
import { assertLive, type Row } from './live';
import { toValues } from './mapping';

/** A required value sealed under a family key this vault does not hold (another site's): shown as a lock, not text. */
const UNREADABLE = '🔒';

function toContact(db: Db, row: Row): ContactLogEntry {
  const r = openRow(db, 'contact_log', row);
  return {
    id: String(r.id),
    relativeId: String(r.relative_id),
    at: String(r.at),
    channel: r.channel as ContactLogEntry['channel'],
    kind: r.kind as ContactLogEntry['kind'],
    summary: (r.summary as string | null) ?? UNREADABLE,
    operatorId: (r.operator_id as string | null) ?? null,
  };
}

export function getRelative(db: Db, id: string): Relative {
  const row = db.prepare('SELECT * FROM relatives WHERE id = ? AND deleted = 0').get(id) as Row | undefined;
  if (!row) throw new ObminError('NOT_FOUND', { what: id });
  const r = openRow(db, 'relatives', row);
  const contacts = (db.prepare('SELECT * FROM contact_log WHERE relative_id = ? AND deleted = 0 ORDER BY at DESC').all(id) as Row[]).map((c) =>
    toContact(db, c),
  );
  return {
    id: String(r.id),
    personId: String(r.person_id),
    name: (r.name as string | null) ?? UNREADABLE,
    relation: String(r.relation),
    phone: (r.phone as string | null) ?? null,
    address: (r.address as string | null) ?? null,
    consent: r.consent === 1,
    consentDate: (r.consent_date as string | null) ?? null,
    dnaLabRef: (r.dna_lab_ref as string | null) ?? null,
    notes: (r.notes as string | null) ?? null,
    createdAt: String(r.created_at),
    contacts,
  };
}

export function listRelatives(db: Db, personId: string): Relative[] {
  return (db.prepare('SELECT id FROM relatives WHERE person_id = ? AND deleted = 0 ORDER BY created_at').all(personId) as { id: string }[]).map((r) =>
    getRelative(db, r.id),
  );
}

export function addRelative(w: Writer, a: Record<string, unknown> & { personId: string }, audit = true): Relative {
  assertLive(w.db, 'persons', a.personId);
  const id = crypto.randomUUID();
  w.insert('relatives', id, toValues({ consent: false, ...a }), audit ? { action: 'relatives.add', details: { personId: a.personId } } : null);
  return getRelative(w.db, id);
}

export function updateRelative(w: Writer, id: string, patch: Record<string, unknown>): Relative {
  getRelative(w.db, id);
  w.update('relatives', id, toValues(patch), { action: 'relatives.update' });
  return getRelative(w.db, id);
}

export function logContact(w: Writer, a: { relativeId: string; at: string; channel: string; kind: string; summary: string }, audit = true): ContactLogEntry {
  assertLive(w.db, 'relatives', a.relativeId);
  const id = crypto.randomUUID();
  w.insert(
    'contact_log',
    id,
    { relative_id: a.relativeId, at: a.at, channel: a.channel, kind: a.kind, summary: a.summary, operator_id: w.operatorId },
    audit ? { action: 'relatives.logContact', details: { relativeId: a.relativeId } } : null,
  );
  return toContact(w.db, w.db.prepare('SELECT * FROM contact_log WHERE id = ?').get(id) as Row);
}
