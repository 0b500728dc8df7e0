import { newSiteKeys } from '../../transfer/siteKeys';
import type { Migration } from './types';

/** Site keys (private halves only here, in the encrypted database), peers and their keys, files sent and received. */
export const m0008: Migration = {
  version: 8,
  name: 'transfer',
  up: (db) => {
    db.exec(`
      CREATE TABLE site_keys (
        fingerprint TEXT PRIMARY KEY,
        signing_public BLOB NOT NULL, signing_private BLOB NOT NULL,
        encryption_public BLOB NOT NULL, encryption_private BLOB NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT,
        rotation TEXT
      ) STRICT;
      CREATE TABLE peers (
        site TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending','trusted','revoked')),
        added_at TEXT NOT NULL, confirmed_at TEXT, revoked_at TEXT,
        next_seq INTEGER NOT NULL DEFAULT 1,
        sent_through INTEGER NOT NULL DEFAULT 0,
        acked_seq INTEGER NOT NULL DEFAULT 0,
        acked_at TEXT
      ) STRICT;
      CREATE TABLE peer_keys (
        fingerprint TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        signing_key BLOB NOT NULL, encryption_key BLOB NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending','trusted','revoked','retired')),
        added_at TEXT NOT NULL
      ) STRICT;
      -- One row per file and peer (a file to two peers is two rows, each with that peer's sequence number).
      CREATE TABLE transfer_files (
        file_id TEXT NOT NULL,
        peer TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in','out')),
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        processed_at TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        records INTEGER NOT NULL DEFAULT 0,
        added INTEGER NOT NULL DEFAULT 0,
        changed INTEGER NOT NULL DEFAULT 0,
        through_change INTEGER,
        audit_head TEXT,
        PRIMARY KEY (file_id, peer, direction)
      ) STRICT;
      CREATE UNIQUE INDEX transfer_files_seq ON transfer_files (peer, direction, kind, seq) WHERE kind <> 'identity';
    `);
    const k = newSiteKeys();
    db.prepare(
      'INSERT INTO site_keys (fingerprint, signing_public, signing_private, encryption_public, encryption_private, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(k.fingerprint, k.signing.publicKey, k.signing.privateKey, k.encryption.publicKey, k.encryption.privateKey, new Date().toISOString());
  },
};
