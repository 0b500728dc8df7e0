// Binds exactly the contract's channels; each call is checked against its sender before the router sees it.
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { Result } from '../../shared/errors';
import { CHANNELS, CHANNEL_PREFIX } from '../../shared/ipc/contract';
import type { Router } from '../core';
import { isAppUrl } from './hardening';

export const NOT_ALLOWED: Result<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'NOT_ALLOWED', messageKey: 'errors.NOT_ALLOWED' }),
}) as Result<never>;

const INTERNAL: Result<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'INTERNAL', messageKey: 'errors.INTERNAL' }),
}) as Result<never>;

export function isTrustedSenderUrl(url: string): boolean {
  return isAppUrl(url);
}

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
type FrameIds = Pick<WebFrameMain, 'processId' | 'routingId'>;

// Compared by ids as well as identity: a frame wrapper obtained another way need not be the same JS object.
function sameFrame(a: FrameIds, b: FrameIds): boolean {
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}
type WindowLike = { webContents: Pick<WebContents, 'mainFrame'> & object };

/** A sender is trusted when it is the main frame of one of our windows and shows our own origin. */
export function createSenderCheck(getWindows: () => readonly WindowLike[]): (event: SenderEvent) => boolean {
  return (event) => {
    // senderFrame is null once the frame navigated away or was destroyed.
    const frame: WebFrameMain | null = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    const window = getWindows().find((w) => w.webContents === event.sender);
    if (!window || !sameFrame(window.webContents.mainFrame, frame)) return false;
    return isTrustedSenderUrl(frame.url);
  };
}

/** Returns a function that removes the handlers again (tests, window reloads). */
export function bindIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  router: Router,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(CHANNEL_PREFIX + channel, async (event, args: unknown) => {
      if (!isTrustedSender(event)) return NOT_ALLOWED;
      try {
        return await router.handle(channel, args);
      } catch {
        // The router returns typed errors; a throw here is a bug, and its stack stays in the main process.
        return INTERNAL;
      }
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(CHANNEL_PREFIX + channel);
  };
}
