// The proof of issue 9: whatever the order, duplicates, losses and replays, once every change has been delivered all
// sites hold the same register and the same conflict queue, and that queue is exactly the concurrent same-field edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actions } from './arbitraries';
import { Simulation, pendingAt, type Action } from './simulation';
import { registerHash } from './sites';

export function converges(seed: number, list: Action[]): void {
  const sim = new Simulation();
  try {
    sim.seed(seed);
    for (const a of list) sim.run(a);
    sim.settle();
    const hashes = sim.sites.map((s) => registerHash(s.db));
    expect(new Set(hashes).size).toBe(1);
    for (const s of sim.sites) expect(pendingAt(s)).toBe(0);
    const expected = sim.expectedConflicts();
    for (const s of sim.sites) expect(sim.conflictsAt(s)).toEqual(expected);
  } finally {
    sim.close();
  }
}

export const RUNS = Number(process.env.OBMIN_REPLICATION_RUNS ?? 1000);

describe('replication between four sites relayed through HQ', () => {
  it(`converges to one register and one conflict queue (${RUNS} random runs)`, () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3 }), actions, converges), { numRuns: RUNS });
  }, 600_000);
});
