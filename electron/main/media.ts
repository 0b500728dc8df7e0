// Removable media for the transfer area: the page never sends a path. It asks for the main process's own dialog
// (MEDIA.open, MEDIA.folder) or the file it last picked (MEDIA.last); the path is filled in here, in main.
import type { Result } from '../../shared/errors';
import { MEDIA, MEDIA_CHANNELS } from '../../shared/transfer/schemas';
import type { Router } from '../core';

export interface MediaDialogs {
  openFile(): Promise<string | null>;
  pickFolder(): Promise<string | null>;
}

const refused = (messageKey: string): Result<never> => ({ ok: false, error: { code: 'NOT_ALLOWED', messageKey } });
const CANCELLED: Result<never> = { ok: false, error: { code: 'USAGE', messageKey: 'transfer.cancelled' } };

export function withMediaDialogs(router: Router, dialogs: MediaDialogs): Router {
  let last: string | null = null;
  return {
    async handle(channel, args) {
      const allowed = MEDIA_CHANNELS[channel];
      if (!allowed) return router.handle(channel, args);
      const a = (args && typeof args === 'object' ? { ...(args as Record<string, unknown>) } : {}) as Record<string, unknown>;
      const asked = a.file;
      if (typeof asked !== 'string' || !allowed.includes(asked)) return refused('errors.NOT_ALLOWED');
      let file: string | null;
      if (asked === MEDIA.last) file = last;
      else if (asked === MEDIA.folder) file = await dialogs.pickFolder();
      else file = await dialogs.openFile();
      if (!file) return CANCELLED;
      if (asked === MEDIA.open) last = file;
      return router.handle(channel, { ...a, file });
    },
  };
}
