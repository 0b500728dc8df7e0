// Peers: sites whose identity card was imported. A key is trusted only after a person confirmed its fingerprint, or
// when a trusted key of the same site signed it over (rotation). Revoked and retired keys verify nothing.
import { ObminError } from '../../../shared/errors';
import type { IdentityCard } from '../../../shared/transfer/format';
import type { Db } from '../vault/database';
import { fingerprintOf, rotationValid } from './siteKeys';

export type PeerStatus = 'pending' | 'trusted' | 'revoked';
export interface PeerRow {
  site: string;
  name: string;
  fingerprint: string;
  status: PeerStatus;
  added_at: string;
  confirmed_at: string | null;
  revoked_at: string | null;
  next_seq: number;
  sent_through: number;
  acked_seq: number;
  /** The change log position the peer holds everything up to: the newest acknowledged full file's (migration 0012). */
  acked_through: number;
  acked_at: string | null;
}

export interface PeerKey {
  fingerprint: string;
  site: string;
  signing_key: Buffer;
  encryption_key: Buffer;
  status: 'pending' | 'trusted' | 'revoked' | 'retired';
}

export const cardFingerprint = (c: IdentityCard) => fingerprintOf(Buffer.from(c.signingKey, 'base64url'), Buffer.from(c.encryptionKey, 'base64url'));

export function getPeer(db: Db, site: string): PeerRow | undefined {
  return db.prepare('SELECT * FROM peers WHERE site = ?').get(site) as PeerRow | undefined;
}

export function listPeerRows(db: Db): PeerRow[] {
  return db.prepare('SELECT * FROM peers ORDER BY site').all() as PeerRow[];
}

export function peerKey(db: Db, fingerprint: string): PeerKey | undefined {
  return db.prepare('SELECT * FROM peer_keys WHERE fingerprint = ?').get(fingerprint) as PeerKey | undefined;
}

/** A trusted peer's current key, by site code; NOT_FOUND or NOT_ALLOWED (pending, revoked) otherwise. */
export function trustedPeer(db: Db, site: string): PeerRow & { key: PeerKey } {
  const p = getPeer(db, site);
  if (!p) throw new ObminError('NOT_FOUND', { what: site });
  const key = peerKey(db, p.fingerprint);
  if (p.status !== 'trusted' || !key || key.status !== 'trusted') throw new ObminError('NOT_ALLOWED', { reason: 'peer-not-trusted', site });
  return { ...p, key };
}

export type CardOutcome = 'added' | 'rotated' | 'unchanged' | 'replaced';

/**
 * Stores a verified card. `confirmed`: a person compared the fingerprint (trusted at once). A card that rotates a
 * trusted key of the site (signed by it) is trusted without a new ceremony; any other new key waits as pending.
 */
export function storeCard(
  db: Db,
  card: IdentityCard,
  confirmed: boolean,
  now = new Date().toISOString(),
): { outcome: CardOutcome; status: PeerStatus; fingerprint: string } {
  const fp = cardFingerprint(card);
  const existing = getPeer(db, card.site);
  const known = peerKey(db, fp);
  if (known && known.site !== card.site) throw new ObminError('CONFLICT', { detail: 'fingerprint of another site' });
  const insertKey = (status: PeerKey['status']) =>
    db
      .prepare(
        'INSERT INTO peer_keys (fingerprint, site, signing_key, encryption_key, status, added_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET status = excluded.status',
      )
      .run(fp, card.site, Buffer.from(card.signingKey, 'base64url'), Buffer.from(card.encryptionKey, 'base64url'), status, now);
  if (!existing) {
    const status: PeerStatus = confirmed ? 'trusted' : 'pending';
    insertKey(status);
    db.prepare('INSERT INTO peers (site, name, fingerprint, status, added_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      card.site,
      card.name,
      fp,
      status,
      now,
      confirmed ? now : null,
    );
    return { outcome: 'added', status, fingerprint: fp };
  }
  if (existing.status === 'revoked') throw new ObminError('NOT_ALLOWED', { reason: 'peer-revoked', site: card.site });
  if (existing.fingerprint === fp) {
    if (confirmed && existing.status === 'pending') {
      insertKey('trusted');
      db.prepare("UPDATE peers SET status = 'trusted', confirmed_at = ? WHERE site = ?").run(now, card.site);
      return { outcome: 'unchanged', status: 'trusted', fingerprint: fp };
    }
    return { outcome: 'unchanged', status: existing.status, fingerprint: fp };
  }
  const old = peerKey(db, existing.fingerprint);
  const rotation =
    existing.status === 'trusted' && old?.status === 'trusted' && card.rotation?.previous === old.fingerprint && rotationValid(card, old.signing_key, fp);
  const status: PeerStatus = rotation || confirmed ? 'trusted' : 'pending';
  insertKey(status);
  if (old && status === 'trusted') db.prepare("UPDATE peer_keys SET status = 'retired' WHERE fingerprint = ?").run(old.fingerprint);
  // A new key that is not (yet) trusted does not displace a trusted one: it waits beside it for the ceremony.
  if (status === 'trusted' || existing.status !== 'trusted') {
    db.prepare('UPDATE peers SET name = ?, fingerprint = ?, status = ?, confirmed_at = ? WHERE site = ?').run(
      card.name,
      fp,
      status,
      status === 'trusted' ? now : null,
      card.site,
    );
  }
  return { outcome: rotation ? 'rotated' : 'replaced', status, fingerprint: fp };
}

/** Confirms the pending key whose fingerprint a person read back; anything else is refused. */
export function confirmPeer(db: Db, site: string, fingerprint: string, now = new Date().toISOString()): void {
  const key = peerKey(db, fingerprint);
  if (!key || key.site !== site || key.status === 'revoked' || key.status === 'retired')
    throw new ObminError('VERIFICATION_FAILED', { reason: 'fingerprint-mismatch' }, 'transfer.refused.fingerprint-mismatch');
  const p = getPeer(db, site);
  if (!p || p.status === 'revoked') throw new ObminError('NOT_FOUND', { what: site });
  if (p.fingerprint !== fingerprint) db.prepare("UPDATE peer_keys SET status = 'retired' WHERE fingerprint = ?").run(p.fingerprint);
  db.prepare("UPDATE peer_keys SET status = 'trusted' WHERE fingerprint = ?").run(fingerprint);
  db.prepare("UPDATE peers SET status = 'trusted', fingerprint = ?, confirmed_at = ? WHERE site = ?").run(fingerprint, now, site);
}

export function revokePeer(db: Db, site: string, now = new Date().toISOString()): void {
  const p = getPeer(db, site);
  if (!p) throw new ObminError('NOT_FOUND', { what: site });
  db.prepare("UPDATE peers SET status = 'revoked', revoked_at = ? WHERE site = ?").run(now, site);
  db.prepare("UPDATE peer_keys SET status = 'revoked' WHERE site = ?").run(site);
}
