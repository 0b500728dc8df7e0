// The one write path for replicated records: each write takes the next HLC stamp, which becomes the stamp of every
// field it changed (row_clock: one JSON object per record, its fields grouped by stamp) and of its line in the change log
// (change_log: one row per record write, the changed fields as one JSON object); the audit chain gets its entry, all
// inside the caller's transaction. Stamps are stored packed (shared/hlc.ts packStamp) with the site's small number
// from `sites`; the views `changes` and `field_clock` show them per field in the full string form. Tables and columns
// come only from the allowlist below, never from input; values are always bound parameters.
import type Database from 'better-sqlite3-multiple-ciphers';
import { Hlc, compareStamps, formatStamp, packStamp, parseStamp, type Stamp } from '../../../shared/hlc';
import type { AuditAction } from '../../../shared/audit';
import { ObminError } from '../../../shared/errors';
import { DELETED, TABLES, type Table } from '../../../shared/replication/tables';
import { appendAudit } from '../audit/audit';
import { runAfterWrite } from './afterWrite';
import { sessionOf, slot } from './session';
import { keptStamps, overTombstone, refFreed, takeKept, nextOriginSeq } from '../replication/kept';
import type { Db } from '../vault/database';
import { sameSealed, sealValues } from '../vault/family';

export type Scalar = string | number | null;
export type Values = Record<string, Scalar>;

/** Replicated tables and their writable columns (id, updated_at and deleted are handled here); one home in shared. */
export { TABLES, type Table } from '../../../shared/replication/tables';

const HAS_UPDATED_AT: ReadonlySet<Table> = new Set(['persons']);
const ALLOWED = new Map<string, ReadonlySet<string>>(Object.entries(TABLES).map(([t, cols]) => [t, new Set<string>(cols)]));

function assertAllowed(tbl: string, fields: Iterable<string>): asserts tbl is Table {
  const cols = ALLOWED.get(tbl);
  if (!cols) throw new ObminError('INTERNAL', { reason: 'table not allowlisted' });
  for (const f of fields) if (!cols.has(f)) throw new ObminError('INTERNAL', { reason: 'column not allowlisted' });
}

export interface AuditSpec {
  action: AuditAction;
  details?: Record<string, unknown> | null;
}

type Stmt = Database.Statement;
interface Prepared {
  stamp: Stmt;
  readClock: Stmt;
  change: Stmt;
  saveClock: Stmt;
  siteNum: Stmt;
  addSite: Stmt;
  cache: Map<string, Stmt>;
  clock: Hlc;
  /** this site's number in `sites`, once its row is known to be committed */
  site: number | null;
}

// One clock and one set of statements per session (db/session.ts); dropped with it at lock.
const PREPARED = slot<Prepared>('db.writer');

function prepared(db: Db): Prepared {
  const session = sessionOf(db);
  let p = session.peek(PREPARED);
  if (p) {
    if (p.site === null && !db.inTransaction)
      p.site = (p.siteNum.get(p.clock.site) as number | undefined) ?? Number(p.addSite.run(p.clock.site).lastInsertRowid);
    return p;
  }
  const site = (db.prepare("SELECT value FROM meta WHERE key = 'site_id'").get() as { value: string } | undefined)?.value;
  if (!site) throw new ObminError('INTERNAL', { reason: 'site id missing' });
  const last = (db.prepare('SELECT last FROM hlc_state WHERE id = 1').get() as { last: string } | undefined)?.last;
  p = {
    stamp: db.prepare('INSERT INTO row_clock (row_id, tbl, clock) VALUES (?, ?, ?) ON CONFLICT (row_id, tbl) DO UPDATE SET clock = excluded.clock'),
    readClock: db.prepare('SELECT clock FROM row_clock WHERE row_id = ? AND tbl = ?').pluck(),
    change: db.prepare('INSERT INTO change_log (hlc, tbl, row_id, fields, operator_id, prev, site, oseq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    saveClock: db.prepare('INSERT INTO hlc_state (id, last) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET last = excluded.last'),
    siteNum: db.prepare('SELECT num FROM sites WHERE site_id = ?').pluck(),
    addSite: db.prepare('INSERT INTO sites (site_id) VALUES (?)'),
    cache: new Map(),
    clock: new Hlc(site, last ? parseStamp(last) : null),
    site: null,
  };
  p.site = (p.siteNum.get(site) as number | undefined) ?? null;
  // Outside a transaction the site's row is added at once, for good; inside one it could still be rolled back, so
  // siteNum() looks it up (or adds it) per write until a later Writer finds it committed.
  if (p.site === null && !db.inTransaction) p.site = Number(p.addSite.run(site).lastInsertRowid);
  session.slot(PREPARED, () => p!);
  return p;
}

function stmt(db: Db, p: Prepared, sql: string): Stmt {
  let s = p.cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    p.cache.set(sql, s);
  }
  return s;
}

