import crypto from 'node:crypto';
import type { AuditAction, AuditFilter } from '../../../shared/audit';
import type { AuditEntry, AuditProblem, AuditVerifyResult } from '../../../shared/ipc/schemas';
import type { Db } from '../vault/database';
import { sessionOf, slot } from '../db/session';
import { auditSigner, entrySignatureHolds, signEntry } from './signing';
import { GENESIS_HASH, listWitnesses } from './witness';

export { GENESIS_HASH };
export { auditHead, recordWitness, listWitnesses, type AuditHead, type Witness, type WitnessInput } from './witness';

export type { AuditAction };

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
export function appendAudit(
  db: Db,
  operatorId: string | null,
  action: AuditAction,
  target: string | null = null,
  details: Record<string, unknown> | null = null,
  at = new Date(),
): number {
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
  const keys = new Map(
    (db.prepare('SELECT id, operator_id, public_key FROM operator_keys').all() as { id: string; operator_id: string; public_key: string }[]).map((k) => [
      k.id,
      k,
    ]),
  );
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

// The person an entry concerns, from its target ("table:id") — the record's own person, or the person a list entry was
// decided for. Table names and prefix lengths are fixed here: nothing from the caller reaches the SQL text.
const PERSON_OF_TARGET = `CASE
  WHEN a.target LIKE 'persons:%' THEN substr(a.target, 9)
  WHEN a.target LIKE 'sightings:%' THEN (SELECT person_id FROM sightings WHERE id = substr(a.target, 11))
  WHEN a.target LIKE 'relatives:%' THEN (SELECT person_id FROM relatives WHERE id = substr(a.target, 11))
  WHEN a.target LIKE 'attachments:%' THEN (SELECT person_id FROM attachments WHERE id = substr(a.target, 13))
  WHEN a.target LIKE 'status_changes:%' THEN (SELECT person_id FROM status_changes WHERE id = substr(a.target, 16))
  WHEN a.target LIKE 'intake_entries:%' THEN (SELECT decided_person_id FROM intake_entries WHERE id = substr(a.target, 16))
  WHEN a.target LIKE 'contact_log:%' THEN (SELECT r.person_id FROM contact_log c JOIN relatives r ON r.id = c.relative_id WHERE c.id = substr(a.target, 13))
END`;

// Case-insensitive for Cyrillic too (SQLite's own lower() knows ASCII only); registered once per session's connection.
const FOLDING = slot<true>('audit.foldFunction');
function foldOn(db: Db): void {
  sessionOf(db).slot(FOLDING, () => {
    db.function('audit_fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? v.toLocaleLowerCase('uk') : null));
    return true;
  });
}

type ListedRow = Body & {
  operator_name: string | null;
  person_id: string | null;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  ref: string | null;
};

export function listAudit(db: Db, limit: number, beforeSeq?: number, filter: AuditFilter = {}): AuditEntry[] {
  foldOn(db);
  const where = ['x.seq < ?'];
  const params: unknown[] = [beforeSeq ?? Number.MAX_SAFE_INTEGER];
  if (filter.operator) {
    where.push("instr(audit_fold(coalesce(x.operator_name, '')), audit_fold(?)) > 0");
    params.push(filter.operator);
  }
  if (filter.person) {
    where.push("(instr(audit_fold(p.surname || ' ' || coalesce(p.given_name, '') || ' ' || coalesce(p.patronymic, '')), audit_fold(?)) > 0 OR p.ref = ?)");
    params.push(filter.person, filter.person);
  }
  if (filter.from) {
    where.push('x.at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push("x.at < date(?, '+1 day')");
    params.push(filter.to);
  }
  const rows = db
    .prepare(
      `WITH x AS (SELECT a.seq, a.at, a.operator_id, o.name AS operator_name, a.action, a.target, a.details, ${PERSON_OF_TARGET} AS person_id
                  FROM audit a LEFT JOIN operators o ON o.id = a.operator_id)
       SELECT x.*, p.surname, p.given_name, p.patronymic, p.ref FROM x LEFT JOIN persons p ON p.id = x.person_id
       WHERE ${where.join(' AND ')} ORDER BY x.seq DESC LIMIT ?`,
    )
    .all(...params, limit) as ListedRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    operatorId: r.operator_id,
    operatorName: r.operator_name,
    action: r.action,
    target: r.target,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    person: r.person_id && r.surname !== null ? { id: r.person_id, name: [r.surname, r.given_name, r.patronymic].filter(Boolean).join(' '), ref: r.ref } : null,
  }));
}
