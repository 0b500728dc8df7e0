import { z } from 'zod';
import {
  Attachment,
  AttachmentInput,
  ContactLogEntry,
  ContactLogInput,
  ExportWindowArgs,
  ExportResult,
  Id,
  ImportApplyArgs,
  ImportPreview,
  ImportPreviewBytesArgs,
  ImportResult,
  Person,
  PersonDetail,
  PersonInput,
  PersonPatch,
  Relative,
  RelativeInput,
  RelativePatch,
  SearchArgs,
  SearchResult,
  Sighting,
  SightingInput,
  Source,
  SourceInput,
  Status,
  StatusChange,
} from '../../register';
import { DuplicatePair, MergeArgs, MergeResult } from '../../register/duplicates';

/** A status change cites an existing source or records a new one in the same transaction. */
export const StatusChangeArgs = z
  .object({
    personId: Id,
    status: Status,
    sourceId: Id.optional(),
    source: SourceInput.optional(),
    note: z.string().trim().max(4000).nullable().optional(),
  })
  .strict()
  .refine((a) => (a.sourceId === undefined) !== (a.source === undefined), { message: 'sourceId or source', path: ['sourceId'] });

/** The register's channels (docs/register.md). Writes are audited; family data needs family.read / family.write. */
export const registerContract = {
  'persons.search': { args: SearchArgs, result: SearchResult },
  'persons.get': { args: z.object({ id: Id }).strict(), result: PersonDetail },
  /** By the register's ref (P000123) or by id: what an operator types. */
  'persons.find': { args: z.object({ refOrId: z.string().trim().min(1).max(128) }).strict(), result: PersonDetail },
  'persons.create': { args: PersonInput, result: Person },
  'persons.update': { args: z.object({ id: Id, patch: PersonPatch }).strict(), result: Person },
  'persons.changeStatus': { args: StatusChangeArgs, result: StatusChange },
  'persons.delete': { args: z.object({ id: Id }).strict(), result: z.null() },
  /** Possible duplicates in the register (the lists' matcher), a pair judged different, and a merge of two records. */
  'persons.duplicates': {
    args: z.object({ cursor: z.string().max(64).nullable().optional(), limit: z.number().int().min(1).max(1000).default(50) }).strict(),
    result: z.object({ pairs: z.array(DuplicatePair), nextCursor: z.string().nullable(), scanned: z.number().int() }),
  },
  'persons.notDuplicate': { args: z.object({ a: Id, b: Id }).strict(), result: z.null() },
  'persons.merge': { args: MergeArgs, result: MergeResult },
  'sources.create': { args: SourceInput, result: Source },
  'sources.list': {
    args: z.object({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }).strict(),
    result: z.array(Source),
  },
  'sightings.add': { args: SightingInput, result: Sighting },
  'relatives.add': { args: RelativeInput, result: Relative },
  'relatives.update': { args: z.object({ id: Id, patch: RelativePatch }).strict(), result: Relative },
  'relatives.logContact': { args: ContactLogInput, result: ContactLogEntry },
  'attachments.add': { args: AttachmentInput, result: Attachment },
  'attachments.get': {
    args: z.object({ id: Id, thumb: z.boolean().default(false) }).strict(),
    result: z.object({ attachment: Attachment, dataBase64: z.string() }),
  },
  'persons.importPreview': { args: ImportPreviewBytesArgs, result: ImportPreview },
  'persons.importApply': { args: ImportApplyArgs, result: ImportResult },
  'persons.export': { args: ExportWindowArgs, result: ExportResult },
  /** fills an empty register with fictional people (the empty register's button; `obmin demo` in a terminal) */
  'demo.fill': {
    args: z.object({ count: z.number().int().min(1).max(20_000).default(3000) }).strict(),
    result: z.object({ persons: z.number().int(), sources: z.number().int(), relatives: z.number().int(), attachments: z.number().int() }),
  },
  /** Adds fictional people to any register, up to a million (`obmin demo --count`, benchmarks); register.write. */
  'demo.generate': {
    args: z.object({ count: z.number().int().min(1).max(1_000_000) }).strict(),
    result: z.object({ persons: z.number().int(), sources: z.number().int(), relatives: z.number().int(), attachments: z.number().int() }),
  },
} as const;
