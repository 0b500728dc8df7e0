// Identity cards: a self-signed transfer file of kind `identity` carrying the site's public keys (and a rotation
// statement after a key change). Importing one makes a pending peer; the fingerprint ceremony makes it trusted.
import crypto from 'node:crypto';
import path from 'node:path';
import { normaliseFingerprint } from '../../../shared/transfer/fingerprint';
import { transferFileName, type IdentityCard } from '../../../shared/transfer/format';
import { isFolder } from './exportFile';
import { ObminError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit';
import { writeFileAtomic } from '../fsutil';
import { ageIdentity, ageRecipient } from './keys';
import { readContainer, signatureValid, writeContainer } from './container';
import { maxBytesOf, siteMeta, type TransferContext } from './context';
import { cardFingerprint, storeCard, type PeerStatus } from './peers';
import { TransferRefused } from './refusal';
import { currentKeys } from './siteKeys';

export async function exportIdentity(
  ctx: TransferContext,
  out: string,
): Promise<{ file: string; fingerprint: string; bytes: number; sha256: string; site: string }> {
  const meta = siteMeta(ctx.db);
  const keys = currentKeys(ctx.db);
  const card: IdentityCard = {
    site: meta.code,
    name: meta.name,
    signingKey: keys.signing.publicKey.toString('base64url'),
    encryptionKey: keys.encryption.publicKey.toString('base64url'),
    rotation: keys.rotation,
  };
  const draft = {
    fileId: crypto.randomUUID(),
    kind: 'identity' as const,
    createdAt: new Date().toISOString(),
    sender: { site: meta.code, fingerprint: keys.fingerprint },
    recipients: [],
    auditHead: null,
    identity: card,
  };
  const r = await writeContainer(isFolder(out) ? path.join(out, transferFileName(draft)) : out, draft, null, [], keys.signing.privateKey);
  appendAudit(ctx.db, ctx.operatorId, 'transfer.identity.export', null, { fingerprint: keys.fingerprint, sha256: r.sha256 });
  return { file: r.file, fingerprint: keys.fingerprint, bytes: r.bytes, sha256: r.sha256, site: meta.code };
}

/** Reads and checks a card: its kind, its self-signature, and that its fingerprint is that of the keys it carries. */
export function readIdentity(file: string, maxBytes: number): { card: IdentityCard; fingerprint: string; createdAt: string } {
  const f = readContainer(file, Math.min(maxBytes, 1 << 20));
  const h = f.header;
  if (h.kind !== 'identity' || !h.identity || h.ciphertext.size !== 0) throw new TransferRefused('wrong-kind');
  const fp = cardFingerprint(h.identity);
  if (fp !== h.sender.fingerprint || h.identity.site !== h.sender.site) throw new TransferRefused('bad-header');
  if (!signatureValid(f, Buffer.from(h.identity.signingKey, 'base64url'))) throw new TransferRefused('bad-signature');
  return { card: h.identity, fingerprint: fp, createdAt: h.createdAt };
}

export interface AddPeerResult {
  site: string;
  name: string;
  fingerprint: string;
  status: PeerStatus;
  outcome: string;
}

/** Imports a card. With `fingerprint` (what a person read over the phone) a mismatch is refused and a match trusts. */
export function addPeer(ctx: TransferContext, file: string, fingerprint: string | null): AddPeerResult {
  const { card, fingerprint: fp } = readIdentity(file, maxBytesOf(ctx));
  if (fingerprint !== null) {
    const typed = normaliseFingerprint(fingerprint);
    if (typed !== fp) throw new TransferRefused('fingerprint-mismatch');
  }
  if (card.site === siteMeta(ctx.db).code) throw new ObminError('CONFLICT', { detail: 'own identity card' });
  return ctx.db.transaction(() => {
    const r = storeCard(ctx.db, card, fingerprint !== null);
    appendAudit(ctx.db, ctx.operatorId, 'transfer.peer.add', `peer:${card.site}`, { fingerprint: fp, status: r.status, outcome: r.outcome });
    return { site: card.site, name: card.name, fingerprint: fp, status: r.status, outcome: r.outcome };
  })();
}

/**
 * The site's X25519 private key in age's format (`AGE-SECRET-KEY-1…`), for an auditor to open a file with `age -d -i`.
 * Whoever holds it can read every file sent to this site: written owner-only, audited.
 */
export function exportAgeKey(ctx: TransferContext, out: string): { file: string; recipient: string } {
  const keys = currentKeys(ctx.db);
  writeFileAtomic(
    out,
    `# Obmin site ${siteMeta(ctx.db).code}, key ${keys.fingerprint}\n# public key: ${ageRecipient(keys.encryption.publicKey)}\n${ageIdentity(keys.encryption.privateKey)}\n`,
    0o600,
  );
  appendAudit(ctx.db, ctx.operatorId, 'transfer.key.export', null, { fingerprint: keys.fingerprint });
  return { file: out, recipient: ageRecipient(keys.encryption.publicKey) };
}
