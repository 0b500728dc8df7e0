// A real encrypted register with the development set's people, imported through the register's own import.
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../electron/core';
import { applyImport, previewImport } from '../../electron/core/register/import';
import { initCore } from '../helpers/tmp';
import { devSetDir, devSetPresent } from '../matching/devset';

export const DEV_DIR = devSetDir(path.join(__dirname, '../matching'));
export const HAS_DEV = devSetPresent(fs.existsSync(path.join(DEV_DIR, 'persons.csv')), DEV_DIR);

export async function coreWithPersons(file = path.join(DEV_DIR, 'persons.csv')): Promise<Core> {
  const core = await initCore();
  const s = core.require();
  const preview = await previewImport(s.db, { path: file });
  await applyImport(s.db, s.operator.id, { token: preview.token, skipInvalid: false });
  return core;
}

export function count(core: Core, sql: string, ...params: unknown[]): number {
  return (
    core
      .require()
      .db.prepare(sql)
      .get(...params) as { n: number }
  ).n;
}

/** What "the register" is, for checking that nothing changed: people, their evidence, and the change log. */
export function registerState(core: Core): { persons: number; sightings: number; statusChanges: number; personChanges: number } {
  return {
    persons: count(core, 'SELECT count(*) AS n FROM persons WHERE deleted = 0'),
    sightings: count(core, 'SELECT count(*) AS n FROM sightings'),
    statusChanges: count(core, 'SELECT count(*) AS n FROM status_changes'),
    personChanges: count(core, "SELECT count(*) AS n FROM changes WHERE tbl = 'persons'"),
  };
}
