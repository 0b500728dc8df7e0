// Applying changes from other sites in one transaction: each change is checked (schema, allowlist, clock bound),
// recorded once by its origin and sequence (a duplicate is a no-op, so relays and replays are safe), and every record
// it touches is rebuilt from all the changes known for it. Origin and stamp are kept, so this site can relay them.
import { ObminError } from '../../../shared/errors';
import { parseStamp } from '../../../shared/hlc';
import { MAX_TEXT, assertNotAhead, changeSchema, type Change, type Table } from '../../../shared/replication';
import { appendAudit } from '../audit/audit';
import { observeStamps } from '../db/write';
import type { Db } from '../vault/database';
import { countConflicts } from './conflicts';
import { suspendIndexes } from './bulkIndexes';
import { Materializer, type Incoming } from './materialize';
import { Sites } from './sites';

export interface ApplyResult {
  received: number;
  applied: number;
  duplicates: number;
  /** Records still waiting for a change that creates them or their parent. */
  pending: number;
  /** Open conflicts on this site after the batch. */
  conflicts: number;
  /** Records the batch brought in, and those whose shown values it changed (the rest it left as they were). */
  added: number;
  changed: number;
  /** People already here whose shown values (or tombstone) the batch changed: what the mass-change guard counts. */
  personsChanged: number;
}

export interface ApplyOptions {
  operatorId?: string | null;
  now?: () => number;
  onProgress?: (done: number, total: number) => void;
  /**
   * The changes are already `changeSchema`'s output (the transfer import parsed each line; it only sealed family
   * values since): not parsed a second time — only the values' length and the clock bound are checked again.
   */
  parsed?: boolean;
  /** Every touched record rebuilt from all its changes, never patched: the reference the patch path is tested against. */
  rebuildAll?: boolean;
}

/** What applying would do, found by applying inside a transaction that is then rolled back (nothing stays). */
export function previewChanges(db: Db, input: readonly unknown[], opts: ApplyOptions = {}): ApplyResult {
  let result: ApplyResult | null = null;
  const rollback = new Error('preview');
  try {
    db.transaction(() => {
      result = applyChanges(db, input, opts);
      throw rollback;
    })();
  } catch (e) {
    if (e !== rollback) throw e;
  }
  return result!;
}

/** Checks every change before anything is written: one bad change refuses the whole batch (one clear error). */
export function checkChanges(input: readonly unknown[], nowMs: number, parsed = false): Change[] {
  if (parsed)
    return (input as Change[]).map((c, i) => {
      for (const v of Object.values(c.fields))
        if (typeof v === 'string' && v.length > MAX_TEXT) throw new ObminError('VALIDATION', { detail: `change ${i + 1}: too long` });
      assertNotAhead(c.stamp, nowMs);
      return c;
    });
  return input.map((c, i) => {
    const r = changeSchema.safeParse(c);
    if (!r.success) throw new ObminError('VALIDATION', { detail: `change ${i + 1}: ${r.error.issues[0]?.message ?? 'invalid'}` });
    assertNotAhead(r.data.stamp, nowMs);
    return r.data;
  });
}

export function applyChanges(db: Db, input: readonly unknown[], opts: ApplyOptions = {}): ApplyResult {
  const now = opts.now ?? Date.now;
  const changes = checkChanges(input, now(), opts.parsed);
  return db.transaction(() => {
    const sites = new Sites(db);
    const find = db.prepare('SELECT hlc, tbl, row_id FROM change_log WHERE site = ? AND oseq = ?');
    const sameStamp = db.prepare('SELECT 1 FROM change_log WHERE tbl = ? AND row_id = ? AND hlc = ?').pluck();
    const insert = db.prepare('INSERT INTO change_log (hlc, tbl, row_id, fields, operator_id, prev, site, oseq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    // Per touched record, the batch's new changes to it (the patch path reads nothing back when there is one).
    const touched = new Map<string, [Table, string, Incoming[]]>();
    let duplicates = 0;
    for (const c of changes) {
      const site = sites.num(c.origin);
      const hlc = sites.pack(c.stamp);
      const known = find.get(site, c.seq) as { hlc: string; tbl: string; row_id: string } | undefined;
      if (known) {
        if (known.hlc !== hlc || known.tbl !== c.tbl || known.row_id !== c.row)
          throw new ObminError('VALIDATION', { origin: c.origin, seq: c.seq }, 'replication.errors.sequenceClash');
        duplicates++;
        continue;
      }
      if (sameStamp.get(c.tbl, c.row, hlc)) throw new ObminError('VALIDATION', { origin: c.origin, seq: c.seq }, 'replication.errors.sequenceClash');
      const prev: Record<string, string[]> = {};
      for (const [f, ss] of Object.entries(c.prev)) if (ss.length) prev[f] = ss.map((s) => sites.pack(s));
      insert.run(hlc, c.tbl, c.row, JSON.stringify(c.fields), c.by, Object.keys(prev).length ? JSON.stringify(prev) : null, site, c.seq);
      const key = `${c.tbl}\u0000${c.row}`;
      const t = touched.get(key);
      if (t) t[2].push({ hlc, fields: c.fields, prev });
      else touched.set(key, [c.tbl as Table, c.row, [{ hlc, fields: c.fields, prev }]]);
    }
    observeStamps(
      db,
      changes.map((c) => parseStamp(c.stamp)),
    );
    // Records the batch brings in (no change of theirs saw an earlier value): edits of records held here keep the indexes.
    const perTable = new Map<Table, number>();
    for (const [tbl, , incoming] of touched.values())
      if (incoming.every((x) => Object.keys(x.prev).length === 0)) perTable.set(tbl, (perTable.get(tbl) ?? 0) + 1);
    const rebuild = [...perTable].map(([tbl, n]) => suspendIndexes(db, tbl, n));
    const m = new Materializer(db, sites);
    let done = 0;
    let added = 0;
    let changed = 0;
    let personsChanged = 0;
    const count = (o: string, tbl?: Table) => (o === 'added' ? added++ : o === 'changed' ? (changed++, tbl === 'persons' && personsChanged++) : 0);
    for (const [tbl, id, incoming] of touched.values()) {
      count((incoming.length === 1 && !opts.rebuildAll ? m.patch(tbl, id, incoming[0]!) : null) ?? m.apply(tbl, id), tbl);
      if (++done % 1000 === 0) opts.onProgress?.(done, touched.size);
    }
    m.settleDisplaced();
    // Records that could not stand (a parent or their creating change was missing) may stand now: retry until no progress.
    for (;;) {
      const waiting = db.prepare('SELECT tbl, row_id FROM replica_pending').all() as { tbl: Table; row_id: string }[];
      let progress = false;
      for (const w of waiting) {
        const o = m.apply(w.tbl, w.row_id);
        if (o !== 'pending') progress = true;
        count(o, w.tbl);
      }
      if (!progress) break;
    }
    for (const r of rebuild) r();
    opts.onProgress?.(touched.size, touched.size);
    const result: ApplyResult = {
      received: changes.length,
      applied: changes.length - duplicates,
      duplicates,
      pending: db.prepare('SELECT count(*) FROM replica_pending').pluck().get() as number,
      conflicts: countConflicts(db),
      added,
      changed,
      personsChanged,
    };
    if (result.applied > 0) appendAudit(db, opts.operatorId ?? null, 'replication.apply', null, { ...result });
    return result;
  })();
}