/** Writes records for one operator. Call its methods inside a transaction the caller owns. */
export class Writer {
  private readonly p: Prepared;
  constructor(
    readonly db: Db,
    readonly operatorId: string | null,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.p = prepared(db);
  }

  private siteNum(): number {
    const p = this.p;
    if (p.site !== null) return p.site;
    return (p.siteNum.get(p.clock.site) as number | undefined) ?? Number(p.addSite.run(p.clock.site).lastInsertRowid);
  }

  /**
   * One stamp for the write: every field it changed carries it. The record's clock groups its fields by stamp
   * (`{"<packed stamp>": ["field", …], …}`: one write's fields share one stamp, so each stamp is stored once); a field
   * written again moves to the new stamp's group. `fresh`: a new record, no clock to read first.
   */
  private record(tbl: Table, id: string, changed: Values, fresh = false, sawAll = false): void {
    const { clock } = this.p;
    const old = fresh ? undefined : (this.p.readClock.get(id, tbl) as string | undefined);
    // An edit over a live tombstone that lost to a newer edit decides the record stands (deleted = 0 supersedes it).
    if (!fresh && !(DELETED in changed) && Object.keys(changed).length && overTombstone(this.db, tbl, id, old)) changed = { ...changed, [DELETED]: 0 };
    const fields = Object.keys(changed);
    if (fields.length === 0) return;
    const hlc = packStamp(clock.tick(), this.siteNum());
    let groups: Record<string, string[]> = {};
    // What each written field supersedes: its shown value's stamp and any concurrent values kept (docs/replication.md).
    const prev: Record<string, string[]> = fresh ? {} : takeKept(this.db, tbl, id, fields);
    // A tombstone names everything its site held of the record, so the merge can tell an edit it never saw.
    if (sawAll) (prev[DELETED] ??= []).push(...keptStamps(this.db, tbl, id), ...Object.keys(old ? (JSON.parse(old) as object) : {}));
    if (!fresh) {
      if (old) {
        const moved = new Set(fields);
        for (const [stamp, fs] of Object.entries(JSON.parse(old) as Record<string, string[]>)) {
          const keep = fs.filter((f) => !moved.has(f));
          if (keep.length) groups[stamp] = keep;
          for (const f of fs) if (moved.has(f)) (prev[f] ??= []).push(stamp);
        }
      }
    }
    if (prev[DELETED]) prev[DELETED] = [...new Set(prev[DELETED])];
    groups = { ...groups, [hlc]: fields };
    this.p.stamp.run(id, tbl, JSON.stringify(groups));
    const site = this.siteNum();
    this.p.change.run(
      hlc,
      tbl,
      id,
      JSON.stringify(changed),
      this.operatorId,
      Object.keys(prev).length ? JSON.stringify(prev) : null,
      site,
      nextOriginSeq(this.db, site),
    );
    this.p.saveClock.run(formatStamp(clock.last()));
  }

  private audit(spec: AuditSpec | null | undefined, target: string, fields: string[]): void {
    if (spec === null) return;
    appendAudit(this.db, this.operatorId, spec?.action ?? 'record.write', target, { fields, ...(spec?.details ?? {}) });
  }

  /** New record; every given field is stamped. `audit: null` leaves the audit entry to the caller (bulk import). */
  insert(tbl: Table, id: string, values: Values, audit?: AuditSpec | null): void {
    const v: Values = sealValues(this.db, tbl, ALLOWED.get(tbl)?.has('created_at') ? { created_at: this.now(), ...values } : { ...values });
    for (const k of Object.keys(v)) if (v[k] === undefined) delete v[k];
    assertAllowed(tbl, Object.keys(v));
    const cols = Object.keys(v);
    const extra = HAS_UPDATED_AT.has(tbl) ? ', updated_at' : '';
    const sql = `INSERT INTO ${tbl} (id, ${cols.join(', ')}${extra}) VALUES (?, ${cols.map(() => '?').join(', ')}${extra ? ', ?' : ''})`;
    const params: Scalar[] = [id, ...cols.map((c) => v[c]!)];
    if (extra) params.push(v.created_at ?? this.now());
    const { lastInsertRowid } = stmt(this.db, this.p, sql).run(...params);
    this.record(tbl, id, v, true);
    runAfterWrite(this.db, tbl, id, { kind: 'insert', rowid: lastInsertRowid, values: v });
    this.audit(audit, `${tbl}:${id}`, cols);
  }

