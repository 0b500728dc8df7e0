// Sources, sightings, relatives with their contact log, and attachments: all through the Writer.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import { ATTACHMENT_MAX_BYTES, type Attachment, type ContactLogEntry, type Relative, type Sighting, type Source, type SourceInput } from '../../../shared/register';
import type { Scalar, Writer } from '../db/write';
import type { Db } from '../vault/database';
import { toSource, toValues } from './mapping';

type Row = Record<string, Scalar>;

function assertLive(db: Db, tbl: 'persons' | 'sources' | 'relatives', id: string): void {
  const sql = { persons: 'SELECT 1 FROM persons WHERE id = ? AND deleted = 0', sources: 'SELECT 1 FROM sources WHERE id = ? AND deleted = 0', relatives: 'SELECT 1 FROM relatives WHERE id = ? AND deleted = 0' }[tbl];
  if (!db.prepare(sql).get(id)) throw new ObminError('NOT_FOUND', { what: id });
}

export function getSource(db: Db, id: string): Source | null {
  const r = db.prepare('SELECT * FROM sources WHERE id = ? AND deleted = 0').get(id) as Row | undefined;
  return r ? toSource(r) : null;
}

export function listSources(db: Db, limit: number, offset: number): Source[] {
  return (db.prepare('SELECT * FROM sources WHERE deleted = 0 ORDER BY created_at DESC, id LIMIT ? OFFSET ?').all(limit, offset) as Row[]).map(toSource);
}

export function createSource(w: Writer, input: SourceInput, audit = true): Source {
  const id = crypto.randomUUID();
  w.insert('sources', id, toValues(input), audit ? { action: 'sources.create', details: { kind: input.kind } } : null);
  return getSource(w.db, id)!;
}

function toSighting(r: Row, source: Source | null): Sighting {
  return { id: String(r.id), personId: String(r.person_id), sourceId: String(r.source_id), place: String(r.place), date: (r.date as string | null) ?? null, note: (r.note as string | null) ?? null, createdAt: String(r.created_at), source };
}

export function addSighting(w: Writer, a: { personId: string; sourceId: string; place: string; date?: string | null | undefined; note?: string | null | undefined }, audit = true): Sighting {
  assertLive(w.db, 'persons', a.personId);
  const source = getSource(w.db, a.sourceId);
  if (!source) throw new ObminError('NOT_FOUND', { what: a.sourceId });
  const id = crypto.randomUUID();
  w.insert('sightings', id, { person_id: a.personId, source_id: a.sourceId, place: a.place, date: a.date ?? null, note: a.note ?? null }, audit ? { action: 'sightings.add', details: { personId: a.personId } } : null);
  return toSighting(w.db.prepare('SELECT * FROM sightings WHERE id = ?').get(id) as Row, source);
}

export function listSightings(db: Db, personId: string): Sighting[] {
  const rows = db.prepare('SELECT * FROM sightings WHERE person_id = ? AND deleted = 0 ORDER BY date DESC, created_at DESC').all(personId) as Row[];
  return rows.map((r) => toSighting(r, getSource(db, String(r.source_id))));
}

function toContact(r: Row): ContactLogEntry {
  return { id: String(r.id), relativeId: String(r.relative_id), at: String(r.at), channel: r.channel as ContactLogEntry['channel'], kind: r.kind as ContactLogEntry['kind'], summary: String(r.summary), operatorId: (r.operator_id as string | null) ?? null };
}

export function getRelative(db: Db, id: string): Relative {
  const r = db.prepare('SELECT * FROM relatives WHERE id = ? AND deleted = 0').get(id) as Row | undefined;
  if (!r) throw new ObminError('NOT_FOUND', { what: id });
  const contacts = (db.prepare('SELECT * FROM contact_log WHERE relative_id = ? AND deleted = 0 ORDER BY at DESC').all(id) as Row[]).map(toContact);
  return {
    id: String(r.id), personId: String(r.person_id), name: String(r.name), relation: String(r.relation), phone: (r.phone as string | null) ?? null,
    address: (r.address as string | null) ?? null, consent: r.consent === 1, consentDate: (r.consent_date as string | null) ?? null,
    dnaLabRef: (r.dna_lab_ref as string | null) ?? null, notes: (r.notes as string | null) ?? null, createdAt: String(r.created_at), contacts,
  };
}

