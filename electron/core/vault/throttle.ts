import { z } from 'zod';
import { readSmallFile, withFileLock, writeFileAtomic } from '../fsutil';

// Failed unlocks are counted outside the (locked) database; the count holds no names, only numbers.
const ThrottleSchema = z.object({ failures: z.number().int().nonnegative(), lastFailureAt: z.number(), pendingAudit: z.number().int().nonnegative() });
export type ThrottleState = z.infer<typeof ThrottleSchema>;

const FREE_ATTEMPTS = 3;
const MAX_DELAY_S = 300;

/** A count is a few dozen bytes; anything larger (or not a regular file) is damage, read as no count, and replaced. */
export const THROTTLE_MAX_BYTES = 4096;

export function readThrottle(file: string): ThrottleState {
  try {
    return ThrottleSchema.parse(JSON.parse(readSmallFile(file, THROTTLE_MAX_BYTES)?.toString('utf8') ?? ''));
  } catch {
    return { failures: 0, lastFailureAt: 0, pendingAudit: 0 };
  }
}

/** Seconds to wait before the next attempt: none for the first three failures, then 2, 4, 8 … up to 5 minutes. */
export function delaySeconds(state: ThrottleState): number {
  if (state.failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_S, 2 ** (state.failures - FREE_ATTEMPTS + 1));
}

export function secondsUntilAllowed(state: ThrottleState, now = Date.now()): number {
  const wait = state.lastFailureAt + delaySeconds(state) * 1000 - now;
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}

export function recordFailure(file: string, now = Date.now()): ThrottleState {
  return withFileLock(file, () => {
    const s = readThrottle(file);
    const next = { failures: s.failures + 1, lastFailureAt: now, pendingAudit: s.pendingAudit + 1 };
    writeFileAtomic(file, JSON.stringify(next));
    return next;
  });
}

/**
 * Check and count in one step under a lock: an attempt is counted as failed before the passphrase is even tried, so
 * eight guesses fired at once cannot all pass the check. Returns the seconds to wait (nothing counted), or 0.
 */
export function reserveAttempt(file: string, now = Date.now()): number {
  return withFileLock(file, () => {
    const s = readThrottle(file);
    const wait = secondsUntilAllowed(s, now);
    if (wait > 0) return wait;
    writeFileAtomic(file, JSON.stringify({ failures: s.failures + 1, lastFailureAt: now, pendingAudit: s.pendingAudit + 1 }));
    return 0;
  });
}

/** After a success: the failures before it (the reserved attempt was this success), and the count starts again. */
export function settleSuccess(file: string): number {
  return withFileLock(file, () => {
    const pending = Math.max(0, readThrottle(file).pendingAudit - 1);
    writeFileAtomic(file, JSON.stringify({ failures: 0, lastFailureAt: 0, pendingAudit: 0 }));
    return pending;
  });
}

export function resetThrottle(file: string): void {
  withFileLock(file, () => writeFileAtomic(file, JSON.stringify({ failures: 0, lastFailureAt: 0, pendingAudit: 0 })));
}
