import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { knownError, ObminError } from '../../../shared/errors';
import { ukSortKey } from '../../../shared/register/collation';
import { captivityDays } from '../../../shared/register/captivity';

export type Db = Database.Database;

export const BUSY_TIMEOUT_MS = 10_000;

const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A plaintext SQLite header means someone replaced or decrypted the file: refuse it. */
export function assertNotPlaintext(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new ObminError('DB_CORRUPT', { file });
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 16 && head.equals(SQLITE_PLAINTEXT_HEADER)) throw new ObminError('DB_PLAINTEXT', { file });
    if (n > 0 && n < 16) throw new ObminError('DB_CORRUPT', { file });
  } finally {
    fs.closeSync(fd);
  }
}

export function keyPragma(key: Buffer): string {
  if (key.length !== 32) throw new ObminError('INTERNAL', { reason: 'key length' });
  return `"x'${key.toString('hex')}'"`;
}

/** Select SQLCipher 4 and apply the raw 256-bit key. Must run before anything touches the file. */
export function applyKey(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key=${keyPragma(key)}`);
}

export interface OpenOptions {
  create?: boolean;
  readonly?: boolean;
}

/** Opens the encrypted database; a key that does not decrypt it, or a damaged file, is DB_CORRUPT naming the file. */
export function openDatabase(file: string, key: Buffer, opts: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) throw new ObminError('DB_CORRUPT', { file });
  if (exists) assertNotPlaintext(file);
  // An empty file would open as a brand-new database: never let a truncated vault become an empty one.
  if (exists && !opts.create && fs.statSync(file).size === 0) throw new ObminError('DB_CORRUPT', { file });
  let db: Db | undefined;
  try {
    // Another Obmin process (an import from the CLI) may hold the write lock: wait for it, then say the vault is busy.
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: !opts.create, timeout: BUSY_TIMEOUT_MS });
    applyKey(db, key);
    // Reading the schema forces the first page to decrypt: a wrong key or damaged file fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Indexes use it, so every connection has it before anything is written.
    db.function('uk_sort', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? ukSortKey(v) : null));
    db.function('captivity_days', { deterministic: true }, (c: unknown, s: unknown, e: unknown, t: unknown) =>
      captivityDays(c as string | null, s as string | null, e as string | null, String(t)),
    );
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
    // Decrypted pages stay in memory only; a larger cache means fewer pages decrypted twice (docs/PERFORMANCE.md).
    db.pragma('cache_size = -65536');
    return db;
  } catch (e) {
    db?.close();
    const known = knownError(e);
    if (known) throw known;
    throw new ObminError('DB_CORRUPT', { file });
  }
}

/** `quick_check` and SQLCipher's HMAC check of every page: both must answer exactly "ok" / nothing. */
export function checkIntegrity(db: Db): { ok: boolean; problems: string[] } {
  const problems: string[] = [];
  const cipher = db.pragma('cipher_integrity_check') as Record<string, unknown>[];
  for (const row of cipher) problems.push(String(Object.values(row)[0]));
  const quick = db.pragma('integrity_check') as Record<string, unknown>[];
  for (const row of quick) {
    const v = String(Object.values(row)[0]);
    if (v !== 'ok') problems.push(v);
  }
  return { ok: problems.length === 0, problems };
}
