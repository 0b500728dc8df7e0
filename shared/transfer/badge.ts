// What the header badge says about synchronisation: computed from the peers' real state, never assumed.
import type { PeerInfo } from './schemas';

export type BadgeState = 'none' | 'waiting' | 'unacknowledged' | 'synced';

export interface Badge {
  state: BadgeState;
  /** Changes recorded here that the most-behind trusted peer has not been sent. */
  waiting: number;
  /** Files sent that a peer has not acknowledged yet. */
  unacknowledged: number;
  peers: PeerInfo[];
}

export function badgeOf(all: readonly PeerInfo[]): Badge {
  const peers = all.filter((p) => p.status === 'trusted');
  const waiting = Math.max(0, ...peers.map((p) => p.waiting));
  const unacknowledged = peers.reduce((n, p) => n + p.unacknowledged, 0);
  const state: BadgeState = peers.length === 0 ? 'none' : waiting > 0 ? 'waiting' : unacknowledged > 0 ? 'unacknowledged' : 'synced';
  return { state, waiting, unacknowledged, peers };
}
