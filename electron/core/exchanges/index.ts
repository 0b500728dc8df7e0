// Exchange rounds (docs/exchanges.md): rounds, the two lists, proposals, handover, closing, the liaison's tasks.
import type { RoundDetail } from '../../../shared/exchanges';
import type { Db } from '../vault/database';
import { awaitingAnswer, entryViews } from './entries';
import { lastMark } from './handover';
import { pendingDiff, proposalMetas } from './proposals';
import { getRound } from './rounds';

export { createRound, getRound, listRounds, updateRound, cancelRound, roundIdByNumber } from './rounds';
export { addEntries, withdrawEntry, entryViews, awaitingAnswer } from './entries';
export { freezeProposal, recordAnswer, agreeAnswer, getProposal, proposalMetas, pendingDiff, proposalLines } from './proposals';
export { markEntry, undoLastMark, recordArrival, lastMark } from './handover';
export { closeRound, listTasks, completeTask, openTaskCount } from './closing';
export { dashboard } from './dashboard';

/** Everything the round page shows, in one read. */
export function roundDetail(db: Db, id: string): RoundDetail {
  const round = getRound(db, id);
  return { round, ...entryViews(db, id), proposals: proposalMetas(db, id), awaitingAnswer: awaitingAnswer(db, id), pendingDiff: pendingDiff(db, id), lastMark: lastMark(db, id) };
}
