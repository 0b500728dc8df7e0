// Going to an area always lands on its home (clicking "Register" on a person page goes back to the table), and the
// palette can ask an area to open one of its dialogs when it arrives.
import { create } from 'zustand';
import type { AreaId } from '../lib/areas';
import { useRegister } from '../areas/register/store';
import { useApp } from '../state/app';

export type AreaRequest = 'import' | 'newList' | null;

interface Visits {
  /** bumped on every visit: the shell keys the area by it, so the area starts again from its home */
  visit: number;
  request: AreaRequest;
  take(): AreaRequest;
}

export const useVisits = create<Visits>()((set, get) => ({
  visit: 0,
  request: null,
  take: () => {
    const r = get().request;
    if (r) set({ request: null });
    return r;
  },
}));

export function goHome(area: AreaId, request: AreaRequest = null): void {
  if (area === 'register') useRegister.getState().show({ kind: 'home' });
  useVisits.setState((s) => ({ visit: s.visit + 1, request }));
  useApp.getState().go(area);
}
