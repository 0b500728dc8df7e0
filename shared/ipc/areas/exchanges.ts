import { z } from 'zod';
import {
  AddArgs,
  AddResult,
  AgreeArgs,
  AnswerArgs,
  ArrivalArgs,
  CloseResult,
  Dashboard,
  Direction,
  EntryPage,
  EntryState,
  LastMark,
  LiaisonTask,
  MarkArgs,
  Mediator,
  Proposal,
  Round,
  RoundDetail,
  RoundInput,
  RoundPatch,
  TaskDoneArgs,
} from '../../exchanges';
import { Id } from '../../register';
import { SearchFilters } from '../../register/queries';

/** Exchange rounds (docs/exchanges.md): the two lists, proposals, handover, closing, the liaison's tasks, the dashboard. */
export const exchangesContract = {
  'exchanges.list': { args: z.object({}).strict(), result: z.array(Round) },
  'exchanges.get': { args: z.object({ id: Id, pageSize: z.number().int().min(0).max(500).default(100) }).strict(), result: RoundDetail },
  /** one list of a round, page by page, with each person's warnings */
  'exchanges.entries': {
    args: z
      .object({ roundId: Id, direction: Direction, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(5000).default(200) })
      .strict(),
    result: EntryPage,
  },
  'exchanges.create': { args: RoundInput, result: Round },
  'exchanges.update': { args: z.object({ id: Id, patch: RoundPatch }).strict(), result: Round },
  'exchanges.cancel': { args: z.object({ id: Id }).strict(), result: Round },
  /** an agreed round back to negotiating, for a next version */
  'exchanges.reopen': { args: z.object({ id: Id }).strict(), result: Round },
  'exchanges.add': { args: AddArgs, result: AddResult },
  /** everyone the register's current search and filters find (up to `limit`), in one all-or-nothing request */
  'exchanges.addFromSearch': {
    args: z
      .object({
        roundId: Id,
        direction: Direction,
        query: z.string().trim().max(256).default(''),
        filters: SearchFilters.default({}),
        limit: z.number().int().min(1).max(5000).default(1000),
      })
      .strict(),
    result: AddResult,
  },
  /** the people an intake list's decisions point at */
  'exchanges.addFromList': { args: z.object({ roundId: Id, direction: Direction, listId: Id }).strict(), result: AddResult },
  'exchanges.withdraw': { args: z.object({ entryId: Id }).strict(), result: z.null() },
  'exchanges.freeze': { args: z.object({ roundId: Id, mediator: Mediator.nullable().optional() }).strict(), result: z.object({ version: z.number().int() }) },
  'exchanges.answer': { args: AnswerArgs, result: z.object({ version: z.number().int(), diff: z.number().int() }) },
  'exchanges.agree': { args: AgreeArgs, result: z.object({ version: z.number().int() }) },
  'exchanges.proposal': { args: z.object({ id: Id }).strict(), result: Proposal },
  'exchanges.mark': { args: MarkArgs, result: z.object({ entryId: Id, previous: EntryState, state: EntryState }) },
  'exchanges.undoMark': { args: z.object({ roundId: Id }).strict(), result: LastMark },
  'exchanges.arrival': { args: ArrivalArgs, result: z.object({ entryId: Id, personId: Id }) },
  'exchanges.close': { args: z.object({ id: Id }).strict(), result: CloseResult },
  'exchanges.tasks': {
    args: z.object({ open: z.boolean().default(true), limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    result: z.array(LiaisonTask),
  },
  'exchanges.taskDone': { args: TaskDoneArgs, result: LiaisonTask },
  'dashboard.get': { args: z.object({}).strict(), result: Dashboard },
} as const;
