// In-memory sites for replication tests: the same library, schema (every migration) and write path as a real vault,
// cloned from one migrated template so a thousand runs of four sites stay fast.
import crypto from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { TABLES } from '../../shared/replication';
import { ukSortKey } from '../../shared/register/collation';
import { migrate } from '../../electron/core/db/migrations';
import { Writer } from '../../electron/core/db/write';
import type { Db } from '../../electron/core/vault/database';
// The session an unlocked vault has, with the same tables' hooks (persons' search indexes).
import { openTablesSession } from '../../electron/core/tables';

let template: Buffer | null = null;

function withFunctions(db: Db): Db {
  db.function('uk_sort', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? ukSortKey(v) : null));
  db.pragma('foreign_keys = ON');
  return db;
}

export interface Site {
  name: string;
  id: string;
  db: Db;
  operator: string;
  writer: () => Writer;
  tx: <T>(fn: (w: Writer) => T) => T;
}

export function newSite(name: string, id: string = crypto.randomUUID()): Site {
  if (!template) {
    const t = withFunctions(new Database(':memory:'));
    const session = openTablesSession(t);
    migrate(t);
    template = t.serialize();
    session.close();
    t.close();
  }
  const db = withFunctions(new Database(template));
  openTablesSession(db);
  db.prepare("INSERT INTO meta (key, value) VALUES ('site_id', ?), ('site_code', ?)").run(id, name);
  const operator = `op-${name}`;
  const site: Site = {
    name,
    id,
    db,
    operator,
    writer: () => new Writer(db, operator),
    tx: (fn) => {
      const w = site.writer();
      return db.transaction(() => fn(w))();
    },
  };
  return site;
}

/** SHA-256 over every replicated table's rows (id, allowlisted columns, tombstone), in id order. */
export function registerHash(db: Db): string {
  const h = crypto.createHash('sha256');
  for (const [tbl, cols] of Object.entries(TABLES)) {
    h.update(`#${tbl}\n`);
    for (const r of db
      .prepare(`SELECT id, ${cols.join(', ')}, deleted FROM ${tbl} ORDER BY id`)
      .raw()
      .iterate() as IterableIterator<unknown[]>)
      h.update(JSON.stringify(r)).update('\n');
  }
  return h.digest('hex');
}
