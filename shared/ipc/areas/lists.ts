import { z } from 'zod';
import { DecideArgs, ImportListArgs, ImportListResult, IntakeEntry, IntakeList, ListInput, MatchCandidate, Suggestion } from '../../lists';
import { Id } from '../../register';

const Page = { limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) };

/** Intake lists (docs/matching.md): import, match, review decisions. The register's duplicates and merges are persons.*. */
export const listsContract = {
  'lists.list': { args: z.object(Page).strict(), result: z.array(IntakeList) },
  'lists.get': { args: z.object({ id: Id }).strict(), result: IntakeList },
  'lists.entries': { args: z.object({ listId: Id, ...Page }).strict(), result: z.array(IntakeEntry) },
  'lists.import': { args: ImportListArgs, result: ImportListResult },
  /** Matches a list against the register and saves nothing: one answer per input row, in order. */
  'lists.match': {
    args: z.object({ input: ListInput }).strict(),
    result: z.array(z.object({ row: z.number().int(), suggestion: Suggestion, candidates: z.array(MatchCandidate), problems: z.array(z.string()) })),
  },
  'lists.decide': { args: DecideArgs, result: IntakeEntry },
  'lists.acceptSuggested': { args: z.object({ listId: Id }).strict(), result: z.object({ linked: z.number().int() }) },
  'lists.setStatus': { args: z.object({ listId: Id, status: z.enum(['open', 'closed']) }).strict(), result: IntakeList },
} as const;
