import { describe, expect, it } from 'vitest';
import { createIdleTracker, type IdleClock } from '../../renderer/src/lib/idle';

/** A clock whose timers fire only when the test advances time, like the browser's under a fake clock. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let next = 1;
  const clock: IdleClock = {
    now: () => now,
    setTimer: (fn, ms) => {
      const id = next++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  /** Jumps forward, firing each due timer once (as Playwright's fastForward does). */
  const jump = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.fn();
  };
  /** Runs time forward step by step, firing timers as they fall due. */
  const run = (ms: number, step = 1000) => {
    for (let t = 0; t < ms; t += step) jump(step);
  };
  return { clock, jump, run, pending: () => timers.length };
}

describe('idle tracker', () => {
  it('fires once after the idle time with no activity', () => {
    const c = fakeClock();
    let fired = 0;
    createIdleTracker(60_000, () => fired++, c.clock);
    c.run(59_000);
    expect(fired).toBe(0);
    c.run(2_000);
    expect(fired).toBe(1);
    c.run(120_000);
    expect(fired).toBe(1);
  });

  it('activity pushes the lock back by the full idle time', () => {
    const c = fakeClock();
    let fired = 0;
    const t = createIdleTracker(60_000, () => fired++, c.clock);
    c.run(50_000);
    t.touch();
    c.run(50_000);
    expect(fired).toBe(0);
    c.run(11_000);
    expect(fired).toBe(1);
  });

  it('a jump past the deadline (suspend, fast-forward) locks at once', () => {
    const c = fakeClock();
    let fired = 0;
    createIdleTracker(60_000, () => fired++, c.clock);
    c.jump(65_000);
    expect(fired).toBe(1);
  });

  it('touching does not create timers; stop clears the one there is', () => {
    const c = fakeClock();
    let fired = 0;
    const t = createIdleTracker(60_000, () => fired++, c.clock);
    for (let i = 0; i < 1000; i++) t.touch();
    expect(c.pending()).toBe(1);
    t.stop();
    expect(c.pending()).toBe(0);
    c.run(120_000);
    expect(fired).toBe(0);
  });
});
