// The transfer file's plaintext header (docs/transfer-format.md) and the records of its payload, as zod schemas.
import { z } from 'zod';
import { FINGERPRINT_HEX } from './fingerprint';

export const FORMAT_VERSION = 1;
/** The file's first line; its number is the format version (an unknown one is refused before anything else). */
export const MAGIC_PREFIX = 'OBMIN-TRANSFER ';
export const MAX_HEADER_BYTES = 64 * 1024;
export const SIGNATURE_BYTES = 64;
/** Files over this are refused before a byte is read (100 000 people are ~60 MB). */
export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024 * 1024;

export const KINDS = ['changes', 'identity', 'ack'] as const;
export type Kind = (typeof KINDS)[number];

const SiteCode = z.string().regex(/^[A-Z0-9-]{2,32}$/);
const Fingerprint = z.string().regex(FINGERPRINT_HEX);
const Hex = (n: number) => z.string().regex(new RegExp(`^[0-9a-f]{${n}}$`));
const Key32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/); // base64url, 32 bytes

export const AuditHead = z.object({ count: z.number().int().min(0), hash: Hex(64) }).strict();
export type AuditHead = z.infer<typeof AuditHead>;

/** A recipient: its site and key, this file's number in the sender's sequence to it, and the head of the recipient's
 * audit chain as the sender last received it (the recipient keeps it as a witness), null before any file from it. */
export const Recipient = z
  .object({
    site: SiteCode,
    fingerprint: Fingerprint,
    seq: z
      .number()
      .int()
      .min(1)
      .max(2 ** 40),
    yourAuditHead: AuditHead.nullable(),
  })
  .strict();

export const IdentityCard = z
  .object({
    site: SiteCode,
    name: z.string().min(1).max(128),
    signingKey: Key32,
    encryptionKey: Key32,
    /** Key rotation: the previous key's fingerprint and its Ed25519 signature over `obmin-rotate/v1 <old> <new>`. */
    rotation: z
      .object({ previous: Fingerprint, signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/) })
      .strict()
      .nullable(),
  })
  .strict();
export type IdentityCard = z.infer<typeof IdentityCard>;

export const Header = z
  .object({
    format: z.literal(FORMAT_VERSION),
    fileId: z.string().regex(/^[0-9a-f-]{36}$/),
    kind: z.enum(KINDS),
    createdAt: z.string().datetime(),
    sender: z.object({ site: SiteCode, fingerprint: Fingerprint }).strict(),
    recipients: z.array(Recipient).max(64),
    payload: z
      .object({ size: z.number().int().min(0), sha256: Hex(64) })
      .strict()
      .nullable(),
    ciphertext: z.object({ size: z.number().int().min(0), sha512: Hex(128) }).strict(),
    auditHead: AuditHead.nullable(),
    identity: IdentityCard.nullable(),
  })
  .strict();
export type Header = z.infer<typeof Header>;

/** Why a file was refused: each hostile file gets one of these, shown in plain words (transfer.refused.<reason>). */
export const REFUSALS = [
  'too-large',
  'not-a-transfer-file',
  'unknown-version',
  'bad-header',
  'truncated',
  'unknown-signer',
  'untrusted-signer',
  'revoked-signer',
  'bad-signature',
  'not-recipient',
  'replay',
  'own-file',
  'decrypt-failed',
  'payload-mismatch',
  'bad-record',
  'unknown-table',
  'unknown-column',
  'bad-value',
  'too-many-records',
  'clock-drift',
  'wrong-kind',
  'fingerprint-mismatch',
  'forbidden-field',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** A record of a changes payload: one row, each field with its value and its hybrid-clock stamp. */
export const MAX_RECORDS = 5_000_000;
/** One line: a record, or an attachment's bytes (base64). */
export const MAX_LINE_BYTES = 24 * 1024 * 1024;
export type FieldValue = string | number | null;
export interface ChangeRecord {
  t: string;
  id: string;
  f: Record<string, [FieldValue, string]>;
}

/** `obmin_KYIV-HQ_to_LVIV_0007_2026-11-29.obmin`: from, to, sequence, date. */
export function transferFileName(h: Pick<Header, 'sender' | 'recipients' | 'createdAt' | 'kind'>): string {
  const to = h.recipients.map((r) => r.site).join('+') || 'all';
  const seq = h.recipients.length ? String(Math.max(...h.recipients.map((r) => r.seq))).padStart(4, '0') : '0000';
  const kind = h.kind === 'changes' ? '' : `${h.kind}_`;
  return `obmin_${kind}${h.sender.site}_to_${to}_${seq}_${h.createdAt.slice(0, 10)}.obmin`;
}

/** At most this many site ids a file names with their codes (a relay network is tens of sites). */
export const MAX_SITE_CODES = 10_000;
/** A changes file's line naming sites: replication site id (the stamps' site part) → site code, the sender's own
 * and every one it knows (docs/transfer-format.md); signed with the file, so a relayed third site is named too. */
export const siteCodesLineSchema = z
  .object({
    sites: z.record(z.string().regex(/^[A-Za-z0-9-]{1,64}$/), SiteCode).refine((m) => Object.keys(m).length <= MAX_SITE_CODES, { message: 'too many sites' }),
  })
  .strict();
export type SiteCodesLine = z.infer<typeof siteCodesLineSchema>;
