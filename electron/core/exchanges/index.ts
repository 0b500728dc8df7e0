// Exchange rounds (docs/exchanges.md): rounds, the two lists, proposals, handover, closing, the liaison's tasks.
import type { RoundDetail } from '../../../shared/exchanges';
import type { Db } from '../vault/database';
import { awaitingAnswer, entryPage, warningSummary } from './entries';
import { lastMark } from './handover';
import { pendingDiff, proposalMetas } from './proposals';
import { getRound } from './rounds';

export { createRound, getRound, listRounds, updateRound, cancelRound, reopenRound, roundIdByNumber } from './rounds';
export { addEntries, withdrawEntry, entryPage, warningSummary, awaitingAnswer } from './entries';
export { freezeProposal, recordAnswer, agreeAnswer, getProposal, proposalMetas, pendingDiff, proposalLines } from './proposals';
export { markEntry, undoLastMark, recordArrival, lastMark } from './handover';
export { closeRound, listTasks, completeTask, openTaskCount } from './closing';
export { dashboard } from './dashboard';

/** The round page's head: the round with its balance and warnings, proposals, the pending answer, the last mark (lists come by page). */
export function roundDetail(db: Db, id: string, pageSize = 100): RoundDetail {
  const round = getRound(db, id);
  const first = { receive: entryPage(db, id, 'receive', 0, pageSize), give: entryPage(db, id, 'give', 0, pageSize) };
  return {
    round,
    first,
    warnings: warningSummary(db, id),
    proposals: proposalMetas(db, id),
    awaitingAnswer: awaitingAnswer(db, id),
    pendingDiff: pendingDiff(db, id),
    lastMark: lastMark(db, id),
  };
}
