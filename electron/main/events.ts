// Pushes contract events to our windows; a name or payload the contract does not know is dropped here, not sent.
import type { WebContents } from 'electron';
import { CHANNEL_PREFIX, events } from '../../shared/ipc/contract';

export type EventSink = (name: string, payload: unknown) => void;

export function eventChannel(name: string): string {
  return `${CHANNEL_PREFIX}event:${name}`;
}

export function createEventForwarder(getTargets: () => readonly Pick<WebContents, 'send' | 'isDestroyed'>[]): EventSink {
  return (name, payload) => {
    if (!Object.prototype.hasOwnProperty.call(events, name)) return;
    const parsed = events[name as keyof typeof events].safeParse(payload);
    if (!parsed.success) return;
    for (const target of getTargets()) {
      if (!target.isDestroyed()) target.send(eventChannel(name), parsed.data);
    }
  };
}
