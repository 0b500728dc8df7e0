// The product's engine behind both front doors (the window's IPC router and the CLI). Holds at most one session.
import fs from 'node:fs';
import path from 'node:path';
import { ObminError } from '../../shared/errors';
import { can, type Permission } from '../../shared/domain/roles';
import {
  Locale,
  type AppState,
  type AuditEntry,
  type AuditVerifyResult,
  type OperatorInfo,
  type Session,
  type Settings,
  type WorkstationStatus,
} from '../../shared/ipc/schemas';
import type { AuditFilter } from '../../shared/audit';
import { SCHEMA_VERSION } from './db/migrations';
import { exportAgeKey } from './transfer';
import { appendAudit, listAudit, verifyAudit } from './audit/audit';
import { readSmallFile, writeFileAtomic } from './fsutil';

import { addOperator, disableOperator, listOperators, resetOperatorPassphrase, toInfo } from './operators/operators';
import { dataPaths, type DataPaths } from './paths';
import { assertNotPlaintext, checkIntegrity } from './vault/database';
import { assertRestoreTarget, authenticateBackup, createBackup, undoRestore, writeRestoredFiles } from './vault/backup';
import { kdfParams, type KdfCost, type KdfParams } from './vault/kdf';
import { readSlotsFile } from './vault/keyslots';
import { changePassphrase, initVault, isInitialised, lockVault, rotateDatabaseKey, unlockVault, type VaultSession } from './vault/vault';
import { waitingChanges } from './transfer/status';
import { TABLE_HOOKS } from './tables';
import type { Role } from '../../shared/domain/roles';
import type { EventName, EventPayload, EventSink, LockReason } from '../../shared/ipc/events';

/** preferences.json holds one locale; anything larger is damage. */
const PREFERENCES_MAX_BYTES = 4096;

export type { LockReason };

export interface CoreOptions {
  dataDir: string;
  /** Lower KDF cost for tests only; the default is the production cost. */
  kdf?: Partial<KdfCost>;
  onEvent?: EventSink;
}

export class Core {
  readonly paths: DataPaths;
  readonly kdf: KdfParams;
  private session: VaultSession | null = null;
  private readonly onEvent: EventSink;

  constructor(opts: CoreOptions) {
    this.paths = dataPaths(opts.dataDir);
    this.kdf = kdfParams(opts.kdf);
    this.onEvent = opts.onEvent ?? (() => undefined);
  }

