import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ObminError } from '../../shared/errors';

/** Write to a temp file in the same folder, fsync it, rename over the target, fsync the folder: all or nothing. */
export function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o600): void {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    fsyncDir(dir);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new ObminError('IO', { file: target, cause: (e as Error).message });
  }
}

export function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some platforms (Windows) cannot open a directory for fsync; the rename is still atomic there.
  }
}

export function readJsonFile(file: string, corruptCode: 'SLOTS_CORRUPT' | 'FILE_MALFORMED', maxBytes = 1 << 20): unknown {
  const raw = readSmallFile(file, maxBytes);
  if (!raw) throw new ObminError(corruptCode, { file });
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ObminError(corruptCode, { file });
  }
}

/**
 * At most maxBytes of a regular file, read through one descriptor (no stat-then-read race; a FIFO or device is never
 * read): null when it is missing, not a regular file, or larger than maxBytes — however large it grows while read.
 */
export function readSmallFile(file: string, maxBytes: number): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return null;
    const buf = Buffer.alloc(maxBytes + 1);
    let n = 0;
    for (let r = 1; r > 0 && n < buf.length; n += r) r = fs.readSync(fd, buf, n, buf.length - n, n);
    return n > maxBytes ? null : buf.subarray(0, n);
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}

/** The size of a regular file, read by stat before any byte is: anything else (missing, a folder) is IO. */
export function regularFileSize(file: string): number {
  try {
    const st = fs.statSync(file);
    if (st.isFile()) return st.size;
  } catch {
    // fall through
  }
  throw new ObminError('IO', { file });
}

const LOCK_STALE_MS = 10_000;
const LOCK_GIVE_UP_MS = 15_000;

/**
 * Runs a short synchronous critical section under an exclusive lock file beside `target` (O_EXCL create), so separate
 * processes (two CLI runs, the app and a script) read-modify-write it one at a time. A lock older than 10 s is stale.
 */
export function withFileLock<T>(target: string, fn: () => T): T {
  const lock = `${target}.lock`;
  const start = Date.now();
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lock, 'wx', 0o600));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new ObminError('IO', { file: lock });
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > LOCK_STALE_MS) fs.rmSync(lock, { force: true });
      } catch {
        // removed by its owner meanwhile
      }
      if (Date.now() - start > LOCK_GIVE_UP_MS) throw new ObminError('VAULT_BUSY');
      Atomics.wait(sleeper, 0, 0, 5 + Math.floor(Math.random() * 10));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
