import type { Migration } from './types';

/**
 * Exchange rounds (DOMAIN.md "Exchange round", "Proposal"): rounds, their entries per direction with each state change,
 * frozen proposals, and the liaison's tasks. Replicated records: every write goes through db/write.ts.
 */
export const m0007: Migration = {
  version: 7,
  name: 'exchanges',
  up: (db) => {
    db.exec(`
      CREATE TABLE exchange_rounds (
        id TEXT PRIMARY KEY,
        number INTEGER NOT NULL CHECK (number > 0),
        status TEXT NOT NULL CHECK (status IN ('planning','negotiating','agreed','executed','closed','cancelled')),
        planned_date TEXT, actual_date TEXT,
        place TEXT,
        mediators TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(mediators)),
        -- the source every status change made by the round cites
        source_id TEXT NOT NULL REFERENCES sources(id),
        totals_json TEXT CHECK (totals_json IS NULL OR json_valid(totals_json)),
        summary_uk TEXT, summary_en TEXT,
        closed_at TEXT,
        created_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0,1))
      );
      CREATE UNIQUE INDEX exchange_rounds_number ON exchange_rounds (number) WHERE deleted = 0;

      CREATE TABLE exchange_entries (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES exchange_rounds(id),
        person_id TEXT NOT NULL REFERENCES persons(id),
        direction TEXT NOT NULL CHECK (direction IN ('receive','give')),
        state TEXT NOT NULL CHECK (state IN ('proposed','agreed','rejected_by_counterpart','withdrawn','handed_over','not_delivered','refused_return')),
        -- arrived at the handover without being on the list
        unexpected INTEGER NOT NULL DEFAULT 0 CHECK (unexpected IN (0,1)),
        created_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0,1))
      );
      CREATE UNIQUE INDEX exchange_entries_round_person ON exchange_entries (round_id, person_id) WHERE deleted = 0;
      CREATE INDEX exchange_entries_person ON exchange_entries (person_id);

      CREATE TABLE exchange_entry_states (
        id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL REFERENCES exchange_entries(id),
        round_id TEXT NOT NULL REFERENCES exchange_rounds(id),
        from_state TEXT, to_state TEXT NOT NULL,
        -- 'plan' (lists and answers), 'mark' (handover), 'undo' (the last mark taken back)
        kind TEXT NOT NULL CHECK (kind IN ('plan','mark','undo')),
        at TEXT NOT NULL,
        operator_id TEXT,
        deleted INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX exchange_entry_states_entry ON exchange_entry_states (entry_id, at);
      CREATE INDEX exchange_entry_states_round ON exchange_entry_states (round_id, kind, at);

      CREATE TABLE exchange_proposals (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES exchange_rounds(id),
        version INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('sent','received','agreed')),
        mediator TEXT,
        list_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(list_ids)),
        lines_json TEXT NOT NULL CHECK (json_valid(lines_json)),
        diff_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(diff_json)),
        frozen_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      );
      CREATE UNIQUE INDEX exchange_proposals_version ON exchange_proposals (round_id, version) WHERE deleted = 0;

      CREATE TABLE exchange_tasks (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES exchange_rounds(id),
        person_id TEXT NOT NULL REFERENCES persons(id),
        reason TEXT NOT NULL CHECK (reason IN ('released','remains_repatriated','not_delivered')),
        done_at TEXT,
        contact_id TEXT,
        created_at TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX exchange_tasks_open ON exchange_tasks (done_at, round_id);
    `);
  },
};
