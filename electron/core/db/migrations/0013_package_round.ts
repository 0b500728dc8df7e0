import type { Migration } from './types';

/** Which round an exchange package carried, on both sides, so a manifest can print that package's fingerprint. */
export const m0013: Migration = {
  version: 13,
  name: 'package_round',
  up: (db) => {
    db.exec(
      'ALTER TABLE transfer_files ADD COLUMN exchange INTEGER; CREATE INDEX transfer_files_exchange ON transfer_files (exchange) WHERE exchange IS NOT NULL;',
    );
  },
};
