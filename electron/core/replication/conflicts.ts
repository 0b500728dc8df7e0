// The conflict queue: kept concurrent values that differ from the shown one, and their resolution — an ordinary
// edit through the write path that supersedes every value it saw, so it travels to other sites like any edit.
import { ObminError } from '../../../shared/errors';
import { parseStamp } from '../../../shared/hlc';
import { statusFitsSide, type Side, type Status } from '../../../shared/register';
import {
  DELETED,
  conflictsOf,
  parseEdit,
  type ConflictEntry,
  type ConflictSide,
  type EditValue,
  type KeepSide,
  type Table,
  type Version,
} from '../../../shared/replication';
import { Writer, type Scalar } from '../db/write';
import { toValues } from '../register/mapping';
import type { Db } from '../vault/database';
import { isSealedColumn, openForDisplay } from '../vault/family';
import { Materializer } from './materialize';
import { Sites } from './sites';

interface KeptRow {
  id: number;
  tbl: Table;
  row_id: string;
  field: string;
  hlc: string;
}

const PERSON_OF: Partial<Record<Table, string>> = {
  persons: 'SELECT id, ref, surname, given_name FROM persons WHERE id = ?',
  sightings: 'SELECT p.id, p.ref, p.surname, p.given_name FROM sightings x JOIN persons p ON p.id = x.person_id WHERE x.id = ?',
  relatives: 'SELECT p.id, p.ref, p.surname, p.given_name FROM relatives x JOIN persons p ON p.id = x.person_id WHERE x.id = ?',
  attachments: 'SELECT p.id, p.ref, p.surname, p.given_name FROM attachments x JOIN persons p ON p.id = x.person_id WHERE x.id = ?',
  status_changes: 'SELECT p.id, p.ref, p.surname, p.given_name FROM status_changes x JOIN persons p ON p.id = x.person_id WHERE x.id = ?',
  contact_log:
    'SELECT p.id, p.ref, p.surname, p.given_name FROM contact_log x JOIN relatives r ON r.id = x.relative_id JOIN persons p ON p.id = r.person_id WHERE x.id = ?',
};

