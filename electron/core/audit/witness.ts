// Witnesses: this site's audit head (count + hash) as a peer received it and sent it back in a transfer file.
// A local rewrite or cut cannot change what the peer holds, so verify compares the chain with every witness.
import { z } from 'zod';
import { ObminError } from '../../../shared/errors';
import type { Db } from '../vault/database';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditHead {
  count: number;
  hash: string;
}

/** The chain's head: how many entries and the last entry's hash (the genesis hash for an empty chain). */
export function auditHead(db: Db): AuditHead {
  const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return { count: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
}

const WitnessInput = z.object({
  peerSite: z.string().min(1).max(64),
  count: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().datetime({ offset: true }),
  fromFile: z.string().max(1024).nullable().optional(),
});
export type WitnessInput = z.infer<typeof WitnessInput>;

export interface Witness {
  id: number;
  peerSite: string;
  count: number;
  hash: string;
  at: string;
  fromFile: string | null;
}

/** Keeps a peer's copy of this site's head; call inside the transaction that accepts the peer's file. */
export function recordWitness(db: Db, w: WitnessInput, now = new Date()): number {
  const parsed = WitnessInput.safeParse(w);
  if (!parsed.success) throw new ObminError('VALIDATION', { detail: 'audit witness' });
  const v = parsed.data;
  const r = db
    .prepare('INSERT INTO audit_witnesses (peer_site, count, hash, at, from_file, recorded_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(v.peerSite, v.count, v.hash, v.at, v.fromFile ?? null, now.toISOString());
  return Number(r.lastInsertRowid);
}

export function listWitnesses(db: Db): Witness[] {
  const rows = db.prepare('SELECT id, peer_site, count, hash, at, from_file FROM audit_witnesses ORDER BY count DESC, at DESC').all() as {
    id: number;
    peer_site: string;
    count: number;
    hash: string;
    at: string;
    from_file: string | null;
  }[];
  return rows.map((r) => ({ id: r.id, peerSite: r.peer_site, count: r.count, hash: r.hash, at: r.at, fromFile: r.from_file }));
}
