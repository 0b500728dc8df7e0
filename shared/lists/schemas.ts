// Intake lists: what crosses the IPC boundary and what the CLI prints. Pure shapes, no I/O.
import { z } from 'zod';
import { Credibility, IMPORT_BASE64_MAX, Id, PersonPatch, Reliability } from '../register';
import { CandidateView, Suggestion } from '../matching/views';

export const LIST_KINDS = ['debriefing', 'mediator_list', 'counterpart_list', 'published_list', 'family_list'] as const;
export const ListKind = z.enum(LIST_KINDS);
export type ListKind = z.infer<typeof ListKind>;

/** The register's source kind a list of each kind is recorded as. */
export const SOURCE_KIND_OF_LIST = {
  debriefing: 'debriefing',
  mediator_list: 'mediator_list',
  counterpart_list: 'adversary_list',
  published_list: 'adversary_list',
  family_list: 'family_report',
} as const satisfies Record<ListKind, string>;

export const DECISIONS = ['pending', 'linked', 'created', 'skipped'] as const;
export const Decision = z.enum(DECISIONS);
export type Decision = z.infer<typeof Decision>;

// The matcher's answers as they cross the boundary (also used by the register's duplicates).
export { CandidateView, MatchCandidate, MatchReason, Suggestion } from '../matching/views';

const PartialIso = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const ParsedView = z.object({
  surname: z.string().nullable(),
  givenName: z.string().nullable(),
  givenInitial: z.string().nullable(),
  patronymic: z.string().nullable(),
  patronymicInitial: z.string().nullable(),
  dateOfBirth: PartialIso.nullable(),
  unit: z.string().nullable(),
  /** the rank the entry names (солдат, ст. сержант …); absent in entries saved before issue 12 */
  rank: z.string().nullable().optional(),
  /** an identity document's number found in the entry */
  document: z.string().nullable().optional(),
  problems: z.array(z.string()),
});
export type ParsedView = z.infer<typeof ParsedView>;

export const IntakeEntry = z.object({
  id: Id,
  listId: Id,
  row: z.number().int(),
  raw: z.string(),
  parsed: ParsedView,
  suggestion: Suggestion,
  candidates: z.array(CandidateView),
  decision: Decision,
  decidedPersonId: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type IntakeEntry = z.infer<typeof IntakeEntry>;

export const ListCounts = z.object({
  total: z.number().int(),
  link: z.number().int(),
  review: z.number().int(),
  new: z.number().int(),
  pending: z.number().int(),
  linked: z.number().int(),
  created: z.number().int(),
  skipped: z.number().int(),
  /** clear links still waiting: what "accept all" would apply */
  pendingLink: z.number().int(),
});
export type ListCounts = z.infer<typeof ListCounts>;

export const IntakeList = z.object({
  id: Id,
  kind: ListKind,
  title: z.string(),
  receivedDate: z.string().nullable(),
  place: z.string().nullable(),
  sourceId: Id,
  reliability: Reliability,
  credibility: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  status: z.enum(['open', 'closed']),
  counts: ListCounts,
});
export type IntakeList = z.infer<typeof IntakeList>;

/** What the operator gives: pasted text (one person per line) or a file's bytes (CSV, XLSX, TXT). */
export const ListInput = z.union([
  z.object({ text: z.string().max(20_000_000) }).strict(),
  z.object({ filename: z.string().min(1).max(512), dataBase64: z.string().max(IMPORT_BASE64_MAX) }).strict(),
]);
export type ListInput = z.infer<typeof ListInput>;

export const ImportListArgs = z
  .object({
    kind: ListKind,
    title: z.string().trim().min(1).max(512),
    receivedDate: PartialIso.nullable().optional(),
    place: z.string().trim().max(256).nullable().optional(),
    reliability: Reliability.default('F'),
    credibility: Credibility.default(6),
    input: ListInput,
    taskId: z.string().max(64).optional(),
  })
  .strict();
export type ImportListArgs = z.input<typeof ImportListArgs>;

export const ImportListResult = z.object({ listId: Id, counts: ListCounts, problems: z.number().int() });
export type ImportListResult = z.infer<typeof ImportListResult>;

export const DecideArgs = z
  .object({
    entryId: Id,
    decision: z.discriminatedUnion('action', [
      z.object({ action: z.literal('link'), personId: Id }).strict(),
      // What the entry says, with anything the operator adds or corrects (side, category, spelling…).
      z.object({ action: z.literal('create'), person: PersonPatch.optional() }).strict(),
      z.object({ action: z.literal('skip') }).strict(),
    ]),
  })
  .strict();
export type DecideArgs = z.infer<typeof DecideArgs>;
