// Each table's hooks, handed to every session when it is made: by the Core at unlock/init, by openTablesSession for a
// database opened without a Core (tests' sites, benches) — one list, so both write the same derived data.
import type { Db } from './vault/database';
import { openSession, type Session, type TableHooks } from './db/session';
import { endPersonBulk, personIndexesAfterWrite } from './register/indexes';

export const TABLE_HOOKS: TableHooks = {
  afterWrite: { persons: [personIndexesAfterWrite] },
  endBulk: [endPersonBulk],
};

/** The session of a database opened without a Core, with the same hooks as an unlocked vault's. */
export function openTablesSession(db: Db): Session {
  return openSession(db, TABLE_HOOKS);
}
