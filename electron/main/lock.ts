// Locks the vault on suspend, screen lock and system idle. The core emits 'locked' (core onEvent → events.ts → window).
import type { PowerMonitor } from 'electron';
import type { LockReason } from '../../shared/ipc/events';
import { call, type Router } from '../core';

export const IDLE_POLL_MS = 15_000;

export interface LockWatchDeps {
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener' | 'getSystemIdleTime'>;
  router: Router;
  pollMs?: number;
}

/** Starts watching; returns a function that stops it. */
export function startLockWatch({ powerMonitor, router, pollMs = IDLE_POLL_MS }: LockWatchDeps): () => void {
  let busy = false;

  async function lock(reason: Exclude<LockReason, 'manual'>): Promise<void> {
    try {
      // Only the core knows whether a session was open, so only it tells the window.
      await call(router, 'vault.lock', { reason });
    } catch {
      // A failed lock must not crash the main process; the next poll or event tries again.
    }
  }

  async function idleLimitSeconds(): Promise<number | null> {
    const result = await call(router, 'app.state', {});
    if (!result.ok || !result.value.unlocked || !result.value.session) return null;
    return result.value.session.settings.idleLockMinutes * 60;
  }

  async function poll(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      const limit = await idleLimitSeconds();
      if (limit !== null && powerMonitor.getSystemIdleTime() >= limit) await lock('idle');
    } catch {
      // Same as above: the poll runs again in pollMs.
    } finally {
      busy = false;
    }
  }

  const onSuspend = (): void => void lock('suspend');
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onSuspend);
  const timer = setInterval(() => void poll(), pollMs);

  return () => {
    clearInterval(timer);
    powerMonitor.removeListener('suspend', onSuspend);
    powerMonitor.removeListener('lock-screen', onSuspend);
  };
}
