// Each audit entry is signed with the acting operator's own Ed25519 key, whose private half only their slot yields.
import crypto from 'node:crypto';
import type { Db } from '../vault/database';
import { sessionOf } from '../db/session';

export interface AuditSigner {
  keyId: string;
  operatorId: string;
  privateKey: crypto.KeyObject;
}

export interface SigningPublic {
  keyId: string;
  publicKey: string;
}

// The session's signer (db/session.ts): set at unlock, gone with the session at lock (the key never leaves the core).
export function setAuditSigner(db: Db, signer: AuditSigner | null): void {
  sessionOf(db).signer = signer ?? undefined;
}

export function auditSigner(db: Db): AuditSigner | undefined {
  return sessionOf(db).signer;
}

const message = (hash: string, keyId: string) => Buffer.from(`obmin-audit-1\n${hash}\n${keyId}`, 'utf8');

export function signEntry(signer: AuditSigner, hash: string): string {
  return crypto.sign(null, message(hash, signer.keyId), signer.privateKey).toString('base64');
}

export function entrySignatureHolds(publicKeyDer: string, keyId: string, hash: string, sig: string): boolean {
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(publicKeyDer, 'base64'), format: 'der', type: 'spki' });
    return crypto.verify(null, message(hash, keyId), key, Buffer.from(sig, 'base64'));
  } catch {
    return false;
  }
}

/** Records an operator's public signing key (once); entries signed with it can then be checked by anyone. */
export function registerOperatorKey(db: Db, operatorId: string, k: SigningPublic, at = new Date()): boolean {
  const known = db.prepare('SELECT operator_id FROM operator_keys WHERE id = ?').get(k.keyId) as { operator_id: string } | undefined;
  if (known) return false;
  db.prepare('INSERT INTO operator_keys (id, operator_id, public_key, created_at) VALUES (?, ?, ?, ?)').run(k.keyId, operatorId, k.publicKey, at.toISOString());
  return true;
}