  /** Pushes an event to the front door (progress of long tasks). */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.onEvent(name, payload);
  }

  // ---- state, preferences ----
  get locale(): Locale {
    try {
      // Capped: a damaged or hostile preferences file is read as absent (Ukrainian), and the next choice replaces it.
      const raw = readSmallFile(this.paths.preferences, PREFERENCES_MAX_BYTES);
      const parsed = Locale.safeParse((JSON.parse(raw?.toString('utf8') ?? '{}') as { locale?: unknown } | null)?.locale);
      return parsed.success ? parsed.data : 'uk';
    } catch {
      return 'uk';
    }
  }

  setLocale(locale: Locale): void {
    fs.mkdirSync(this.paths.dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(this.paths.preferences, JSON.stringify({ locale }));
  }

  /** Start-up checks run without a key: files present together, slots parse, database not plaintext. */
  startupCheck(): ObminError | null {
    if (!isInitialised(this.paths)) return null;
    try {
      readSlotsFile(this.paths.slots);
      if (!fs.existsSync(this.paths.db)) return new ObminError('DB_CORRUPT', { file: this.paths.db });
      assertNotPlaintext(this.paths.db);
      return null;
    } catch (e) {
      return e instanceof ObminError ? e : new ObminError('INTERNAL');
    }
  }

  state(): AppState {
    const err = this.startupCheck();
    return {
      initialised: isInitialised(this.paths),
      unlocked: this.session !== null,
      session: this.session ? this.sessionInfo() : null,
      locale: this.locale,
      startupError: err ? err.toShape() : null,
    };
  }

  get unlocked(): boolean {
    return this.session !== null;
  }

  /** The open session, checked against a permission. Every handler that reads or writes data goes through here. */
  require(permission?: Permission): VaultSession {
    if (!this.session) throw new ObminError('LOCKED');
    if (permission && !can(this.session.operator.role, permission)) throw new ObminError('NOT_ALLOWED', { permission });
    return this.session;
  }

  private meta(key: string): string {
    const row = this.require().db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? '';
  }

  settings(): Settings {
    const row = this.require().db.prepare("SELECT value FROM settings WHERE key = 'idleLockMinutes'").get() as { value: string } | undefined;
    return { idleLockMinutes: Number(row?.value ?? 10), locale: this.locale };
  }

  sessionInfo(): Session {
    const s = this.require();
    return {
      site: { code: this.meta('site_code'), name: this.meta('site_name') },
      operator: toInfo(s.operator),
      settings: this.settings(),
      unsyncedChanges: waitingChanges(s.db),
    };
  }

  /** Site, operator and register counts. */
  status(): WorkstationStatus {
    const s = this.sessionInfo();
    return { site: s.site, operator: { name: s.operator.name, role: s.operator.role }, persons: this.countPersons(), schemaVersion: SCHEMA_VERSION };
  }

  // ---- vault ----
  async init(a: { siteCode: string; siteName: string; operator: string; passphrase: string }): Promise<Session> {
    this.session = await initVault(this.paths, a, this.kdf, TABLE_HOOKS);
    return this.sessionInfo();
  }

  /** `operator` null tries every slot: for scripts on a workstation with one operator. */
  async unlock(operator: string | null, passphrase: string): Promise<Session> {
    if (this.session) this.lock('manual');
    const err = this.startupCheck();
    if (err) throw err;
    this.session = await unlockVault(this.paths, operator, passphrase, this.kdf, TABLE_HOOKS);
    return this.sessionInfo();
  }

  lock(reason: LockReason): void {
    const s = this.session;
    if (!s) return;
    this.session = null;
    // A lock can arrive while long work waits between batches: its transaction is abandoned, all-or-nothing.
    if (s.db.inTransaction) s.db.exec('ROLLBACK');
    lockVault(s, reason);
    this.onEvent('locked', { reason });
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    await changePassphrase(this.paths, this.require(), current, next, this.kdf);
  }

  rotateKey(): void {
    rotateDatabaseKey(this.paths, this.require('operators.manage'));
  }

  // ---- operators, settings, audit ----
  listOperators(): OperatorInfo[] {
    return listOperators(this.require('operators.manage'));
  }

  addOperator(a: { name: string; role: Role; passphrase: string }): Promise<OperatorInfo> {
    return addOperator(this.paths, this.require('operators.manage'), a, this.kdf);
  }

  disableOperator(id: string): void {
    const s = this.require('operators.manage');
    if (id === s.operator.id) throw new ObminError('NOT_ALLOWED', { reason: 'self' });
    disableOperator(this.paths, s, id);
    // Older copies of the slots file (backups) still hold their slot: a new database key makes those useless.
    rotateDatabaseKey(this.paths, s);
  }

  resetPassphrase(id: string, passphrase: string): Promise<void> {
    return resetOperatorPassphrase(this.paths, this.require('operators.manage'), id, passphrase, this.kdf);
  }

  updateSettings(patch: Partial<Settings>): Settings {
    if (patch.locale) this.setLocale(patch.locale);
    if (patch.idleLockMinutes !== undefined) {
      const s = this.require('settings.manage');
      s.db.transaction(() => {
        s.db
          .prepare("INSERT INTO settings (key, value) VALUES ('idleLockMinutes', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
          .run(String(patch.idleLockMinutes));
        appendAudit(s.db, s.operator.id, 'settings.update', null, { idleLockMinutes: patch.idleLockMinutes });
      })();
    }
    return this.settings();
  }

  auditList(limit: number, beforeSeq?: number, filter?: AuditFilter): AuditEntry[] {
    return listAudit(this.require('audit.read').db, limit, beforeSeq, filter);
  }

  auditVerify(): AuditVerifyResult {
    const s = this.require('audit.read');
    const r = verifyAudit(s.db);
    appendAudit(s.db, s.operator.id, 'audit.verify', null, { ok: r.ok, firstBrokenSeq: r.firstBrokenSeq });
    return r;
  }

  // ---- backup ----
  /** Nothing Obmin writes on request may land in its own data folder: it would replace the vault or its key slots. */
  assertOutsideData(file: string): void {
    const rel = path.relative(this.paths.dir, path.resolve(file));
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) throw new ObminError('NOT_ALLOWED', { file });
  }

  backup(outFile: string): { bytes: number; sha256: string } {
    const s = this.require('backup.create');
    this.assertOutsideData(outFile);
    const r = createBackup(s.db, this.paths, s.key, outFile);
    appendAudit(s.db, s.operator.id, 'backup.create', null, { sha256: r.sha256, bytes: r.bytes });
    return r;
  }

  /** The site's decryption key in age's format, for an auditor (CLI only: it names a file on disk). */
  exportAgeKey(outFile: string): { file: string; recipient: string } {
    const s = this.require('settings.manage');
    this.assertOutsideData(outFile);
    return exportAgeKey({ db: s.db, operatorId: s.operator.id }, outFile);
  }

  /** Restores into this core's (empty) data folder and proves the copy opens and checks out with the passphrase. */
  async restore(fromFile: string, operator: string | null, passphrase: string): Promise<Session> {
    const { created } = assertRestoreTarget(this.paths);
    // Every byte is authenticated (the passphrase opens a slot held in memory) before anything is written.
    const backup = await authenticateBackup(fromFile, operator, passphrase, this.kdf);
    try {
      writeRestoredFiles(this.paths, backup);
      const session = await this.unlock(operator, passphrase);
      const check = this.integrity();
      if (!check.ok) throw new ObminError('BACKUP_INVALID', { file: fromFile, problems: check.problems.slice(0, 5) });
      const s = this.require();
      appendAudit(s.db, s.operator.id, 'backup.restore');
      return session;
    } catch (e) {
      if (this.session) this.lock('manual');
      undoRestore(this.paths, created);
      throw e;
    }
  }

  /** People in the register (0 until the register's tables exist). */
  countPersons(): number {
    const db = this.require().db;
    const has = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'persons'").get();
    return has ? (db.prepare('SELECT count(*) AS n FROM persons WHERE deleted = 0').get() as { n: number }).n : 0;
  }

  integrity(): { ok: boolean; problems: string[] } {
    return checkIntegrity(this.require().db);
  }

  close(): void {
    this.lock('manual');
  }
}

export function createCore(opts: CoreOptions): Core {
  return new Core(opts);
}
