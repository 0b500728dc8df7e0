// The family key's life: made with the vault (or, for a vault from before it, at the first unlock by an operator who
// may read family data), sealed to the slots of family roles only, and the existing plaintext sealed in place.
import crypto from 'node:crypto';
import { SEALED_COLUMNS, seesFamily } from '../../../shared/register/sensitivity';
import type { Role } from '../../../shared/domain/roles';
import type { Table } from '../../../shared/replication/tables';
import { runAfterWrite } from '../db/afterWrite';
import type { Db } from './database';
import { isSealed, sealValue } from './family';
import { familyKeyCheckOf, withFamilyKey, type SlotsFile } from './keyslots';

const FLAG = 'family_sealed';

/** A new family key sealed to every slot whose operator's role reads family data (roles as the table holds them now). */
export function establishFamilyKey(db: Db, file: SlotsFile): { key: Buffer; file: SlotsFile } {
  const key = crypto.randomBytes(32);
  const roles = new Map((db.prepare('SELECT id, role FROM operators WHERE disabled = 0').all() as { id: string; role: Role }[]).map((r) => [r.id, r.role]));
  const grant = (s: SlotsFile['slots'][number]) => {
    const role = roles.get(s.operatorId);
    return role && seesFamily(role) ? withFamilyKey(file, s, key) : s;
  };
  const slots = file.slots.map(grant);
  const pendingSlots = file.pendingSlots?.map(grant);
  return { key, file: { ...file, slots, ...(pendingSlots ? { pendingSlots } : {}), familyKeyCheck: familyKeyCheckOf(file.vaultId, key) } };
}

export function familySealDone(db: Db): boolean {
  return db.prepare('SELECT 1 FROM meta WHERE key = ?').get(FLAG) !== undefined;
}

/**
 * Seals every plaintext value of the sealed columns — in the tables, in the change log and in kept concurrent values —
 * and rebuilds the search rows of people whose family fields were indexed before. The caller owns the transaction.
 */
export function sealExistingFamilyData(db: Db, key: Buffer): number {
  const n = walkFamilyData(db, true, (tbl, c, v) => (isSealed(v) ? null : sealValue(key, tbl, c, v)));
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(FLAG, new Date().toISOString());
  return n;
}

/**
 * Visits every non-null value of the sealed columns (tables, change_log JSON, replica_kept) and stores what `next`
 * returns for it (null: leave as is). Counts the values changed. The caller owns the transaction.
 */
export function walkFamilyData(db: Db, plaintextOnly: boolean, next: (tbl: string, col: string, v: string) => string | null): number {
  let n = 0;
  for (const [tbl, cols] of Object.entries(SEALED_COLUMNS) as [string, readonly string[]][]) {
    const where = cols.map((c) => (plaintextOnly ? `(${c} IS NOT NULL AND substr(${c}, 1, 10) <> 'obmin-fk1:')` : `${c} IS NOT NULL`)).join(' OR ');
    const rows = db.prepare(`SELECT id, ${cols.join(', ')} FROM ${tbl} WHERE ${where}`).all() as Record<string, string | null>[];
    for (const r of rows) {
      const sets: string[] = [];
      const params: string[] = [];
      for (const c of cols) {
        const v = r[c];
        if (v === null || v === undefined) continue;
        const out = next(tbl, c, String(v));
        if (out === null) continue;
        sets.push(`${c} = ?`);
        params.push(out);
        n++;
      }
      if (sets.length === 0) continue;
      db.prepare(`UPDATE ${tbl} SET ${sets.join(', ')} WHERE id = ?`).run(...params, r.id);
      // Sealing rewrote indexed columns: the table's own hooks rebuild what derives from them (the register's indexes).
      if (plaintextOnly) runAfterWrite(db, tbl as Table, String(r.id), { kind: 'update' });
    }
    const sealed = new Set(cols);
    const log = db.prepare('SELECT seq, fields FROM change_log WHERE tbl = ?').all(tbl) as { seq: number; fields: string }[];
    const putLog = db.prepare('UPDATE change_log SET fields = ? WHERE seq = ?');
    for (const l of log) {
      const f = JSON.parse(l.fields) as Record<string, unknown>;
      let changed = false;
      for (const c of Object.keys(f)) {
        const v = f[c];
        if (!sealed.has(c) || v === null || v === undefined) continue;
        const out = next(tbl, c, String(v));
        if (out === null) continue;
        f[c] = out;
        changed = true;
      }
      if (changed) putLog.run(JSON.stringify(f), l.seq);
    }
    const kept = db.prepare(`SELECT id, field, value FROM replica_kept WHERE tbl = ? AND field IN (${cols.map(() => '?').join(', ')})`).all(tbl, ...cols) as {
      id: number;
      field: string;
      value: string;
    }[];
    for (const k of kept) {
      const v = JSON.parse(k.value) as unknown;
      if (v === null || v === undefined) continue;
      const out = next(tbl, k.field, String(v));
      if (out !== null) db.prepare('UPDATE replica_kept SET value = ? WHERE id = ?').run(JSON.stringify(out), k.id);
    }
  }
  return n;
}
