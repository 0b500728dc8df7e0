// Rows the register's related records hang on must exist and not be deleted.
import { ObminError } from '../../../shared/errors';
import type { Scalar } from '../db/write';
import type { Db } from '../vault/database';

export type Row = Record<string, Scalar>;

export function assertLive(db: Db, tbl: 'persons' | 'sources' | 'relatives', id: string): void {
  const sql = {
    persons: 'SELECT 1 FROM persons WHERE id = ? AND deleted = 0',
    sources: 'SELECT 1 FROM sources WHERE id = ? AND deleted = 0',
    relatives: 'SELECT 1 FROM relatives WHERE id = ? AND deleted = 0',
  }[tbl];
  if (!db.prepare(sql).get(id)) throw new ObminError('NOT_FOUND', { what: id });
}