export function listRelatives(db: Db, personId: string): Relative[] {
  return (db.prepare('SELECT id FROM relatives WHERE person_id = ? AND deleted = 0 ORDER BY created_at').all(personId) as { id: string }[]).map((r) => getRelative(db, r.id));
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
  w.insert('contact_log', id, { relative_id: a.relativeId, at: a.at, channel: a.channel, kind: a.kind, summary: a.summary, operator_id: w.operatorId }, audit ? { action: 'relatives.logContact', details: { relativeId: a.relativeId } } : null);
  return toContact(w.db.prepare('SELECT * FROM contact_log WHERE id = ?').get(id) as Row);
}

function toAttachment(r: Row): Attachment {
  return {
    id: String(r.id), personId: String(r.person_id), kind: r.kind as Attachment['kind'], mime: String(r.mime), filename: String(r.filename),
    caption: (r.caption as string | null) ?? null, sourceId: (r.source_id as string | null) ?? null, sha256: String(r.sha256), size: Number(r.size),
    hasThumb: r.has_thumb === 1, createdAt: String(r.created_at),
  };
}

const ATTACHMENT_SELECT = 'SELECT a.*, (b.thumb IS NOT NULL) AS has_thumb FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256';

/** Bytes are stored once per SHA-256 inside the encrypted database; the record that points at them is replicated. */
export function addAttachment(w: Writer, a: { personId: string; kind: string; mime: string; filename: string; caption?: string | null | undefined; sourceId?: string | null | undefined; bytes: Buffer; thumb?: Buffer | null | undefined }, audit = true): Attachment {
  assertLive(w.db, 'persons', a.personId);
  if (a.bytes.length === 0 || a.bytes.length > ATTACHMENT_MAX_BYTES) throw new ObminError('FILE_TOO_LARGE', { file: a.filename, limit: `${ATTACHMENT_MAX_BYTES} B` });
  if (a.sourceId) assertLive(w.db, 'sources', a.sourceId);
  const sha256 = crypto.createHash('sha256').update(a.bytes).digest('hex');
  w.db.prepare('INSERT INTO attachment_blobs (sha256, bytes, thumb) VALUES (?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET thumb = coalesce(attachment_blobs.thumb, excluded.thumb)').run(sha256, a.bytes, a.thumb ?? null);
  const id = crypto.randomUUID();
  w.insert('attachments', id, { person_id: a.personId, kind: a.kind, mime: a.mime, filename: a.filename, caption: a.caption ?? null, source_id: a.sourceId ?? null, sha256, size: a.bytes.length }, audit ? { action: 'attachments.add', details: { personId: a.personId, sha256 } } : null);
  return toAttachment(w.db.prepare(`${ATTACHMENT_SELECT} WHERE a.id = ?`).get(id) as Row);
}

export function listAttachments(db: Db, personId: string): Attachment[] {
  return (db.prepare(`${ATTACHMENT_SELECT} WHERE a.person_id = ? AND a.deleted = 0 ORDER BY a.created_at`).all(personId) as Row[]).map(toAttachment);
}

export function getAttachment(db: Db, id: string, thumb: boolean): { attachment: Attachment; bytes: Buffer } {
  const r = db.prepare(`${ATTACHMENT_SELECT} WHERE a.id = ? AND a.deleted = 0`).get(id) as Row | undefined;
  if (!r) throw new ObminError('NOT_FOUND', { what: id });
  const b = db.prepare('SELECT bytes, thumb FROM attachment_blobs WHERE sha256 = ?').get(r.sha256) as { bytes: Buffer; thumb: Buffer | null };
  return { attachment: toAttachment(r), bytes: thumb && b.thumb ? b.thumb : b.bytes };
}
