// The register's possible duplicates and the merge of two records of one person, as they cross the boundary.
// Not re-exported by ./index: it names the matcher's views, which themselves use the register's ids.
import { z } from 'zod';
import { CandidateView, Suggestion } from '../matching/views';
import { Id } from './schemas';

export const DuplicatePair = z.object({ a: CandidateView, b: CandidateView, score: z.number(), suggestion: Suggestion });
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const MergeArgs = z.object({ keepId: Id, mergeId: Id }).strict();
export const MergeResult = z.object({
  keptId: Id,
  mergedId: Id,
  moved: z.object({
    sightings: z.number().int(),
    relatives: z.number().int(),
    attachments: z.number().int(),
    statusChanges: z.number().int(),
    entries: z.number().int(),
  }),
  filledFields: z.array(z.string()),
});
export type MergeResult = z.infer<typeof MergeResult>;
