// What to send a peer and what to tell peers: every change this site knows (its own and those it relays) that the peer
// has not acknowledged, and per origin the gap-free prefix this site has applied. A lost file is simply sent again:
// an acknowledgement never covers a change the peer does not hold.
import { acksSchema, type Acks, type Change, type Scalar } from '../../../shared/replication';
import { ObminError } from '../../../shared/errors';
import type { Db } from '../vault/database';
import { Sites } from './sites';

interface LogRow {
  site: number;
  oseq: number;
  hlc: string;
  tbl: string;
  row_id: string;
  fields: string;
  prev: string | null;
  operator_id: string | null;
}

const PENDING_SQL = `
  FROM change_log c LEFT JOIN peer_acks a ON a.peer = @peer AND a.site = c.site
  WHERE c.oseq > coalesce(a.oseq, 0) AND c.site IS NOT (SELECT num FROM sites WHERE site_id = @peer)`;

function toChange(sites: Sites, r: LogRow): Change {
  const prev: Record<string, string[]> = {};
  if (r.prev) for (const [f, ss] of Object.entries(JSON.parse(r.prev) as Record<string, string[]>)) prev[f] = ss.map((s) => sites.full(s));
  return {
    origin: sites.id(r.site),
    seq: r.oseq,
    stamp: sites.full(r.hlc),
    tbl: r.tbl as Change['tbl'],
    row: r.row_id,
    fields: JSON.parse(r.fields) as Record<string, Scalar>,
    prev,
    by: r.operator_id,
  };
}

/** Changes the peer (by site id) has not acknowledged, by origin and sequence; streamed, never all held at once. */
export function* changesFor(db: Db, peer: string): Generator<Change> {
  const sites = new Sites(db);
  const rows = db
    .prepare(`SELECT c.site, c.oseq, c.hlc, c.tbl, c.row_id, c.fields, c.prev, c.operator_id ${PENDING_SQL} ORDER BY c.site, c.oseq`)
    .iterate({ peer }) as IterableIterator<LogRow>;
  for (const r of rows) yield toChange(sites, r);
}

export function* changesIn(db: Db, tbl: string, since: number, through: number): Generator<Change> {
  const sites = new Sites(db);
  const rows = db
    .prepare(
      'SELECT site, oseq, hlc, tbl, row_id, fields, prev, operator_id FROM change_log WHERE tbl = ? AND seq > ? AND seq <= ? AND oseq IS NOT NULL ORDER BY seq',
    )
    .iterate(tbl, since, through) as IterableIterator<LogRow>;
  for (const r of rows) yield toChange(sites, r);
}

export function countFor(db: Db, peer: string): number {
  return db.prepare(`SELECT count(*) ${PENDING_SQL}`).pluck().get({ peer }) as number;
}

/** Per origin site id, the highest sequence of a gap-free prefix held here (what an acknowledgement carries). */
export function acknowledgements(db: Db): Acks {
  const rows = db
    .prepare(
      `SELECT s.site_id AS site, CASE WHEN min(c.oseq) > 1 THEN 0 ELSE (
         SELECT min(x.oseq) FROM change_log x WHERE x.site = c.site
           AND NOT EXISTS (SELECT 1 FROM change_log y WHERE y.site = x.site AND y.oseq = x.oseq + 1)) END AS upto
       FROM change_log c JOIN sites s ON s.num = c.site GROUP BY c.site`,
    )
    .all() as { site: string; upto: number }[];
  return Object.fromEntries(rows.filter((r) => r.upto > 0).map((r) => [r.site, r.upto]));
}

/** Records a peer's acknowledgement; never moves backwards (an old acknowledgement read late changes nothing). */
export function recordAcks(db: Db, peer: string, acks: unknown): void {
  const parsed = acksSchema.safeParse(acks);
  if (!parsed.success) throw new ObminError('VALIDATION', { detail: 'acknowledgement' });
  db.transaction(() => {
    const sites = new Sites(db);
    const up = db.prepare('INSERT INTO peer_acks (peer, site, oseq) VALUES (?, ?, ?) ON CONFLICT (peer, site) DO UPDATE SET oseq = max(oseq, excluded.oseq)');
    for (const [site, n] of Object.entries(parsed.data)) if (n > 0) up.run(peer, sites.num(site), n);
  })();
}

/** Every change known for one record, oldest first (an exchange package carries whole records' histories). */
export function* changesOfRow(db: Db, tbl: string, id: string, sites: Sites = new Sites(db)): Generator<Change> {
  const rows = db
    .prepare('SELECT site, oseq, hlc, tbl, row_id, fields, prev, operator_id FROM change_log WHERE tbl = ? AND row_id = ? AND oseq IS NOT NULL ORDER BY seq')
    .iterate(tbl, id) as IterableIterator<LogRow>;
  for (const r of rows) yield toChange(sites, r);
}