export function listConflicts(db: Db, limit = 500, offset = 0): ConflictEntry[] {
  const sites = new Sites(db);
  const m = new Materializer(db, sites);
  const me = db.prepare("SELECT value FROM meta WHERE key = 'site_id'").pluck().get() as string;
  const myCode = (db.prepare("SELECT value FROM meta WHERE key = 'site_code'").pluck().get() as string | undefined) ?? null;
  // Other sites' codes as verified transfer files named them (transfer/siteCodes.ts); unknown ones stay null.
  const codes = new Map((db.prepare('SELECT site_id, code FROM sites WHERE code IS NOT NULL').raw().all() as [string, string][]).map(([i, c]) => [i, c]));
  const opName = db.prepare('SELECT name FROM operators WHERE id = ?').pluck();
  const side = (tbl: string, field: string, v: Version): ConflictSide => {
    const s = parseStamp(v.stamp);
    return {
      value: openForDisplay(db, tbl, field, v.value),
      stamp: v.stamp,
      at: new Date(s.millis).toISOString(),
      site: s.site,
      siteCode: s.site === me ? myCode : (codes.get(s.site) ?? null),
      here: s.site === me,
      operator: v.by,
      operatorName: s.site === me && v.by ? ((opName.get(v.by) as string | undefined) ?? null) : null,
    };
  };
  const kept = db.prepare('SELECT id, tbl, row_id, field, hlc FROM replica_kept ORDER BY id').all() as KeptRow[];
  const out: ConflictEntry[] = [];
  const byRecord = new Map<string, KeptRow[]>();
  for (const k of kept) {
    const key = `${k.tbl}\u0000${k.row_id}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), k]);
  }
  for (const rows of byRecord.values()) {
    const { tbl, row_id } = rows[0]!;
    const sql = PERSON_OF[tbl];
    const person = sql
      ? (db.prepare(sql).get(row_id) as { id: string; ref: string | null; surname: string; given_name: string | null } | undefined)
      : undefined;
    const state = m.state(tbl, row_id);
    for (const c of conflictsOf(state)) {
      // A deleted (or merged-away) record's field disputes are moot while it stays deleted: not listed, not counted,
      // and kept, so they come back if the record is restored. A delete against an edit is still listed.
      if (state.deleted && c.field !== DELETED) continue;
      const k = rows.find((r) => r.field === c.field && sites.full(r.hlc) === c.loser.stamp);
      if (!k) continue;
      const mine = side(tbl, c.field, c.winner);
      const theirs = side(tbl, c.field, c.loser);
      // Two sites' family values are sealed under different nonces: the same words on both sides are no conflict.
      if (isSealedColumn(tbl, c.field) && mine.value !== null && mine.value === theirs.value) continue;
      out.push({
        id: k.id,
        tbl,
        row: row_id,
        ref: person ? (person.ref ?? person.id) : null,
        personId: person?.id ?? null,
        personName: person ? [person.surname, person.given_name].filter(Boolean).join(' ') : null,
        field: c.field,
        mine,
        theirs,
      });
    }
  }
  out.sort((a, b) => a.id - b.id);
  return out.slice(offset, offset + limit);
}

/** Open conflicts; nothing kept (the usual case) answers without rebuilding any record. */
export function countConflicts(db: Db): number {
  if (!db.prepare('SELECT 1 FROM replica_kept LIMIT 1').get()) return 0;
  return listConflicts(db, Number.MAX_SAFE_INTEGER).length;
}

export function getConflict(db: Db, id: number): ConflictEntry {
  const c = listConflicts(db, Number.MAX_SAFE_INTEGER).find((e) => e.id === id);
  if (!c) throw new ObminError('NOT_FOUND', { what: `conflict ${id}` });
  return c;
}

/** Keep one side, or write the resolver's own value; either way an edit that has seen both sides. */
export type Resolution = KeepSide | { value: EditValue };

/** The resolver's value, judged by the field's form schema and the record's own rules, as a column value. */
function editedValue(db: Db, c: ConflictEntry, value: EditValue): Scalar {
  const parsed = parseEdit(c.tbl, c.field, value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || c.field}: ${i.message}`).join('; ');
    throw new ObminError('VALIDATION', { detail });
  }
  const out = toValues(parsed.data)[c.field];
  const v = out === undefined ? null : out;
  if (c.tbl === 'persons' && c.field === 'ref' && v !== null && db.prepare('SELECT 1 FROM persons WHERE ref = ? AND id <> ?').get(v, c.row))
    throw new ObminError('CONFLICT', { detail: `ref ${String(v)}` });
  if (c.tbl === 'persons' && c.field === 'side') {
    const status = db.prepare('SELECT status FROM persons WHERE id = ?').pluck().get(c.row) as Status;
    if (!statusFitsSide(status, v as Side)) throw new ObminError('VALIDATION', { detail: `status ${status} / side ${String(v)}` });
  }
  return v;
}

/** Writes the decision again (even when it is the shown value) so every site learns it; the write supersedes both sides. */
export function resolveConflict(db: Db, operatorId: string, id: number, how: Resolution): ConflictEntry {
  return db.transaction(() => {
    const c = getConflict(db, id);
    const w = new Writer(db, operatorId);
    const keep = typeof how === 'string' ? how : null;
    const value = keep ? (keep === 'mine' ? c.mine.value : c.theirs.value) : editedValue(db, c, (how as { value: EditValue }).value);
    // The audit names the decision, never the value (a family value stays sealed in the register only).
    const details = keep ? { conflict: id, field: c.field, keep } : { conflict: id, field: c.field, edited: true };
    // Delete against edit: 1 keeps the delete (a tombstone that saw the edit), 0 keeps the record (supersedes the tombstone).
    if (c.field === DELETED) w.decideDeletion(c.tbl as Table, c.row, value === 1 ? 1 : 0, { action: 'conflicts.resolve', details });
    else w.update(c.tbl as Table, c.row, { [c.field]: value }, { action: 'conflicts.resolve', details }, true);
    return c;
  })();
}
