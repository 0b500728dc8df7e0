// Login and session: creating a vault, unlocking it as an operator (throttle, migrations, audit, signing and family
// keys), locking, passphrase change and key rotation. The file and slot mechanics below it are vault/store.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { knownError, ObminError } from '../../../shared/errors';
import { passphraseStrength } from '../../../shared/domain/passphrase';
import type { Role } from '../../../shared/domain/roles';
import { seesFamily } from '../../../shared/register/sensitivity';
import { appendAudit } from '../audit/audit';
import { registerOperatorKey, setAuditSigner } from '../audit/signing';
import type { DataPaths } from '../paths';
import { migrate } from '../db/migrations';
import { openSession, type Session, type TableHooks } from '../db/session';
import { openDatabase, type Db } from './database';
import { isInitialised, openWithCandidates, recordKeyCheck, rekeyDatabase, saveUpgradedSlot } from './store';

export { isInitialised } from './store';
import type { KdfParams } from './kdf';
import { setFamilyKey } from './family';
import { establishFamilyKey, familySealDone, sealExistingFamilyData } from './familySeal';
import { settleFamilyRotation } from './familyRotate';
import { createSlotWithSigning, keyCheckOf, newSlotsFile, openSlot, readSlotsFile, rewrapSlot, writeSlotsFile, type OpenedSigning } from './keyslots';
import { readThrottle, reserveAttempt, settleSuccess } from './throttle';

