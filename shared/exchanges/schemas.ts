// Exchange rounds as they cross the IPC boundary and the CLI prints them. Pure shapes, no I/O.
import { z } from 'zod';
import { Category, Id, PartialDate, PersonInput, Side, Status } from '../register';
import { ContactChannel } from '../register/enums';
import { Direction, EntryState, HandoverState, Mediator, ProposalKind, RoundStatus } from './enums';
import { WARNINGS } from './eligibility';

const Counts = z.object({ military: z.number().int(), civilian: z.number().int(), remains: z.number().int(), other: z.number().int() });
const PerDirection = <T extends z.ZodType>(t: T) => z.object({ receive: t, give: t });

export const TotalsShape = z.object({
  listed: PerDirection(Counts),
  handedOver: PerDirection(Counts),
  notDelivered: PerDirection(z.number().int()),
  refusedReturn: PerDirection(z.number().int()),
  unexpected: z.number().int(),
});

export const RoundNumber = z.number().int().min(1).max(100_000);

export const Round = z.object({
  id: Id,
  number: RoundNumber,
  status: RoundStatus,
  plannedDate: z.string().nullable(),
  actualDate: z.string().nullable(),
  place: z.string().nullable(),
  mediators: z.array(Mediator),
  sourceId: Id,
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** the closing sentence in both languages, once closed */
  summary: z.object({ uk: z.string(), en: z.string() }).nullable(),
  totals: TotalsShape,
});
export type Round = z.infer<typeof Round>;

export const EntryWarning = z.enum(WARNINGS);

export const EntryView = z.object({
  id: Id,
  personId: Id,
  ref: z.string().nullable(),
  surname: z.string(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  side: Side,
  category: Category,
  status: Status,
  rank: z.string().nullable(),
  unit: z.string().nullable(),
  documentNumbers: z.string().nullable(),
  distinguishingMarks: z.string().nullable(),
  seriouslyWounded: z.boolean(),
  photoId: z.string().nullable(),
  direction: Direction,
  state: EntryState,
  unexpected: z.boolean(),
  warnings: z.array(EntryWarning),
  otherRound: z.number().int().nullable(),
});
export type EntryView = z.infer<typeof EntryView>;

export const DiffItemView = z.object({
  personId: Id,
  ref: z.string().nullable(),
  name: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  from: Direction.nullable(),
  to: Direction.nullable(),
});
export type DiffItemView = z.infer<typeof DiffItemView>;

export const ProposalMeta = z.object({
  id: Id,
  version: z.number().int(),
  kind: ProposalKind,
  mediator: Mediator.nullable(),
  frozenAt: z.string(),
  listId: z.string().nullable(),
  counts: PerDirection(z.number().int()),
  diffCounts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
});
export type ProposalMeta = z.infer<typeof ProposalMeta>;

export const Proposal = ProposalMeta.extend({
  lines: z.array(z.object({ personId: Id, ref: z.string().nullable(), name: z.string(), direction: Direction })),
  diff: z.array(DiffItemView),
});
export type Proposal = z.infer<typeof Proposal>;

export const LastMark = z.object({ entryId: Id, personId: Id, state: EntryState, previous: EntryState, at: z.string() });

export const EntryPage = z.object({ total: z.number().int(), rows: z.array(EntryView) });

export const RoundDetail = z.object({
  round: Round,
  /** the first page of each list, so the round page paints from one call */
  first: z.object({ receive: EntryPage, give: EntryPage }),
  /** people on the lists carrying any warning, and how many carry each kind */
  warnings: z.object({ warned: z.number().int(), byKind: z.record(EntryWarning, z.number().int()) }),
  proposals: z.array(ProposalMeta),
  /** a sent proposal waits for the counterpart's answer: the lists are frozen */
  awaitingAnswer: z.boolean(),
  /** the counterpart's answer's differences still to decide (null: none pending) */
  pendingDiff: z.array(DiffItemView).nullable(),
  lastMark: LastMark.nullable(),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

export const RoundInput = z
  .object({
    number: RoundNumber,
    place: z.string().trim().min(1).max(200).nullable().optional(),
    plannedDate: PartialDate.nullable().optional(),
    mediators: z.array(Mediator).max(5).default([]),
  })
  .strict();
export type RoundInput = z.input<typeof RoundInput>;

export const RoundPatch = z
  .object({
    place: z.string().trim().min(1).max(200).nullable().optional(),
    plannedDate: PartialDate.nullable().optional(),
    actualDate: PartialDate.nullable().optional(),
    mediators: z.array(Mediator).max(5).optional(),
  })
  .strict();

export const AddArgs = z.object({ roundId: Id, direction: Direction, personIds: z.array(Id).min(1).max(20_000) }).strict();
export const AddResult = z.object({ added: z.number().int() });

export const MarkArgs = z.object({ entryId: Id, state: HandoverState }).strict();

export const ArrivalArgs = z.union([z.object({ roundId: Id, personId: Id }).strict(), z.object({ roundId: Id, person: PersonInput }).strict()]);

export const AnswerArgs = z.object({ roundId: Id, receiveListId: Id.nullable().optional(), giveListId: Id.nullable().optional() }).strict();
export const AgreeArgs = z.object({ roundId: Id, decisions: z.array(z.object({ personId: Id, accept: z.boolean() })).max(40_000) }).strict();

export const LIAISON_REASONS = ['released', 'remains_repatriated', 'not_delivered'] as const;
export const LiaisonTask = z.object({
  id: Id,
  roundId: Id,
  roundNumber: z.number().int(),
  personId: Id,
  ref: z.string().nullable(),
  name: z.string(),
  reason: z.enum(LIAISON_REASONS),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  relatives: z.array(z.object({ id: Id, name: z.string(), relation: z.string(), phone: z.string().nullable() })),
});
export type LiaisonTask = z.infer<typeof LiaisonTask>;

export const TaskDoneArgs = z.object({ taskId: Id, relativeId: Id, channel: ContactChannel, summary: z.string().trim().min(1).max(2000) }).strict();

export const CloseResult = z.object({ round: Round, changed: z.number().int(), tasks: z.number().int() });

export const DURATION_BUCKETS = ['lt6m', 'm6to12', 'y1to2', 'y2to3', 'gt3y', 'unknown'] as const;
export const Dashboard = z.object({
  /** everyone in the register: none means the home screen teaches how to start */
  persons: z.number().int(),
  captivity: z.array(
    z.object({ bucket: z.enum(DURATION_BUCKETS), military: z.number().int(), civilian: z.number().int(), remains: z.number().int(), other: z.number().int() }),
  ),
  rounds: z.array(
    z.object({ number: z.number().int(), date: z.string().nullable(), status: RoundStatus, received: z.number().int(), given: z.number().int() }),
  ),
  openTasks: z.number().int(),
  /** people on open rounds' lists who lack what the manifest needs */
  missingData: z.number().int(),
});
export type Dashboard = z.infer<typeof Dashboard>;
