import { useEffect } from 'react';
import { createIdleTracker } from '../lib/idle';
import { useApp } from '../state/app';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'pointerdown', 'wheel', 'touchstart', 'focus'] as const;

/** Locks the vault after the configured minutes with no keyboard or pointer activity in this window. */
export function useIdleLock(minutes: number): void {
  useEffect(() => {
    const tracker = createIdleTracker(minutes * 60_000, () => void useApp.getState().lock('idle'), {
      now: () => Date.now(),
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (h) => window.clearTimeout(h as number),
    });
    const touch = () => tracker.touch();
    for (const name of ACTIVITY) window.addEventListener(name, touch, { capture: true, passive: true });
    return () => {
      tracker.stop();
      for (const name of ACTIVITY) window.removeEventListener(name, touch, { capture: true });
    };
  }, [minutes]);
}