export interface OperatorRow {
  id: string;
  name: string;
  role: Role;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface VaultSession {
  db: Db;
  /** What lives as long as the connection (db/session.ts): closed by lockVault. */
  session: Session;
  key: Buffer;
  /** The family key (vault/family.ts) when this operator's slot holds it; null for roles without family.read. */
  familyKey: Buffer | null;
  operator: OperatorRow;
}

export function assertStrong(passphrase: string, userInputs: string[]): void {
  const s = passphraseStrength(passphrase, userInputs);
  if (!s.acceptable) throw new ObminError('WEAK_PASSPHRASE', { reasons: s.reasons });
}

export async function initVault(
  p: DataPaths,
  a: { siteCode: string; siteName: string; operator: string; passphrase: string },
  kdf: KdfParams,
  hooks: TableHooks,
): Promise<VaultSession> {
  if (isInitialised(p)) throw new ObminError('ALREADY_INITIALISED', { dir: p.dir });
  assertStrong(a.passphrase, [a.operator, a.siteCode, a.siteName]);
  fs.mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  const key = crypto.randomBytes(32);
  const operatorId = crypto.randomUUID();
  let slots = newSlotsFile();
  slots.keyCheck = keyCheckOf(slots.vaultId, key);
  const made = await createSlotWithSigning(slots, operatorId, a.operator, a.passphrase, key, kdf);
  slots.slots.push(made.slot);
  let familyKey: Buffer | null = null;
  let db: Db | undefined;
  let session: Session | undefined;
  try {
    // Created empty with owner-only permissions first; SQLite gives its WAL and SHM files the same mode.
    fs.writeFileSync(p.db, '', { mode: 0o600, flag: 'wx' });
    db = openDatabase(p.db, key, { create: true });
    session = openSession(db, hooks);
    migrate(db);
    const now = new Date().toISOString();
    db.transaction(() => {
      const meta = db!.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      meta.run('site_code', a.siteCode);
      meta.run('site_name', a.siteName);
      meta.run('site_id', crypto.randomUUID());
      meta.run('created_at', now);
      db!.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('idleLockMinutes', '10');
      db!
        .prepare('INSERT INTO operators (id, name, role, disabled, created_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)')
        .run(operatorId, a.operator, 'admin', now, now);
      const family = establishFamilyKey(db!, slots);
      slots = family.file;
      familyKey = family.key;
      sealExistingFamilyData(db!, familyKey);
      startSigning(db!, operatorId, made.signing);
      appendAudit(db!, operatorId, 'vault.init', null, { siteCode: a.siteCode });
      appendAudit(db!, operatorId, 'login');
    })();
    writeSlotsFile(p.slots, slots);
  } catch (e) {
    session?.close();
    db?.close();
    for (const f of [p.db, `${p.db}-wal`, `${p.db}-shm`, p.slots]) fs.rmSync(f, { force: true });
    throw e;
  }
  setFamilyKey(db, familyKey);
  return { db, session: session!, key, familyKey, operator: loadOperator(db, operatorId)! };
}

/** Records the operator's public signing key if new (audited, signed by it) and signs this session's entries with it. */
function startSigning(db: Db, operatorId: string, signing: OpenedSigning): void {
  const fresh = registerOperatorKey(db, operatorId, signing);
  setAuditSigner(db, { keyId: signing.keyId, operatorId, privateKey: signing.privateKey });
  if (fresh) appendAudit(db, operatorId, 'signing.key', operatorId, { keyId: signing.keyId, publicKey: signing.publicKey });
}

export function loadOperator(db: Db, id: string): OperatorRow | undefined {
  return db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as OperatorRow | undefined;
}

export async function unlockVault(p: DataPaths, operator: string | null, passphrase: string, dummyKdf: KdfParams, hooks: TableHooks): Promise<VaultSession> {
  if (!isInitialised(p)) throw new ObminError('NOT_INITIALISED');
  const slots = readSlotsFile(p.slots);
  if (!fs.existsSync(p.db)) throw new ObminError('DB_CORRUPT', { file: p.db });
  // Counted before it is tried (serialised across processes): parallel guesses cannot slip past the check.
  const wait = reserveAttempt(p.throttle);
  if (wait > 0) throw new ObminError('THROTTLED', { seconds: wait });
  const opened = await openSlot(slots, operator, passphrase, dummyKdf);
  const fail = () => new ObminError('WRONG_CREDENTIALS');
  if (!opened) throw fail();
  const { db, key } = openWithCandidates(p, slots, opened.candidates);
  const session = openSession(db, hooks);
  try {
    migrate(db);
    const op = loadOperator(db, opened.slot.operatorId);
    if (!op || op.disabled) throw fail();
    const pending = Math.max(0, readThrottle(p.throttle).pendingAudit - 1);
    db.transaction(() => {
      startSigning(db, op.id, opened.signing);
      if (pending > 0) appendAudit(db, null, 'login.failed', null, { attempts: pending });
      appendAudit(db, op.id, 'login');
    })();
    if (opened.upgraded) saveUpgradedSlot(p, opened.slot);
    recordKeyCheck(p, key);
    const familyKey = settleFamilyRotation(p, db, op.id, openFamily(p, db, op, opened.familyKey), opened.pendingFamilyKey);
    settleSuccess(p.throttle);
    setFamilyKey(db, familyKey);
    return { db, session, key, familyKey, operator: op };
  } catch (e) {
    session.close();
    db.close();
    throw knownError(e) ?? e;
  }
}

/**
 * The session's family key. A vault from before the family key gets one at the first unlock by an operator whose
 * role reads family data: sealed to the family roles' slots first (file written), then the existing plaintext sealed
 * in one transaction — a crash in between leaves plaintext that the next such unlock seals.
 */
function openFamily(p: DataPaths, db: Db, op: OperatorRow, fromSlot: Buffer | null): Buffer | null {
  let key = fromSlot;
  if (!key && seesFamily(op.role)) {
    const now = readSlotsFile(p.slots);
    if (now.familyKeyCheck) return null;
    const made = establishFamilyKey(db, now);
    writeSlotsFile(p.slots, made.file);
    key = made.key;
  }
  if (key && !familySealDone(db)) {
    const k = key;
    db.transaction(() => {
      const n = sealExistingFamilyData(db, k);
      appendAudit(db, op.id, 'family.seal', null, { values: n });
    })();
  }
  return key;
}

export function lockVault(s: VaultSession, reason: string): void {
  try {
    appendAudit(s.db, s.operator.id, 'lock', null, { reason });
    s.db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    // Wipes the family key, drops the signer and every statement, cache and preview of the session.
    s.session.close();
    s.db.close();
    s.key.fill(0);
  }
}

export async function changePassphrase(p: DataPaths, s: VaultSession, current: string, next: string, kdf: KdfParams): Promise<void> {
  assertStrong(next, [s.operator.name]);
  const slots = readSlotsFile(p.slots);
  const idx = slots.slots.findIndex((x) => x.operatorId === s.operator.id);
  if (idx < 0) throw new ObminError('WRONG_CREDENTIALS');
  // Guessing the current passphrase at an unattended, unlocked screen is throttled like unlocking.
  const wait = reserveAttempt(p.throttle);
  if (wait > 0) throw new ObminError('THROTTLED', { seconds: wait });
  const rewrapped = await rewrapSlot(slots, slots.slots[idx]!, current, next, kdf);
  if (!rewrapped) throw new ObminError('WRONG_CREDENTIALS');
  settleSuccess(p.throttle);
  slots.slots[idx] = rewrapped;
  s.db.transaction(() => {
    appendAudit(s.db, s.operator.id, 'passphrase.change', s.operator.id);
    writeSlotsFile(p.slots, slots);
  })();
}

/** New random database key (vault/store.ts rekeys the file and the slots); audited under the session's operator. */
export function rotateDatabaseKey(p: DataPaths, s: VaultSession): void {
  const next = rekeyDatabase(p, s.db);
  s.key.fill(0);
  s.key = next;
  appendAudit(s.db, s.operator.id, 'key.rotate');
}
