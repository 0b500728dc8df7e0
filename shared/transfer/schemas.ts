// What the transfer area's channels take and return (shared/ipc/areas/transfer.ts).
import { z } from 'zod';
import { MassChange } from '../replication/massChange';
import { KINDS } from './format';

const Fp = z.string().regex(/^[0-9a-f]{40}$/);
const SiteCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/);
/** A file on removable media; in the window the main process fills it from its own dialog, never from the page. */
export const MediaFile = z.string().min(1).max(4096);

export const PeerInfo = z.object({
  site: SiteCode,
  name: z.string(),
  fingerprint: Fp,
  status: z.enum(['pending', 'trusted', 'revoked']),
  addedAt: z.string(),
  confirmedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastSent: z.object({ at: z.string(), seq: z.number().int(), records: z.number().int() }).nullable(),
  lastReceived: z.object({ at: z.string(), seq: z.number().int(), records: z.number().int() }).nullable(),
  /** The highest of our sequence numbers the peer has acknowledged applying. */
  ackedSeq: z.number().int(),
  /** Our files to it that it has not acknowledged (sent minus acknowledged). */
  unacknowledged: z.number().int(),
  /** Changes recorded here since the last file to this peer. */
  waiting: z.number().int(),
  /** Changes the peer has not acknowledged (the next file carries them again): the Sites screen's count. */
  pending: z.number().int(),
});
export type PeerInfo = z.infer<typeof PeerInfo>;

export const SiteIdentity = z.object({ site: z.string(), name: z.string(), fingerprint: Fp, rotatedFrom: Fp.nullable() });
export type SiteIdentity = z.infer<typeof SiteIdentity>;

export const Overview = z.object({ identity: SiteIdentity, peers: z.array(PeerInfo) });
export type Overview = z.infer<typeof Overview>;

export const HistoryEntry = z.object({
  fileId: z.string(),
  direction: z.enum(['in', 'out']),
  kind: z.enum(KINDS),
  peer: z.string(),
  seq: z.number().int(),
  createdAt: z.string(),
  processedAt: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  records: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const AddPeerResult = z.object({
  site: z.string(),
  name: z.string(),
  fingerprint: Fp,
  status: z.enum(['pending', 'trusted', 'revoked']),
  outcome: z.string(),
});

export const ExportResult = z.object({
  file: z.string(),
  fileId: z.string(),
  kind: z.enum(KINDS),
  recipients: z.array(z.object({ site: z.string(), seq: z.number().int() })),
  records: z.number().int(),
  bytes: z.number().int(),
  sha256: z.string(),
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ImportSummary = z.object({
  fileId: z.string(),
  kind: z.enum(KINDS),
  sender: z.object({ site: z.string(), name: z.string(), fingerprint: z.string() }),
  seq: z.number().int(),
  createdAt: z.string(),
  records: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  alreadyImported: z.boolean(),
  applied: z.boolean(),
  acknowledgedSeq: z.number().int().nullable(),
  /** Set when the file would change more of the register than the guard allows (shared/replication/massChange.ts). */
  massChange: MassChange.nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const VerifyResult = z.object({
  fileId: z.string(),
  kind: z.enum(KINDS),
  sender: z.object({ site: z.string(), name: z.string(), fingerprint: z.string() }),
  seq: z.number().int(),
  createdAt: z.string(),
  bytes: z.number().int(),
  alreadyImported: z.boolean(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

/**
 * What the page sends instead of a path: the main process answers with its own dialog (open a file, pick a folder on
 * the removable drive) or the file last picked in this window. Any other value from the page is refused.
 */
export const MEDIA = { open: ':open', folder: ':folder', last: ':last' } as const;
export const MEDIA_CHANNELS: Readonly<Record<string, readonly string[]>> = {
  'transfer.identityExport': [MEDIA.folder],
  'transfer.export': [MEDIA.folder],
  'transfer.peerAdd': [MEDIA.open, MEDIA.last],
  'transfer.verify': [MEDIA.open, MEDIA.last],
  'transfer.import': [MEDIA.open, MEDIA.last],
};
