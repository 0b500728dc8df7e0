import { EventEmitter } from 'node:events';
import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { IDLE_POLL_MS, startLockWatch } from '../../electron/main/lock';

const session = {
  site: { code: 'KYIV-1', name: 'Kyiv' },
  operator: { id: 'op1', name: 'Ivan', role: 'admin', disabled: false, createdAt: '2025-01-01T00:00:00Z' },
  settings: { idleLockMinutes: 5, locale: 'uk' },
  unsyncedChanges: 0,
};

function state(unlocked: boolean) {
  return { ok: true as const, value: { initialised: true, unlocked, session: unlocked ? session : null, locale: 'uk', startupError: null } };
}

function setup(opts: { unlocked?: boolean; idleSeconds?: number } = {}) {
  const power = Object.assign(new EventEmitter(), { getSystemIdleTime: vi.fn(() => opts.idleSeconds ?? 0) });
  const router = {
    handle: vi.fn(async (channel: string) => (channel === 'app.state' ? state(opts.unlocked ?? true) : { ok: true as const, value: null })),
  };
  const stop = startLockWatch({ powerMonitor: power as never, router });
  return { power, router, stop };
}

function lockCalls(router: { handle: { mock: { calls: unknown[][] } } }) {
  return router.handle.mock.calls.filter(([channel]) => channel === 'vault.lock');
}

describe('startLockWatch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each(['suspend', 'lock-screen'])('locks the vault at once on %s', async (event) => {
    const { power, router, stop } = setup();
    power.emit(event);
    await vi.advanceTimersByTimeAsync(0);
    expect(router.handle).toHaveBeenCalledWith('vault.lock', { reason: 'suspend' });
    stop();
  });

  it('locks for idle once the system idle time reaches the setting', async () => {
    const { router, stop } = setup({ idleSeconds: 5 * 60 });
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS);
    expect(router.handle).toHaveBeenCalledWith('app.state', {});
    expect(router.handle).toHaveBeenCalledWith('vault.lock', { reason: 'idle' });
    stop();
  });

  it('polls every 15 seconds', async () => {
    expect(IDLE_POLL_MS).toBe(15_000);
    const { router, stop } = setup();
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS - 1);
    expect(router.handle).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(router.handle).toHaveBeenCalledTimes(1);
    stop();
  });

  it('leaves an active operator alone', async () => {
    const { router, stop } = setup({ idleSeconds: 5 * 60 - 1 });
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS * 3);
    expect(lockCalls(router)).toHaveLength(0);
    stop();
  });

  it('does nothing while already locked', async () => {
    const { router, stop } = setup({ unlocked: false, idleSeconds: 10_000 });
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS);
    expect(lockCalls(router)).toHaveLength(0);
    stop();
  });

  it('survives a router that throws: it keeps polling, and locks once the router answers again', async () => {
    const { router, stop } = setup({ idleSeconds: 10_000 });
    router.handle.mockRejectedValue(new Error('boom'));
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS * 2);
    expect(router.handle.mock.calls.filter(([channel]) => channel === 'app.state')).toHaveLength(2);
    router.handle.mockImplementation(async (channel: string) => (channel === 'app.state' ? state(true) : { ok: true, value: null }));
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS);
    expect(lockCalls(router)).toEqual([['vault.lock', { reason: 'idle' }]]);
    stop();
  });

  it('stops polling and listening when stopped', async () => {
    const { power, router, stop } = setup({ idleSeconds: 10_000 });
    stop();
    power.emit('suspend');
    await vi.advanceTimersByTimeAsync(IDLE_POLL_MS * 2);
    expect(router.handle).not.toHaveBeenCalled();
    expect(power.listenerCount('suspend')).toBe(0);
  });
});
