// This site's keys: Ed25519 to sign, X25519 to receive; kept only in the encrypted database. Rotation signs the new
// fingerprint with the old key so peers can follow it without a new ceremony.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import type { IdentityCard } from '../../../shared/transfer/format';
import type { Db } from '../vault/database';
import { generateRaw, privateKeyOf, publicKeyOf, type RawKeyPair } from './keys';

export interface SiteKeys {
  fingerprint: string;
  signing: RawKeyPair;
  encryption: RawKeyPair;
}

/** 20 bytes of SHA-256 over a label and both public keys. */
export function fingerprintOf(signingPublic: Uint8Array, encryptionPublic: Uint8Array): string {
  return crypto.createHash('sha256').update('obmin-site-key/v1\n').update(signingPublic).update(encryptionPublic).digest().subarray(0, 20).toString('hex');
}

export function newSiteKeys(): SiteKeys {
  const signing = generateRaw('ed25519');
  const encryption = generateRaw('x25519');
  return { fingerprint: fingerprintOf(signing.publicKey, encryption.publicKey), signing, encryption };
}

interface KeyRow {
  fingerprint: string;
  signing_public: Buffer;
  signing_private: Buffer;
  encryption_public: Buffer;
  encryption_private: Buffer;
  created_at: string;
  retired_at: string | null;
  rotation: string | null;
}

const toKeys = (r: KeyRow): SiteKeys & { rotation: IdentityCard['rotation'] } => ({
  fingerprint: r.fingerprint,
  signing: { publicKey: r.signing_public, privateKey: r.signing_private },
  encryption: { publicKey: r.encryption_public, privateKey: r.encryption_private },
  rotation: r.rotation ? (JSON.parse(r.rotation) as IdentityCard['rotation']) : null,
});

export function currentKeys(db: Db): SiteKeys & { rotation: IdentityCard['rotation'] } {
  const r = db.prepare('SELECT * FROM site_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1').get() as KeyRow | undefined;
  if (!r) throw new ObminError('INTERNAL', { reason: 'site keys missing' });
  return toKeys(r);
}

/** Every key this site has held, newest first: files encrypted to a retired key still open. */
export function allKeys(db: Db): SiteKeys[] {
  return (db.prepare('SELECT * FROM site_keys ORDER BY created_at DESC').all() as KeyRow[]).map(toKeys);
}

export const rotationStatement = (previous: string, next: string) => Buffer.from(`obmin-rotate/v1 ${previous} ${next}`);

export function rotationValid(card: IdentityCard, previousSigningKey: Uint8Array, nextFingerprint: string): boolean {
  if (!card.rotation) return false;
  return crypto.verify(
    null,
    rotationStatement(card.rotation.previous, nextFingerprint),
    publicKeyOf('ed25519', previousSigningKey),
    Buffer.from(card.rotation.signature, 'base64url'),
  );
}

/** New keys signed by the current ones; the old ones are retired (kept to open files still on the way). Caller audits. */
export function rotateKeys(db: Db): SiteKeys {
  const old = currentKeys(db);
  const k = newSiteKeys();
  const signature = crypto.sign(null, rotationStatement(old.fingerprint, k.fingerprint), privateKeyOf('ed25519', old.signing.privateKey)).toString('base64url');
  const now = new Date().toISOString();
  db.prepare('UPDATE site_keys SET retired_at = ? WHERE fingerprint = ?').run(now, old.fingerprint);
  db.prepare(
    'INSERT INTO site_keys (fingerprint, signing_public, signing_private, encryption_public, encryption_private, created_at, rotation) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    k.fingerprint,
    k.signing.publicKey,
    k.signing.privateKey,
    k.encryption.publicKey,
    k.encryption.privateKey,
    now,
    JSON.stringify({ previous: old.fingerprint, signature }),
  );
  return k;
}
