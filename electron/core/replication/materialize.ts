// A record's row, clock and kept values rebuilt from every change known for it (shared/replication merge): the same
// set of changes gives the same row whatever order they came in. A record that cannot stand yet (its creating change
// or its parent has not arrived) is left pending and retried after every batch.
import type Database from 'better-sqlite3-multiple-ciphers';
import { DELETED, TABLES, resolveRecord, type Op, type RecordState, type Scalar, type Table } from '../../../shared/replication';
import { runAfterWrite } from '../db/afterWrite';
import { sessionOf, slot } from '../db/session';
import type { Db } from '../vault/database';
import type { Sites } from './sites';

export type Outcome = 'added' | 'changed' | 'unchanged' | 'pending';

/** One change of the batch being applied, as stored: packed stamp, the fields it writes, per field the packed stamps it saw. */
export interface Incoming {
  hlc: string;
  fields: Readonly<Record<string, Scalar>>;
  prev: Readonly<Record<string, readonly string[]>>;
}

interface LogRow {
  hlc: string;
  fields: string;
  prev: string | null;
  operator_id: string | null;
}

// Statements per session (db/session.ts), dropped with it at lock.
const STATEMENTS = slot<Map<string, Database.Statement>>('replication.materializeStatements');

export class Materializer {
  private readonly cache: Map<string, Database.Statement>;
  constructor(
    private readonly db: Db,
    private readonly sites: Sites,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {
    this.cache = sessionOf(db).slot(STATEMENTS, () => new Map());
  }

  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) this.cache.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /** Every change known for the record, as the pure merge sees them (full stamps). */
  ops(tbl: Table, id: string): Op[] {
    const rows = this.stmt('SELECT hlc, fields, prev, operator_id FROM change_log WHERE tbl = ? AND row_id = ?').all(tbl, id) as LogRow[];
    return rows.map((r) => {
      const prev: Record<string, string[]> = {};
      if (r.prev) for (const [f, ss] of Object.entries(JSON.parse(r.prev) as Record<string, string[]>)) prev[f] = ss.map((s) => this.sites.full(s));
      return { stamp: this.sites.full(r.hlc), fields: JSON.parse(r.fields) as Record<string, Scalar>, prev, by: r.operator_id };
    });
  }

  state(tbl: Table, id: string): RecordState {
    return resolveRecord(this.ops(tbl, id));
  }

  /** Records with kept values or pending: the patch never touches them (they hold more than the row and clock say). */
  private blocked: Set<string> | null = null;

  private isBlocked(tbl: Table, id: string): boolean {
    if (!this.blocked) {
      const rows = this.stmt('SELECT tbl, row_id FROM replica_kept UNION SELECT tbl, row_id FROM replica_pending').raw().all() as [string, string][];
      this.blocked = new Set(rows.map(([t, r]) => `${t}\u0000${r}`));
    }
    return this.blocked.has(`${tbl}\u0000${id}`);
  }

  private block(tbl: Table, id: string): void {
    this.blocked?.add(`${tbl}\u0000${id}`);
  }

