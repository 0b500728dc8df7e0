import type { Migration } from './types';

/**
 * Printed documents (docs/manifest.md): what each data code was made from (one snapshot per code, so `manifest check`
 * can name the entries that changed since), and every print or save of a document. Local to this site, not replicated:
 * a print is an event here, like a login; the audit chain records each one as well.
 */
export const m0010: Migration = {
  version: 10,
  name: 'manifest_prints',
  up: (db) => {
    db.exec(`
      CREATE TABLE manifest_snapshots (
        code TEXT PRIMARY KEY,
        round_number INTEGER,
        snapshot_json TEXT NOT NULL CHECK (json_valid(snapshot_json)),
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE manifest_prints (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('manifest','dossier','list')),
        action TEXT NOT NULL CHECK (action IN ('print','save','write')),
        round_number INTEGER,
        variant TEXT,
        direction TEXT,
        pages INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        at TEXT NOT NULL,
        operator_id TEXT
      );
      CREATE INDEX manifest_prints_code ON manifest_prints (code);
    `);
  },
};
