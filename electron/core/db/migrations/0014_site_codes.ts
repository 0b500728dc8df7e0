import type { Migration } from './types';

/** Each known replication site's code (learnt from verified transfer files), so a conflict names its site by code. */
export const m0014: Migration = {
  version: 14,
  name: 'site_codes',
  up: (db) => {
    db.exec('ALTER TABLE sites ADD COLUMN code TEXT;');
  },
};
