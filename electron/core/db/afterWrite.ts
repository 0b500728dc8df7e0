// After-write hooks: a table's derived data (search indexes…) kept in the writer's own transaction. Tables register
// here (electron/core/tables.ts); the generic write path calls what was registered and knows nothing of it.
import type { Table } from '../../../shared/replication/tables';
import type { Db } from '../vault/database';

export type WriteEvent =
  /** a new record, with its rowid and every value written */
  | { kind: 'insert'; rowid: number | bigint; values: Record<string, string | number | null> }
  /** changed fields; `fields` absent: not known (a merged remote change, a tombstone) */
  | { kind: 'update'; fields?: readonly string[] };
export type AfterWrite = (db: Db, id: string, event: WriteEvent) => void;

const hooks = new Map<Table, AfterWrite[]>();

export function afterWrite(tbl: Table, hook: AfterWrite): void {
  hooks.set(tbl, [...(hooks.get(tbl) ?? []), hook]);
}

export function runAfterWrite(db: Db, tbl: Table, id: string, event: WriteEvent): void {
  for (const hook of hooks.get(tbl) ?? []) hook(db, id, event);
}