  /**
   * The common case without reading the record's changes back: one incoming edit whose writer had seen every value
   * this site holds for the fields it writes (its prev names each field's stamp in the clock; nothing is kept), newer
   * than all of them, on a standing record that was never deleted. The merge (shared/replication/merge.ts) would make
   * it the only live value of each of its fields and leave every other field, the tombstone state and the kept values
   * as they are — so only its fields are written, and their stamp in the clock. Anything else answers null: the
   * caller rebuilds the record from all its changes (`apply`), which gives the same row, clock and kept values.
   */
  patch(tbl: Table, id: string, x: Incoming): Outcome | null {
    if (DELETED in x.fields || this.isBlocked(tbl, id)) return null;
    const current = this.stmt(`SELECT * FROM ${tbl} WHERE id = ?`).get(id) as Record<string, Scalar> | undefined;
    if (!current || current[DELETED] !== 0) return null;
    const old = this.stmt('SELECT clock FROM row_clock WHERE row_id = ? AND tbl = ?').pluck().get(id, tbl) as string | undefined;
    if (old === undefined) return null;
    const groups = JSON.parse(old) as Record<string, string[]>;
    const written = Object.keys(x.fields);
    const moved = new Set(written);
    const next: Record<string, string[]> = {};
    for (const [hlc, fs] of Object.entries(groups)) {
      if (fs.includes(DELETED)) return null;
      const keep: string[] = [];
      for (const f of fs) {
        if (!moved.has(f)) keep.push(f);
        else if (!x.prev[f]?.includes(hlc) || !this.sites.newerPacked(x.hlc, hlc)) return null;
      }
      if (keep.length) next[hlc] = keep;
    }
    // A displaced case number (`ref (id…)`) may be taken back on a rebuild: that person goes the long way.
    if (tbl === 'persons' && !moved.has('ref') && typeof current.ref === 'string' && current.ref.endsWith(` (${id.slice(0, 8)})`)) return null;
    const want: Record<string, Scalar> = {};
    for (const f of written) want[f] = Object.is(x.fields[f], -0) ? 0 : x.fields[f]!; // as the change log's JSON gives it back
    if (tbl === 'persons' && moved.has('ref')) this.settleRef(id, want, current.ref);
    const diff = written.filter((c) => current[c] !== want[c]);
    if (diff.length) {
      const sets = diff.map((c) => `${c} = ?`);
      const params = diff.map((c) => want[c]!);
      if (tbl === 'persons') {
        sets.push('updated_at = ?');
        params.push(this.now());
      }
      try {
        this.stmt(`UPDATE ${tbl} SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) return null; // the rebuild records it as pending
        throw e;
      }
    }
    next[x.hlc] = written;
    this.stmt('INSERT INTO row_clock (row_id, tbl, clock) VALUES (?, ?, ?) ON CONFLICT (row_id, tbl) DO UPDATE SET clock = excluded.clock').run(
      id,
      tbl,
      JSON.stringify(next),
    );
    if (diff.length) runAfterWrite(this.db, tbl, id, { kind: 'update', fields: diff });
    return diff.length ? 'changed' : 'unchanged';
  }

  /** Writes the record's merged state: what became of its row ('pending': it cannot stand yet, the reason is kept). */
  apply(tbl: Table, id: string): Outcome {
    const state = this.state(tbl, id);
    const cols = TABLES[tbl] as readonly string[];
    const want: Record<string, Scalar> = {};
    for (const c of cols) {
      const f = state.fields.get(c);
      if (f) want[c] = f.winner.value;
    }
    const deleted = state.deleted ? 1 : 0;
    const current = this.stmt(`SELECT * FROM ${tbl} WHERE id = ?`).get(id) as Record<string, Scalar> | undefined;
    if (tbl === 'persons') this.settleRef(id, want, current?.ref);
    const stamped = tbl === 'persons';
    let changed: string[] | null = null;
    let fresh: { rowid: number | bigint; values: Record<string, Scalar> } | undefined;
    try {
      if (!current) {
        const names = [...Object.keys(want), DELETED, ...(stamped ? ['updated_at'] : [])];
        const values = [...Object.values(want), deleted, ...(stamped ? [this.now()] : [])];
        const { lastInsertRowid } = this.stmt(`INSERT INTO ${tbl} (id, ${names.join(', ')}) VALUES (?, ${names.map(() => '?').join(', ')})`).run(id, ...values);
        fresh = { rowid: lastInsertRowid, values: { ...want, [DELETED]: deleted } }; // a new person: indexes from these values, no read-back
        changed = names;
      } else {
        const diff = Object.keys(want).filter((c) => current[c] !== want[c]);
        if (current[DELETED] !== deleted) diff.push(DELETED);
        if (diff.length) {
          const all = { ...want, [DELETED]: deleted } as Record<string, Scalar>;
          const sets = diff.map((c) => `${c} = ?`);
          const params = diff.map((c) => all[c]);
          if (stamped) {
            sets.push('updated_at = ?');
            params.push(this.now());
          }
          this.stmt(`UPDATE ${tbl} SET ${sets.join(', ')} WHERE id = ?`).run(...params, id);
          changed = diff;
        }
      }
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
        this.stmt('INSERT INTO replica_pending (tbl, row_id, reason) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET reason = excluded.reason').run(tbl, id, code);
        this.block(tbl, id);
        return 'pending';
      }
      throw e;
    }
    this.stmt('DELETE FROM replica_pending WHERE tbl = ? AND row_id = ?').run(tbl, id);
    this.writeClock(tbl, id, state);
    this.writeKept(tbl, id, state);
    if (changed) runAfterWrite(this.db, tbl, id, fresh ? { kind: 'insert', ...fresh } : { kind: 'update', fields: changed });
    return !current ? 'added' : changed ? 'changed' : 'unchanged';
  }

  /**
   * Two sites can give different people the same case number (`ref` is UNIQUE). The rule, the same on every site
   * whatever the order: the person whose id sorts first keeps the ref, the other is stored as `ref (id…)`; when a ref
   * moves away, the people it had displaced are rebuilt and take it back.
   */
  private settleRef(id: string, want: Record<string, Scalar>, before: Scalar | undefined): void {
    const ref = want.ref;
    if (typeof ref === 'string') {
      const holder = this.stmt('SELECT id FROM persons WHERE ref = ? AND id <> ?').pluck().get(ref, id) as string | undefined;
      if (holder !== undefined && holder < id) want.ref = displacedRef(ref, id);
      else if (holder !== undefined) {
        this.stmt('UPDATE persons SET ref = ? WHERE id = ?').run(displacedRef(ref, holder), holder);
        runAfterWrite(this.db, 'persons', holder, { kind: 'update', fields: ['ref'] });
      }
    }
    if (typeof before === 'string' && before !== want.ref) this.displacedBy.add(before);
  }

  /** Refs this batch moved away from: the people displaced by them are rebuilt by `settleDisplaced`. */
  private readonly displacedBy = new Set<string>();

  freed(ref: string): void {
    this.displacedBy.add(ref);
  }

  settleDisplaced(): void {
    for (const ref of [...this.displacedBy]) {
      this.displacedBy.delete(ref);
      const ids = this.stmt("SELECT id FROM persons WHERE ref LIKE ? ESCAPE '\\' ORDER BY id")
        .pluck()
        .all(`${ref.replace(/[\\%_]/g, (c) => `\\${c}`)} (%)`) as string[];
      for (const other of ids) this.apply('persons', other);
    }
  }

  private writeClock(tbl: Table, id: string, state: RecordState): void {
    const groups: Record<string, string[]> = {};
    for (const [f, s] of state.fields) (groups[this.sites.pack(s.winner.stamp)] ??= []).push(f);
    const json = JSON.stringify(groups);
    const old = this.stmt('SELECT clock FROM row_clock WHERE row_id = ? AND tbl = ?').pluck().get(id, tbl) as string | undefined;
    if (old !== undefined && sameGroups(old, groups)) return;
    this.stmt('INSERT INTO row_clock (row_id, tbl, clock) VALUES (?, ?, ?) ON CONFLICT (row_id, tbl) DO UPDATE SET clock = excluded.clock').run(id, tbl, json);
  }

  private writeKept(tbl: Table, id: string, state: RecordState): void {
    const want = new Map<string, { field: string; hlc: string; value: string; by: string | null }>();
    for (const [f, s] of state.fields) {
      for (const v of s.others) {
        const hlc = this.sites.pack(v.stamp);
        want.set(`${f}\u0000${hlc}`, { field: f, hlc, value: JSON.stringify(v.value), by: v.by });
      }
    }
    // A delete against an edit made without seeing it: the losing side is kept under `deleted` (the queue's entry).
    const d = state.deletion;
    if (d) {
      const loser = d.tomb.stamp > d.edit.stamp ? d.edit : d.tomb;
      const hlc = this.sites.pack(loser.stamp);
      want.set(`${DELETED}\u0000${hlc}`, { field: DELETED, hlc, value: JSON.stringify(loser.value), by: loser.by });
    }
    const have = this.stmt('SELECT id, field, hlc FROM replica_kept WHERE tbl = ? AND row_id = ?').all(tbl, id) as { id: number; field: string; hlc: string }[];
    for (const h of have) {
      const k = `${h.field}\u0000${h.hlc}`;
      if (want.has(k)) want.delete(k);
      else this.stmt('DELETE FROM replica_kept WHERE id = ?').run(h.id);
    }
    if (want.size) this.block(tbl, id);
    for (const w of want.values())
      this.stmt('INSERT INTO replica_kept (tbl, row_id, field, hlc, value, operator_id) VALUES (?, ?, ?, ?, ?, ?)').run(tbl, id, w.field, w.hlc, w.value, w.by);
  }
}

function sameGroups(json: string, groups: Record<string, string[]>): boolean {
  const old = JSON.parse(json) as Record<string, string[]>;
  const a = Object.entries(old)
    .flatMap(([s, fs]) => fs.map((f) => `${f}=${s}`))
    .sort();
  const b = Object.entries(groups)
    .flatMap(([s, fs]) => fs.map((f) => `${f}=${s}`))
    .sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The stored ref of a person displaced from a shared case number: the number and the start of its own id. */
export const displacedRef = (ref: string, id: string): string => `${ref} (${id.slice(0, 8)})`;
