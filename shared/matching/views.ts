// The matcher's answers as the window, the CLI and IPC see them: a suggestion, candidates with their reasons, and who
// each candidate is now. Used by intake lists and by the register's possible duplicates.
import { z } from 'zod';
import { Id } from '../register';

export const Suggestion = z.enum(['link', 'review', 'new']);
export type Suggestion = z.infer<typeof Suggestion>;

export const MatchReason = z.object({ field: z.string(), kind: z.string(), weight: z.number(), form: z.string().optional() });
export type MatchReason = z.infer<typeof MatchReason>;

export const MatchCandidate = z.object({ personId: Id, ref: z.string().nullable(), score: z.number(), reasons: z.array(MatchReason) });
export type MatchCandidate = z.infer<typeof MatchCandidate>;

/** A candidate as the review screen shows it: the match plus who the person is now. */
export const CandidateView = MatchCandidate.extend({
  surname: z.string().nullable(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  unit: z.string().nullable(),
  status: z.string().nullable(),
  /** the person was merged or deleted after the list was matched */
  gone: z.boolean(),
});
export type CandidateView = z.infer<typeof CandidateView>;
