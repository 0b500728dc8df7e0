// The core's events are typed by the contract: a wrong name or payload does not compile, and what it emits parses.
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/core';
import { events, LockedReason, LockReason, ProgressPhase, type EventName } from '../../shared/ipc/events';
import { tmpDir } from '../helpers/tmp';

describe('core events', () => {
  it('emits only what the contract declares, and the window-side schema accepts it', () => {
    const seen: [EventName, unknown][] = [];
    const core = new Core({ dataDir: tmpDir(), onEvent: (name, payload) => seen.push([name, payload]) });
    core.emit('progress', { taskId: 't1', phase: 'register.import', done: 1, total: 2 });
    core.emit('locked', { reason: 'restart' });
    // @ts-expect-error a phase the contract does not know is a compile error
    core.emit('progress', { taskId: 't1', phase: 'import', done: 1, total: 2 });
    // @ts-expect-error an event the contract does not know is a compile error
    core.emit('progres', { taskId: 't1' });
    expect(seen.slice(0, 2).map(([name, payload]) => events[name].safeParse(payload).success)).toEqual([true, true]);
    // The two ill-typed calls still reach the sink; the main process's forwarder drops them (test/electron/events).
    expect(events.progress.safeParse(seen[2]![1]).success).toBe(false);
  });

  it('keeps one list of lock reasons: the window and main ask with these, the core adds restart', () => {
    expect(LockReason.options).toEqual(['manual', 'idle', 'suspend']);
    expect(LockedReason.options).toEqual(['manual', 'idle', 'suspend', 'restart']);
    expect(ProgressPhase.options).toContain('transfer.apply');
  });
});
