import crypto from 'node:crypto';
import type { AuditEntry, AuditVerifyResult } from '../../../shared/ipc/schemas';
import type { Db } from '../vault/database';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditAction =
  | 'vault.init'
  | 'login'
  | 'login.failed'
  | 'lock'
  | 'passphrase.change'
  | 'key.rotate'
  | 'operator.add'
  | 'operator.disable'
  | 'operator.resetPassphrase'
  | 'settings.update'
  | 'backup.create'
  | 'backup.restore'
  | 'audit.verify'
  | (string & {});

interface Row {
  seq: number;
  at: string;
  operator_id: string | null;
  action: string;
  target: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

function entryHash(prev: string, r: Omit<Row, 'hash' | 'prev_hash'>): string {
  const body = JSON.stringify([r.seq, r.at, r.operator_id, r.action, r.target, r.details]);
  return crypto.createHash('sha256').update(prev).update('\n').update(body).digest('hex');
}

/** Appends one entry chained to the previous one. Call inside the caller's transaction when it records a write. */
export function appendAudit(db: Db, operatorId: string | null, action: AuditAction, target: string | null = null, details: Record<string, unknown> | null = null, at = new Date()): number {
  const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prev = last?.hash ?? GENESIS_HASH;
  const row = { seq, at: at.toISOString(), operator_id: operatorId, action, target, details: details ? JSON.stringify(details) : null };
  const hash = entryHash(prev, row);
  db.prepare('INSERT INTO audit (seq, at, operator_id, action, target, details, prev_hash, hash) VALUES (@seq, @at, @operator_id, @action, @target, @details, @prev, @hash)').run({ ...row, prev, hash });
  return seq;
}

/** Walks the chain from the start; names the first entry whose link or content does not hold. */
export function verifyAudit(db: Db): AuditVerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const r of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<Row>) {
    entries++;
    if (r.seq !== expectedSeq || r.prev_hash !== prev || entryHash(prev, r) !== r.hash) {
      return { ok: false, entries, firstBrokenSeq: Math.min(r.seq, expectedSeq) };
    }
    prev = r.hash;
    expectedSeq++;
  }
  return { ok: true, entries, firstBrokenSeq: null };
}

export function listAudit(db: Db, limit: number, beforeSeq?: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.operator_id, o.name AS operator_name, a.action, a.target, a.details
       FROM audit a LEFT JOIN operators o ON o.id = a.operator_id
       WHERE a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as (Omit<Row, 'prev_hash' | 'hash'> & { operator_name: string | null })[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    operatorId: r.operator_id,
    operatorName: r.operator_name,
    action: r.action,
    target: r.target,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  }));
}
