import type { Migration } from './types';

/** Replication between sites (docs/replication.md): causality per change, origin sequence, kept values, peers' acks. */
export const m0011: Migration = {
  version: 11,
  name: 'replication',
  up: (db) => {
    db.exec(`
      -- Per change: the stamps (packed) each written field superseded, {"field": ["<stamp>", …]}; the origin site's
      -- number in sites and the origin's own dense sequence (a receiver acknowledges a gap-free prefix of it).
      ALTER TABLE change_log ADD COLUMN prev TEXT;
      ALTER TABLE change_log ADD COLUMN site INTEGER;
      ALTER TABLE change_log ADD COLUMN oseq INTEGER;
      UPDATE change_log SET site = CAST(substr(hlc, 20) AS INTEGER);
      UPDATE change_log SET oseq = n.k
        FROM (SELECT seq, row_number() OVER (PARTITION BY site ORDER BY seq) AS k FROM change_log) AS n
        WHERE n.seq = change_log.seq;
      CREATE UNIQUE INDEX change_log_origin ON change_log (site, oseq);
      CREATE INDEX change_log_row ON change_log (tbl, row_id);

      -- Live values of a field other than the shown one: concurrent writes nobody has decided on (a conflict when
      -- the value differs from the shown one). value is JSON; hlc packed.
      CREATE TABLE replica_kept (
        id INTEGER PRIMARY KEY,
        tbl TEXT NOT NULL, row_id TEXT NOT NULL, field TEXT NOT NULL,
        hlc TEXT NOT NULL, value TEXT NOT NULL, operator_id TEXT,
        UNIQUE (tbl, row_id, field, hlc)
      );
      -- Records known only in part (a change came before the one that creates the record or its parent).
      CREATE TABLE replica_pending (tbl TEXT NOT NULL, row_id TEXT NOT NULL, reason TEXT NOT NULL, PRIMARY KEY (tbl, row_id)) WITHOUT ROWID;
      -- What each peer (by site id) has acknowledged: per origin site, the gap-free prefix of its sequence.
      CREATE TABLE peer_acks (peer TEXT NOT NULL, site INTEGER NOT NULL, oseq INTEGER NOT NULL, PRIMARY KEY (peer, site)) WITHOUT ROWID;
    `);
  },
};
