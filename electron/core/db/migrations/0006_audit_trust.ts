import type { Migration } from './types';

/** Audit entries carry the acting operator's Ed25519 signature; peers' witnesses of this site's head are kept. */
export const m0006: Migration = {
  version: 6,
  name: 'audit_trust',
  up: (db) => {
    db.exec(`
      ALTER TABLE audit ADD COLUMN signer_key TEXT;
      ALTER TABLE audit ADD COLUMN sig TEXT;
      CREATE TABLE operator_keys (
        id TEXT PRIMARY KEY,
        operator_id TEXT NOT NULL REFERENCES operators(id),
        public_key TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER operator_keys_no_update BEFORE UPDATE ON operator_keys BEGIN SELECT RAISE(ABORT, 'keys are append-only'); END;
      CREATE TRIGGER operator_keys_no_delete BEFORE DELETE ON operator_keys BEGIN SELECT RAISE(ABORT, 'keys are append-only'); END;
      CREATE TABLE audit_witnesses (
        id INTEGER PRIMARY KEY,
        peer_site TEXT NOT NULL,
        count INTEGER NOT NULL CHECK (count >= 0),
        hash TEXT NOT NULL,
        at TEXT NOT NULL,
        from_file TEXT,
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_witnesses_newest ON audit_witnesses (count DESC, at DESC);
    `);
  },
};
