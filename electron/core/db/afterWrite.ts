// After-write hooks: a table's derived data (search indexes…) kept in the writer's own transaction. Tables hand theirs
// to each session when it is made (electron/core/tables.ts → db/session.ts); the generic write path calls what the
// session holds and knows nothing of it.
import type { Table } from '../../../shared/replication/tables';
import type { Db } from '../vault/database';
import { sessionOf, type Session } from './session';

export type WriteEvent =
  /** a new record, with its rowid and every value written */
  | { kind: 'insert'; rowid: number | bigint; values: Record<string, string | number | null> }
  /** changed fields; `fields` absent: not known (a merged remote change, a tombstone) */
  | { kind: 'update'; fields?: readonly string[] };
export type AfterWrite = (session: Session, id: string, event: WriteEvent) => void;

export function runAfterWrite(db: Db, tbl: Table, id: string, event: WriteEvent): void {
  sessionOf(db).afterWrite(tbl, id, event);
}
