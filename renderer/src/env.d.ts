import type { ObminApi } from '../../shared/ipc/api';

// The preload exposes exactly this through contextBridge; the renderer has no other way out.
declare global {
  interface Window {
    readonly obmin: ObminApi;
  }
}

export {};
