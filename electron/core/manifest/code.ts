// The data code printed on every page: the round's number and 80 bits of the SHA-256 of its canonical content.
import crypto from 'node:crypto';
import { canonicalSnapshot, formatCode, snapshotOf, type ManifestRound, type Snapshot } from '../../../shared/manifest';

export function codeOfSnapshot(s: Snapshot): string {
  return formatCode(s.header.number, crypto.createHash('sha256').update(canonicalSnapshot(s)).digest());
}

export function manifestCode(round: ManifestRound): string {
  return codeOfSnapshot(snapshotOf(round));
}

/** A generic code for other documents (dossier, list report): a prefix and 80 bits of the content's SHA-256. */
export function contentCode(prefix: string, content: unknown): string {
  const d = crypto.createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16).toUpperCase();
  return `${prefix}-${d.match(/.{4}/g)!.join('-')}`;
}
