// A batch that brings in at least as many records of a table as it already holds writes them faster with the table's
// secondary indexes dropped and built again from their own SQL afterwards (one sort each instead of random inserts all
// over eleven B-trees; fewer, fuller pages to encrypt at COMMIT). Inside the caller's transaction: a rollback restores them.
// UNIQUE constraints' own indexes are never dropped, so every constraint is still checked row by row.
import type { Db } from '../vault/database';

/** Below this many new records the indexes are kept (dropping and rebuilding them would cost more). */
const BULK_MIN = 5_000;

/** Drops `tbl`'s named secondary indexes when `incoming` is big against what it holds; returns a function that rebuilds them. */
export function suspendIndexes(db: Db, tbl: string, incoming: number): () => void {
  if (incoming < BULK_MIN) return () => {};
  const held = db.prepare(`SELECT count(*) FROM ${tbl}`).pluck().get() as number;
  if (incoming < held) return () => {};
  const indexes = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'")
    .all(tbl) as { name: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
  return () => {
    for (const i of indexes) db.exec(i.sql);
  };
}
