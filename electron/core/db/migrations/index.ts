import { ObminError } from '../../../../shared/errors';
import type { Db } from '../../vault/database';
import { m0001 } from './0001_foundation';
import { m0002 } from './0002_register';
import { m0003 } from './0003_lists';
import { m0004 } from './0004_match_rows';
import { m0005 } from './0005_uk_sort';
import { m0006 } from './0006_audit_trust';
import { m0007 } from './0007_exchanges';
import { m0008 } from './0008_transfer';
import { m0009 } from './0009_surname_vocab';
import { m0010 } from './0010_manifest_prints';
import { m0011 } from './0011_replication';
import { m0012 } from './0012_acked_through';
import { m0013 } from './0013_package_round';
import { m0014 } from './0014_site_codes';
import type { Migration } from './types';

/** One entry per schema version, strictly ascending; never edit a released migration, add the next one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs every pending migration, each in its own transaction; a database from a newer Obmin is refused. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const from = schemaVersion(db);
  if (from > latest) throw new ObminError('DB_NEWER_VERSION', { found: from, supported: latest });
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: Math.max(from, latest) };
}
