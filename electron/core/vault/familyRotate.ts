// Rotating the family key when a family role leaves (an operator disabled): a new random key, every sealed value
// re-sealed under it in one transaction, the key sealed to the remaining family roles' slots only. Order of writes:
// (1) slots file gets the new key as pending, (2) one DB transaction re-seals and records the new key's check in meta,
// (3) the slots file promotes pending. A crash after (1) or (2) is finished at the next unlock by a family role.
import crypto from 'node:crypto';
import { seesFamily } from '../../../shared/register/sensitivity';
import type { Role } from '../../../shared/domain/roles';
import { appendAudit } from '../audit/audit';
import type { DataPaths } from '../paths';
import type { Db } from './database';
import { isSealed, openValue, sealValue } from './family';
import { walkFamilyData } from './familySeal';
import { familyKeyCheckOf, readSlotsFile, withPendingFamilyKey, writeSlotsFile, type Slot } from './keyslots';

const DUE = 'family_rotate_due';
const CHECK = 'family_key_check';

/** Set in the same transaction that disables a family role: the rotation is owed even if the process dies now. */
export function markFamilyRotationDue(db: Db): void {
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(DUE, new Date().toISOString());
}

export function familyRotationDue(db: Db): boolean {
  return db.prepare('SELECT 1 FROM meta WHERE key = ?').get(DUE) !== undefined;
}

function dbFamilyCheck(db: Db): string | undefined {
  return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(CHECK) as string | undefined;
}

const dropPending = (s: Slot): Slot => {
  const { pendingFamilyKey: _p, ...rest } = s;
  return rest;
};

/** Step 1: a new key sealed (as pending) to the slots of active operators whose role reads family data. */
export function beginFamilyRotation(p: DataPaths, db: Db): Buffer {
  const next = crypto.randomBytes(32);
  const file = readSlotsFile(p.slots);
  const roles = new Map((db.prepare('SELECT id, role FROM operators WHERE disabled = 0').all() as { id: string; role: Role }[]).map((r) => [r.id, r.role]));
  const slots = file.slots.map((s) => {
    const role = roles.get(s.operatorId);
    return role && seesFamily(role) ? withPendingFamilyKey(file, s, next) : dropPending(s);
  });
  writeSlotsFile(p.slots, { ...file, slots, pendingFamilyKeyCheck: familyKeyCheckOf(file.vaultId, next) });
  return next;
}

/** Step 2, one transaction: every value the old key opens (and any plaintext) sealed under the new key. */
export function resealFamilyData(db: Db, vaultId: string, from: Buffer, to: Buffer, operatorId: string): number {
  return db.transaction(() => {
    const n = walkFamilyData(db, false, (tbl, col, v) => {
      if (!isSealed(v)) return sealValue(to, tbl, col, v);
      const plain = openValue(from, tbl, col, v);
      // A value the old key cannot open (sealed at another site) is left as it is.
      return plain === null ? null : sealValue(to, tbl, col, plain);
    });
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(CHECK, familyKeyCheckOf(vaultId, to));
    db.prepare('DELETE FROM meta WHERE key = ?').run(DUE);
    appendAudit(db, operatorId, 'family.rotate', null, { values: n });
    return n;
  })();
}

/** Step 3: the pending key becomes the family key; slots without it (no longer a family role) lose the old one. */
export function finishFamilyRotation(p: DataPaths): void {
  const file = readSlotsFile(p.slots);
  if (!file.pendingFamilyKeyCheck) return;
  const slots = file.slots.map((s) => {
    const { pendingFamilyKey, sealedFamilyKey: _old, ...rest } = s;
    return pendingFamilyKey ? { ...rest, sealedFamilyKey: pendingFamilyKey } : rest;
  });
  writeSlotsFile(p.slots, { ...file, slots, familyKeyCheck: file.pendingFamilyKeyCheck, pendingFamilyKeyCheck: undefined });
}

/** All three steps; returns the new key for the session. */
export function rotateFamilyKey(p: DataPaths, db: Db, current: Buffer, operatorId: string): Buffer {
  const next = beginFamilyRotation(p, db);
  resealFamilyData(db, readSlotsFile(p.slots).vaultId, current, next, operatorId);
  finishFamilyRotation(p);
  return next;
}

/**
 * At unlock: finishes a rotation a crash interrupted, or runs one that is owed. Needs a family role's keys; anyone
 * else leaves things as they are. Returns the family key this session should use.
 */
export function settleFamilyRotation(p: DataPaths, db: Db, operatorId: string, key: Buffer | null, pendingKey: Buffer | null): Buffer | null {
  const file = readSlotsFile(p.slots);
  if (file.pendingFamilyKeyCheck) {
    if (dbFamilyCheck(db) === file.pendingFamilyKeyCheck) {
      finishFamilyRotation(p);
      return pendingKey;
    }
    if (!key || !pendingKey) return key;
    resealFamilyData(db, file.vaultId, key, pendingKey, operatorId);
    finishFamilyRotation(p);
    return pendingKey;
  }
  if (key && familyRotationDue(db)) return rotateFamilyKey(p, db, key, operatorId);
  return key;
}
