// Locks the vault on suspend, screen lock and system idle. The core emits 'locked' (core onEvent → events.ts → window).
import type { PowerMonitor } from 'electron';
import { AppState } from '../../shared/ipc/schemas';
import type { Router } from './ipc';

export const IDLE_POLL_MS = 15_000;

type LockReason = 'idle' | 'suspend';

export interface LockWatchDeps {
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener' | 'getSystemIdleTime'>;
  router: Router;
  pollMs?: number;
}

function isOk(result: unknown): result is { ok: true; value: unknown } {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === true;
}

/** Starts watching; returns a function that stops it. */
export function startLockWatch({ powerMonitor, router, pollMs = IDLE_POLL_MS }: LockWatchDeps): () => void {
  let busy = false;

  async function lock(reason: LockReason): Promise<void> {
    try {
      // Only the core knows whether a session was open, so only it tells the window.
      await router.handle('vault.lock', { reason });
    } catch {
      // A failed lock must not crash the main process; the next poll or event tries again.
    }
  }

  async function idleLimitSeconds(): Promise<number | null> {
    const result = await router.handle('app.state', {});
    if (!isOk(result)) return null;
    const state = AppState.safeParse(result.value);
    if (!state.success || !state.data.unlocked || !state.data.session) return null;
    return state.data.session.settings.idleLockMinutes * 60;
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