  /** Changes only the fields whose value differs (all given with `force`: a conflict's resolution); returns their names. */
  update(tbl: Table, id: string, values: Values, audit?: AuditSpec | null, force = false): string[] {
    assertAllowed(tbl, Object.keys(values));
    const current = stmt(this.db, this.p, `SELECT * FROM ${tbl} WHERE id = ? AND deleted = 0`).get(id) as Values | undefined;
    if (!current) throw new ObminError('NOT_FOUND', { what: id });
    const differs: Values = {};
    for (const [k, val] of Object.entries(values)) if (val !== undefined && (force || !sameSealed(this.db, tbl, k, current[k], val))) differs[k] = val;
    const changed = sealValues(this.db, tbl, differs);
    const cols = Object.keys(changed);
    if (cols.length === 0) return [];
    const sets = cols.map((c) => `${c} = ?`);
    const params: Scalar[] = cols.map((c) => changed[c]!);
    if (HAS_UPDATED_AT.has(tbl)) {
      sets.push('updated_at = ?');
      params.push(this.now());
    }
    stmt(this.db, this.p, `UPDATE ${tbl} SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
    this.record(tbl, id, changed);
    if (tbl === 'persons' && typeof current.ref === 'string' && 'ref' in changed) refFreed(this.db, current.ref);
    runAfterWrite(this.db, tbl, id, { kind: 'update', fields: cols });
    this.audit(audit, `${tbl}:${id}`, cols);
    return cols;
  }

  /** Deletion is a tombstone: the row stays so a later, older change from another site cannot bring it back. */
  tombstone(tbl: Table, id: string, audit: AuditSpec): void {
    assertAllowed(tbl, []);
    const r = stmt(this.db, this.p, `UPDATE ${tbl} SET deleted = 1 WHERE id = ? AND deleted = 0`).run(id);
    if (r.changes === 0) throw new ObminError('NOT_FOUND', { what: id });
    if (HAS_UPDATED_AT.has(tbl)) stmt(this.db, this.p, `UPDATE ${tbl} SET updated_at = ? WHERE id = ?`).run(this.now(), id);
    this.record(tbl, id, { deleted: 1 }, false, true);
    runAfterWrite(this.db, tbl, id, { kind: 'update' });
    this.audit(audit, `${tbl}:${id}`, ['deleted']);
  }

  /** A delete-vs-edit conflict decided: 1 writes a tombstone that saw the edit, 0 one that supersedes the tombstone. */
  decideDeletion(tbl: Table, id: string, deleted: 0 | 1, audit: AuditSpec): void {
    assertAllowed(tbl, []);
    const r = stmt(this.db, this.p, `UPDATE ${tbl} SET deleted = ?${HAS_UPDATED_AT.has(tbl) ? ', updated_at = ?' : ''} WHERE id = ?`).run(
      deleted,
      ...(HAS_UPDATED_AT.has(tbl) ? [this.now()] : []),
      id,
    );
    if (r.changes === 0) throw new ObminError('NOT_FOUND', { what: id });
    this.record(tbl, id, { deleted }, false, deleted === 1);
    runAfterWrite(this.db, tbl, id, { kind: 'update' });
    this.audit(audit, `${tbl}:${id}`, ['deleted']);
  }
}

/** Folds remote stamps into this site's clock, so every later local write sorts after what it has seen. */
export function observeStamps(db: Db, stamps: Iterable<Stamp>): void {
  const p = prepared(db);
  let max: Stamp | null = null;
  for (const s of stamps) if (s.site !== p.clock.site && (!max || compareStamps(s, max) > 0)) max = s;
  if (!max) return;
  p.clock.receive(max);
  p.saveClock.run(formatStamp(p.clock.last()));
}
