// The proof of issue 9: whatever the order, duplicates, losses and replays, once every change has been delivered all
// sites hold the same register and the same conflict queue, and that queue is exactly the concurrent same-field edits;
// a conflict some site resolved (keep either side) is gone everywhere once the decision has travelled.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { actions, later } from './arbitraries';
import { converges } from './simulation';

export const RUNS = Number(process.env.OBMIN_REPLICATION_RUNS ?? 1000);
// The soak's 10 000 runs take longer than 10 minutes on a shared machine: a fixed timeout would hide the verdict.
const SOAK_TIMEOUT = Math.max(600_000, RUNS * 1_000);

describe('replication between four sites relayed through HQ', () => {
  it(
    `converges to one register and one conflict queue (${RUNS} random runs)`,
    () => {
      fc.assert(fc.property(fc.integer({ min: 0, max: 3 }), actions, fc.nat(), later, converges), { numRuns: RUNS });
    },
    SOAK_TIMEOUT,
  );
});
