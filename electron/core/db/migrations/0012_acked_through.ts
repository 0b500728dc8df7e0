import type { Migration } from './types';

/** What to send a peer follows its acknowledgements (docs/replication.md): the change log position it holds all of. */
export const m0012: Migration = {
  version: 12,
  name: 'acked_through',
  up: (db) => {
    db.exec('ALTER TABLE peers ADD COLUMN acked_through INTEGER NOT NULL DEFAULT 0');
  },
};
