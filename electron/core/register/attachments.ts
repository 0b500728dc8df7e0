// Attachments: bytes stored once per SHA-256 inside the encrypted database, through the Writer.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import { ATTACHMENT_MAX_BYTES, type Attachment } from '../../../shared/register';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { assertLive, type Row } from './live';

function toAttachment(r: Row): Attachment {
  return {
    id: String(r.id),
    personId: String(r.person_id),
    kind: r.kind as Attachment['kind'],
    mime: String(r.mime),
    filename: String(r.filename),
    caption: (r.caption as string | null) ?? null,
    sourceId: (r.source_id as string | null) ?? null,
    sha256: String(r.sha256),
    size: Number(r.size),
    hasThumb: r.has_thumb === 1,
    createdAt: String(r.created_at),
  };
}

const ATTACHMENT_SELECT = 'SELECT a.*, (b.thumb IS NOT NULL) AS has_thumb FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256';

/** Bytes are stored once per SHA-256 inside the encrypted database; the record that points at them is replicated. */
export function addAttachment(
  w: Writer,
  a: {
    personId: string;
    kind: string;
    mime: string;
    filename: string;
    caption?: string | null | undefined;
    sourceId?: string | null | undefined;
    bytes: Buffer;
    thumb?: Buffer | null | undefined;
  },
  audit = true,
): Attachment {
  assertLive(w.db, 'persons', a.personId);
  if (a.bytes.length === 0 || a.bytes.length > ATTACHMENT_MAX_BYTES)
    throw new ObminError('FILE_TOO_LARGE', { file: a.filename, limit: `${ATTACHMENT_MAX_BYTES} B` });
  if (a.sourceId) assertLive(w.db, 'sources', a.sourceId);
  const sha256 = crypto.createHash('sha256').update(a.bytes).digest('hex');
  w.db
    .prepare(
      'INSERT INTO attachment_blobs (sha256, bytes, thumb) VALUES (?, ?, ?) ON CONFLICT (sha256) DO UPDATE SET thumb = coalesce(attachment_blobs.thumb, excluded.thumb)',
    )
    .run(sha256, a.bytes, a.thumb ?? null);
  const id = crypto.randomUUID();
  w.insert(
    'attachments',
    id,
    {
      person_id: a.personId,
      kind: a.kind,
      mime: a.mime,
      filename: a.filename,
      caption: a.caption ?? null,
      source_id: a.sourceId ?? null,
      sha256,
      size: a.bytes.length,
    },
    audit ? { action: 'attachments.add', details: { personId: a.personId, sha256 } } : null,
  );
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
