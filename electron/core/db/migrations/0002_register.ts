import { ObminError } from '../../../../shared/errors';
import type { Migration } from './types';

const partial = (c: string) =>
  `${c} TEXT CHECK (${c} IS NULL OR ${c} GLOB '[0-9][0-9][0-9][0-9]' OR ${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR ${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`;

/** SQL for the full HLC string (`2024-05-01T10:00:00.000Z-0000-<site id>`, shared/hlc.ts formatStamp) of a packed stamp. */
const fullStamp = (h: string) =>
  `strftime('%Y-%m-%dT%H:%M:%fZ', CAST(substr(${h}, 1, 13) AS INTEGER) / 1000.0, 'unixepoch') || '-' || printf('%04X', CAST(substr(${h}, 14, 5) AS INTEGER)) || '-' || (SELECT site_id FROM sites WHERE num = CAST(substr(${h}, 20) AS INTEGER))`;

/** The register and the replication tables its one write path (db/write.ts) keeps. */
export const m0002: Migration = {
  version: 2,
  name: 'register',
  up: (db) => {
    // FTS5 is compiled into better-sqlite3-multiple-ciphers; refuse loudly rather than degrade search silently.
    const fts = db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS on_").get() as { on_: number };
    if (!fts.on_) throw new ObminError('INTERNAL', { reason: 'FTS5 missing' });
    db.exec(`
      CREATE TABLE persons (
        id TEXT PRIMARY KEY,
        ref TEXT UNIQUE,
        surname TEXT NOT NULL,
        given_name TEXT, patronymic TEXT,
        surname_latin TEXT, given_name_latin TEXT, patronymic_latin TEXT,
        name_variants TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(name_variants)),
        ${partial('date_of_birth')},
        place_of_birth TEXT,
        sex TEXT CHECK (sex IS NULL OR sex IN ('M','F')),
        citizenship TEXT, document_numbers TEXT, father_name TEXT, mother_maiden_name TEXT, person_to_inform TEXT,
        side TEXT NOT NULL CHECK (side IN ('ours','held')),
        category TEXT NOT NULL CHECK (category IN ('military','civilian','remains','other')),
        rank TEXT, unit TEXT, service_number TEXT,
        height_cm INTEGER, build TEXT, eye_colour TEXT, hair_colour TEXT, distinguishing_marks TEXT, blood_type TEXT,
        ${partial('capture_date')}, capture_place TEXT, capture_circumstances TEXT,
        last_known_location TEXT, facility TEXT,
        health TEXT, seriously_wounded INTEGER NOT NULL DEFAULT 0 CHECK (seriously_wounded IN (0,1)),
        legal_status TEXT,
        icrc_status TEXT NOT NULL DEFAULT 'unknown' CHECK (icrc_status IN ('unknown','not_registered','registered','visited')),
        icrc_ref TEXT, ${partial('icrc_date')},
        status TEXT NOT NULL,
        remains_tag TEXT, recovery_place TEXT, ${partial('recovery_date')}, personal_effects TEXT, dna_lab_ref TEXT, dna_match_result TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0,1))
      );
      CREATE INDEX persons_surname ON persons (deleted, surname COLLATE NOCASE);
      CREATE INDEX persons_status ON persons (deleted, status);
      CREATE INDEX persons_category ON persons (deleted, category);
      CREATE INDEX persons_icrc ON persons (deleted, icrc_status);
      CREATE INDEX persons_capture ON persons (deleted, capture_date);
      CREATE INDEX persons_wounded ON persons (deleted, seriously_wounded) WHERE seriously_wounded = 1;
      CREATE INDEX persons_updated ON persons (deleted, updated_at);

      CREATE TABLE person_name_keys (
        key TEXT NOT NULL,
        person_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        PRIMARY KEY (key, person_id)
      ) WITHOUT ROWID;
      CREATE INDEX person_name_keys_person ON person_name_keys (person_id);

      -- Other text of a person (places, unit, marks, notes, Latin forms) for word and prefix search.
      CREATE VIRTUAL TABLE persons_fts USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

      CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('family_report','debriefing','media_capture','icrc_notification','adversary_list','mediator_list','official_document','dna_match')),
        title TEXT NOT NULL,
        summary TEXT,
        reliability TEXT NOT NULL CHECK (reliability IN ('A','B','C','D','E','F')),
        credibility INTEGER NOT NULL CHECK (credibility BETWEEN 1 AND 6),
        ${partial('received_date')},
        url TEXT, platform TEXT, captured_at TEXT, media_sha256 TEXT,
        created_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE sightings (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id),
        source_id TEXT NOT NULL REFERENCES sources(id),
        place TEXT NOT NULL,
        ${partial('date')},
        note TEXT,
        created_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX sightings_person ON sightings (person_id);
      CREATE INDEX sightings_source ON sightings (source_id);

      CREATE TABLE relatives (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id),
        name TEXT NOT NULL, relation TEXT NOT NULL, phone TEXT, address TEXT,
        consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0,1)), ${partial('consent_date')},
        dna_lab_ref TEXT, notes TEXT,
        created_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX relatives_person ON relatives (person_id);

      CREATE TABLE contact_log (
        id TEXT PRIMARY KEY,
        relative_id TEXT NOT NULL REFERENCES relatives(id),
        at TEXT NOT NULL,
        channel TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL,
        operator_id TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX contact_log_relative ON contact_log (relative_id, at);

      -- Content-addressed bytes; the database is SQLCipher, so they are encrypted at rest with every other page.
      CREATE TABLE attachment_blobs (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL, thumb BLOB) WITHOUT ROWID;
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id),
        kind TEXT NOT NULL, mime TEXT NOT NULL, filename TEXT NOT NULL, caption TEXT,
        source_id TEXT REFERENCES sources(id),
        sha256 TEXT NOT NULL REFERENCES attachment_blobs(sha256),
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX attachments_person ON attachments (person_id);

      CREATE TABLE status_changes (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES persons(id),
        from_status TEXT, to_status TEXT NOT NULL,
        source_id TEXT NOT NULL REFERENCES sources(id),
        at TEXT NOT NULL, note TEXT, operator_id TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX status_changes_person ON status_changes (person_id, at);

      -- Replication. Stamps are stored packed (shared/hlc.ts packStamp: 13 digits of ms, 5 of counter, '.', the site's
      -- number in sites), one change-log row per record write (the changed fields as one JSON object) and one clock row
      -- per record ({"<stamp>": [fields…]}: each field under its newest stamp), so per-field last-writer-wins stays
      -- possible. seq follows the local clock.
      CREATE TABLE sites (num INTEGER PRIMARY KEY, site_id TEXT NOT NULL UNIQUE);
      CREATE TABLE row_clock (row_id TEXT NOT NULL, tbl TEXT NOT NULL, clock TEXT NOT NULL, PRIMARY KEY (row_id, tbl)) WITHOUT ROWID;
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        hlc TEXT NOT NULL,
        tbl TEXT NOT NULL, row_id TEXT NOT NULL,
        fields TEXT NOT NULL,
        operator_id TEXT
      );
      -- The same, one row per field with the full stamp string (…Z-counter-site id), for readers and tools.
      CREATE VIEW changes (seq, hlc, tbl, row_id, field, value_json, operator_id) AS
        SELECT c.seq, ${fullStamp('c.hlc')}, c.tbl, c.row_id, f.key, json_quote(f.value), c.operator_id
        FROM change_log c JOIN json_each(c.fields) f;
      CREATE VIEW field_clock (tbl, row_id, field, hlc) AS
        SELECT r.tbl, r.row_id, f.value, ${fullStamp('g.key')}
        FROM row_clock r JOIN json_each(r.clock) g JOIN json_each(g.value) f;
      CREATE TABLE hlc_state (id INTEGER PRIMARY KEY CHECK (id = 1), last TEXT NOT NULL);
    `);
  },
};
