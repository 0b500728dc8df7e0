import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import type { Role } from '../../../shared/domain/roles';
import type { OperatorInfo } from '../../../shared/ipc/schemas';
import { appendAudit } from '../audit/audit';
import { registerOperatorKey } from '../audit/signing';
import type { DataPaths } from '../paths';
import type { KdfParams } from '../vault/kdf';
import { createSlot, readSlotsFile, withFamilyKey, writeSlotsFile, type Slot, type SlotsFile } from '../vault/keyslots';
import { seesFamily } from '../../../shared/register/sensitivity';
import { markFamilyRotationDue, rotateFamilyKey } from '../vault/familyRotate';
import { setFamilyKey } from '../vault/family';
import { assertStrong, type OperatorRow, type VaultSession } from '../vault/vault';

export function toInfo(r: OperatorRow): OperatorInfo {
  return { id: r.id, name: r.name, role: r.role, disabled: r.disabled === 1, createdAt: r.created_at };
}

export function listOperators(s: VaultSession): OperatorInfo[] {
  return (s.db.prepare('SELECT * FROM operators ORDER BY name COLLATE NOCASE').all() as OperatorRow[]).map(toInfo);
}

export async function addOperator(p: DataPaths, s: VaultSession, a: { name: string; role: Role; passphrase: string }, kdf: KdfParams): Promise<OperatorInfo> {
  const name = a.name.trim();
  const fold = (n: string) => n.normalize('NFC').toLocaleLowerCase('uk');
  const names = s.db.prepare('SELECT name FROM operators').pluck().all() as string[];
  if (names.some((n) => fold(n) === fold(name))) throw new ObminError('OPERATOR_EXISTS');
  assertStrong(a.passphrase, [name]);
  const slots = readSlotsFile(p.slots);
  const id = crypto.randomUUID();
  const slot = grantFamily(slots, s, a.role, await createSlot(slots, id, name, a.passphrase, s.key, kdf));
  slots.slots.push(slot);
  const now = new Date().toISOString();
  s.db.transaction(() => {
    s.db.prepare('INSERT INTO operators (id, name, role, disabled, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)').run(id, name, a.role, now, now);
    appendAudit(s.db, s.operator.id, 'operator.add', id, { role: a.role, signingKey: slot.signing?.keyId });
    if (slot.signing) registerOperatorKey(s.db, id, slot.signing);
    // The slots file is written last inside the transaction: if it fails, the operator row rolls back too.
    writeSlotsFile(p.slots, slots);
  })();
  return toInfo(s.db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow);
}

/** A family role's new slot gets the family key, sealed by the administrator who holds it; no other slot does. */
function grantFamily(file: SlotsFile, s: VaultSession, role: Role, slot: Slot): Slot {
  if (!seesFamily(role)) return slot;
  if (!s.familyKey) throw new ObminError('NOT_ALLOWED', { permission: 'family.read' });
  return withFamilyKey(file, slot, s.familyKey);
}

function requireOperator(s: VaultSession, id: string): OperatorRow {
  const row = s.db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
  if (!row) throw new ObminError('NOT_FOUND', { what: 'operator' });
  return row;
}

/**
 * Disabling removes the operator's key slot: their passphrase no longer opens anything. A family role may have kept
 * the family key, so it is rotated (vault/familyRotate.ts); owed in the same transaction, done now if this session
 * holds the key, else at the next unlock by a family role.
 */
export function disableOperator(p: DataPaths, s: VaultSession, id: string): void {
  const row = requireOperator(s, id);
  if (row.role === 'admin') {
    const admins = (s.db.prepare("SELECT count(*) AS n FROM operators WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;
    if (admins <= 1 && !row.disabled) throw new ObminError('LAST_ADMIN');
  }
  const slots = readSlotsFile(p.slots);
  s.db.transaction(() => {
    s.db.prepare('UPDATE operators SET disabled = 1, updated_at = ? WHERE id = ?').run(new Date().toISOString(), id);
    appendAudit(s.db, s.operator.id, 'operator.disable', id);
    if (!row.disabled && seesFamily(row.role)) markFamilyRotationDue(s.db);
    writeSlotsFile(p.slots, { ...slots, slots: slots.slots.filter((x) => x.operatorId !== id) });
  })();
  if (!row.disabled && seesFamily(row.role) && s.familyKey) {
    const next = rotateFamilyKey(p, s.db, s.familyKey, s.operator.id);
    s.familyKey.fill(0);
    s.familyKey = next;
    setFamilyKey(s.db, next);
  }
}

/** An admin sets a new passphrase for someone who forgot theirs: a fresh slot replaces the old one. */
export async function resetOperatorPassphrase(p: DataPaths, s: VaultSession, id: string, passphrase: string, kdf: KdfParams): Promise<void> {
  const row = requireOperator(s, id);
  if (row.disabled) throw new ObminError('NOT_ALLOWED');
  assertStrong(passphrase, [row.name]);
  const slots = readSlotsFile(p.slots);
  const fresh = grantFamily(slots, s, row.role, await createSlot(slots, id, row.name, passphrase, s.key, kdf));
  s.db.transaction(() => {
    appendAudit(s.db, s.operator.id, 'operator.resetPassphrase', id, { signingKey: fresh.signing?.keyId });
    if (fresh.signing) registerOperatorKey(s.db, id, fresh.signing);
    writeSlotsFile(p.slots, { ...slots, slots: [...slots.slots.filter((x) => x.operatorId !== id), fresh] });
  })();
}
