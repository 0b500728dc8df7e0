import { z } from 'zod';
import { AddPeerResult, ExportResult, HistoryEntry, ImportSummary, MediaFile, Overview, VerifyResult } from '../../transfer/schemas';

const Site = z
  .string()
  .trim()
  .toUpperCase()
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/));

/**
 * Sites, keys and transfer files (docs/transfer-format.md). `file` arguments name removable media: in the window the
 * main process fills them from its own open/save dialog and ignores whatever the page sent.
 */
export const transferContract = {
  'transfer.overview': { args: z.object({}).strict(), result: Overview },
  'transfer.history': { args: z.object({ limit: z.number().int().min(1).max(1000).default(200) }).strict(), result: z.array(HistoryEntry) },
  'transfer.identityExport': {
    args: z.object({ file: MediaFile }).strict(),
    result: z.object({ file: z.string(), fingerprint: z.string(), bytes: z.number().int(), sha256: z.string(), site: z.string() }),
  },
  'transfer.peerAdd': { args: z.object({ file: MediaFile, fingerprint: z.string().max(400).nullable().default(null) }).strict(), result: AddPeerResult },
  'transfer.peerConfirm': { args: z.object({ site: Site, fingerprint: z.string().max(400) }).strict(), result: z.null() },
  'transfer.peerRevoke': { args: z.object({ site: Site }).strict(), result: z.null() },
  'transfer.rotateKeys': { args: z.object({}).strict(), result: z.object({ fingerprint: z.string() }) },
  'transfer.export': {
    args: z
      .object({
        to: z.array(Site).min(1).max(64),
        kind: z.enum(['changes', 'ack']).default('changes'),
        file: MediaFile,
        exchange: z.number().int().positive().optional(),
        taskId: z.string().max(64).optional(),
      })
      .strict(),
    result: ExportResult,
  },
  'transfer.verify': { args: z.object({ file: MediaFile }).strict(), result: VerifyResult },
  'transfer.import': {
    args: z
      .object({ file: MediaFile, dryRun: z.boolean().default(false), acceptMassChange: z.boolean().default(false), taskId: z.string().max(64).optional() })
      .strict(),
    result: ImportSummary,
  },
} as const;
