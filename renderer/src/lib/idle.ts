export interface IdleClock {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export interface IdleTracker {
  /** Record activity; cheap enough for every mouse move (no timer churn). */
  touch(): void;
  stop(): void;
}

/**
 * Calls onIdle once after idleMs without touch(). One timer re-arms itself for the time left, so a jump of the
 * clock (suspend, or a test's fast-forward) fires as soon as the timer runs, and activity never resets timers.
 */
export function createIdleTracker(idleMs: number, onIdle: () => void, clock: IdleClock): IdleTracker {
  let last = clock.now();
  let handle: unknown = null;
  let stopped = false;

  const arm = (ms: number) => {
    handle = clock.setTimer(check, Math.max(ms, 250));
  };
  function check() {
    if (stopped) return;
    const left = last + idleMs - clock.now();
    if (left > 0) return arm(left);
    stopped = true;
    onIdle();
  }
  arm(idleMs);

  return {
    touch() {
      last = clock.now();
    },
    stop() {
      stopped = true;
      if (handle !== null) clock.clearTimer(handle);
    },
  };
}
