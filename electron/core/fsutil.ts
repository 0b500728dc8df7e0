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
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new ObminError(corruptCode, { file });
  }
  if (st.size > maxBytes) throw new ObminError(corruptCode, { file });
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new ObminError(corruptCode, { file });
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
