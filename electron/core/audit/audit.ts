import crypto from 'node:crypto';
import type { AuditEntry, AuditProblem, AuditVerifyResult } from '../../../shared/ipc/schemas';
import type { Db } from '../vault/database';
import { auditSigner, entrySignatureHolds, signEntry } from './signing';
import { GENESIS_HASH, listWitnesses } from './witness';

export { GENESIS_HASH };
export { auditHead, recordWitness, listWitnesses, type AuditHead, type Witness, type WitnessInput } from './witness';

export type AuditAction =
  | 'vault.init'
  | 'login'
  | 'login.failed'
  | 'lock'
  | 'passphrase.change'
  | 'key.rotate'
  | 'signing.key'
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
  signer_key: string | null;
  sig: string | null;
}

type Body = Pick<Row, 'seq' | 'at' | 'operator_id' | 'action' | 'target' | 'details'>;

function entryHash(prev: string, r: Body): string {
  const body = JSON.stringify([r.seq, r.at, r.operator_id, r.action, r.target, r.details]);
  return crypto.createHash('sha256').update(prev).update('\n').update(body).digest('hex');
}

/** Appends one entry chained to the previous one, signed by the session's operator. Call inside the caller's transaction. */
export function appendAudit(db: Db, operatorId: string | null, action: AuditAction, target: string | null = null, details: Record<string, unknown> | null = null, at = new Date()): number {
  const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prev = last?.hash ?? GENESIS_HASH;
  const row = { seq, at: at.toISOString(), operator_id: operatorId, action, target, details: details ? JSON.stringify(details) : null };
  const hash = entryHash(prev, row);
  const signer = auditSigner(db);
  const sig = signer ? signEntry(signer, hash) : null;
  db.prepare(
    'INSERT INTO audit (seq, at, operator_id, action, target, details, prev_hash, hash, signer_key, sig) VALUES (@seq, @at, @operator_id, @action, @target, @details, @prev, @hash, @signer, @sig)',
  ).run({ ...row, prev, hash, signer: signer?.keyId ?? null, sig });
  return seq;
}

/**
 * Walks the chain from the start: links, hashes, each entry's signature by its own operator's key, and the local
 * chain against every witness peers sent back. Names every problem it finds (the first break of the chain stops the walk).
 */
export function verifyAudit(db: Db): AuditVerifyResult {
  const keys = new Map((db.prepare('SELECT id, operator_id, public_key FROM operator_keys').all() as { id: string; operator_id: string; public_key: string }[]).map((k) => [k.id, k]));
  const witnesses = listWitnesses(db);
  const wanted = new Set(witnesses.map((w) => w.count));
  const hashAt = new Map<number, string>();
  const problems: AuditProblem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let unsigned = 0;
  let signedSeen = false;
  let firstBrokenSeq: number | null = null;
  for (const r of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<Row>) {
    entries++;
    if (r.seq !== expectedSeq || r.prev_hash !== prev || entryHash(prev, r) !== r.hash) {
      firstBrokenSeq = Math.min(r.seq, expectedSeq);
      problems.push({ kind: 'chain', seq: firstBrokenSeq });
      break;
    }
    if (r.sig === null || r.signer_key === null) {
      // Entries from before signatures existed may only form the start of the chain.
      if (signedSeen) problems.push({ kind: 'unsigned', seq: r.seq });
      else unsigned++;
    } else {
      signedSeen = true;
      const key = keys.get(r.signer_key);
      if (!key) problems.push({ kind: 'unknownKey', seq: r.seq });
      else if (r.operator_id !== null && key.operator_id !== r.operator_id) problems.push({ kind: 'wrongSigner', seq: r.seq });
      else if (!entrySignatureHolds(key.public_key, r.signer_key, r.hash, r.sig)) problems.push({ kind: 'signature', seq: r.seq });
    }
    if (wanted.has(r.seq)) hashAt.set(r.seq, r.hash);
    prev = r.hash;
    expectedSeq++;
  }
  const localCount = firstBrokenSeq === null ? expectedSeq - 1 : firstBrokenSeq - 1;
  for (const w of witnesses) {
    const where = { peer: w.peerSite, since: w.at, file: w.fromFile };
    if (w.count === 0) continue;
    if (w.count > localCount && firstBrokenSeq === null) {
      problems.push({ kind: 'missing', from: localCount + 1, to: w.count, ...where });
    } else if (hashAt.has(w.count) && hashAt.get(w.count) !== w.hash) {
      problems.push({ kind: 'rewritten', seq: w.count, ...where });
    }
  }
  if (firstBrokenSeq === null && problems.length > 0) {
    firstBrokenSeq = Math.min(...problems.map((p) => p.seq ?? p.from ?? Number.MAX_SAFE_INTEGER));
  }
  return { ok: problems.length === 0, entries, firstBrokenSeq, unsigned, witnesses: witnesses.length, problems: dedupe(problems) };
}

/** A cut seen by three peers is one finding, not three. */
function dedupe(problems: AuditProblem[]): AuditProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.kind}:${p.seq ?? ''}:${p.from ?? ''}:${p.to ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function listAudit(db: Db, limit: number, beforeSeq?: number): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.operator_id, o.name AS operator_name, a.action, a.target, a.details
       FROM audit a LEFT JOIN operators o ON o.id = a.operator_id
       WHERE a.seq < ? ORDER BY a.seq DESC LIMIT ?`,
    )
    .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as (Body & { operator_name: string | null })[];
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
