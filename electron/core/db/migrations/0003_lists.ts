import type { Migration } from './types';

/**
 * Intake lists and their entries. They are this site's working papers, not replicated records: what reaches other
 * sites is what a decision writes through the register's write path (the list's source, sightings, new people).
 */
export const m0003: Migration = {
  version: 3,
  name: 'lists',
  up: (db) => {
    db.exec(`
      CREATE TABLE intake_lists (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('debriefing','mediator_list','counterpart_list','published_list','family_list')),
        title TEXT NOT NULL,
        received_date TEXT,
        place TEXT,
        source_id TEXT NOT NULL REFERENCES sources(id),
        file_name TEXT, file_sha256 TEXT,
        created_by TEXT,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed'))
      );
      CREATE INDEX intake_lists_created ON intake_lists (created_at);

      CREATE TABLE intake_entries (
        id TEXT PRIMARY KEY,
        list_id TEXT NOT NULL REFERENCES intake_lists(id),
        row_no INTEGER NOT NULL,
        raw TEXT NOT NULL,
        columns_json TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(columns_json)),
        parsed_json TEXT NOT NULL CHECK (json_valid(parsed_json)),
        suggestion TEXT NOT NULL CHECK (suggestion IN ('link','review','new')),
        candidates_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(candidates_json)),
        decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending','linked','created','skipped')),
        decided_person_id TEXT,
        decided_by TEXT,
        decided_at TEXT,
        sighting_id TEXT,
        UNIQUE (list_id, row_no)
      );
      CREATE INDEX intake_entries_person ON intake_entries (decided_person_id) WHERE decided_person_id IS NOT NULL;
      CREATE INDEX intake_entries_pending ON intake_entries (list_id, decision, suggestion);

      -- Where a merged person went: the tombstone points here so old references (entries, exports) still resolve.
      CREATE TABLE person_merges (
        merged_id TEXT PRIMARY KEY,
        kept_id TEXT NOT NULL,
        operator_id TEXT,
        at TEXT NOT NULL,
        summary_json TEXT NOT NULL CHECK (json_valid(summary_json))
      );
      CREATE INDEX person_merges_kept ON person_merges (kept_id);

      -- Pairs an operator has looked at and judged to be different people: the duplicates view stops offering them.
      CREATE TABLE duplicate_dismissals (
        a_id TEXT NOT NULL, b_id TEXT NOT NULL,
        operator_id TEXT, at TEXT NOT NULL,
        PRIMARY KEY (a_id, b_id)
      ) WITHOUT ROWID;
    `);
  },
};
