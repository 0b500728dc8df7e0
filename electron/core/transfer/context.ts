import { DEFAULT_MAX_FILE_BYTES } from '../../../shared/transfer/format';
import type { Db } from '../vault/database';

/** What a transfer operation needs from the open session. */
export interface TransferContext {
  db: Db;
  operatorId: string | null;
  /** Files over this are refused before a byte is read. */
  maxBytes?: number;
  /** Progress of long work: bytes of payload done of total (import), records or changes written of total (export). */
  progress?: (phase: TransferPhase, done: number, total: number) => void;
}

export type TransferPhase = 'preview' | 'apply' | 'export';

export const maxBytesOf = (ctx: TransferContext) => ctx.maxBytes ?? DEFAULT_MAX_FILE_BYTES;

export function siteMeta(db: Db): { code: string; name: string; id: string } {
  const get = (k: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(k) as string | undefined) ?? '';
  return { code: get('site_code'), name: get('site_name'), id: get('site_id') };
}
