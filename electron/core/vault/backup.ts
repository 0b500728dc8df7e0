// A backup is one file: a magic line, a JSON manifest (with the key slots) and the database's own encrypted pages.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ObminError } from '../../../shared/errors';
import { writeFileAtomic } from '../fsutil';
import type { DataPaths } from '../paths';
import { SCHEMA_VERSION } from '../db/migrations';
import type { Db } from './database';
import { SlotsFileSchema } from './keyslots';

const MAGIC = Buffer.from('OBMIN-BACKUP-1\n', 'latin1');
const MAX_MANIFEST = 1 << 20;

const Manifest = z.object({
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  dbBytes: z.number().int().positive(),
  dbSha256: z.string().regex(/^[0-9a-f]{64}$/),
  slots: SlotsFileSchema,
});

function privateTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-'));
}

/** `VACUUM INTO` writes a consistent, still-encrypted copy (db.backup() refuses encrypted sources). */
export function createBackup(db: Db, p: DataPaths, outFile: string): { bytes: number; sha256: string } {
  const tmpDir = privateTempDir();
  try {
    const copy = path.join(tmpDir, 'copy.db');
    db.prepare('VACUUM INTO ?').run(copy);
    const dbBytes = fs.readFileSync(copy);
    const sha256 = crypto.createHash('sha256').update(dbBytes).digest('hex');
    const slots = SlotsFileSchema.parse(JSON.parse(fs.readFileSync(p.slots, 'utf8')));
    const manifest = Buffer.from(JSON.stringify({ createdAt: new Date().toISOString(), schemaVersion: SCHEMA_VERSION, dbBytes: dbBytes.length, dbSha256: sha256, slots }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(manifest.length);
    const out = Buffer.concat([MAGIC, len, manifest, dbBytes]);
    writeFileAtomic(path.resolve(outFile), out);
    return { bytes: out.length, sha256 };
  } finally {
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
}

export function readBackup(file: string): { manifest: z.infer<typeof Manifest>; db: Buffer } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw new ObminError('IO', { file });
  }
  const bad = () => new ObminError('BACKUP_INVALID', { file });
  if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw bad();
  const mlen = buf.readUInt32BE(MAGIC.length);
  if (mlen > MAX_MANIFEST || MAGIC.length + 4 + mlen > buf.length) throw bad();
  let manifest: z.infer<typeof Manifest>;
  try {
    manifest = Manifest.parse(JSON.parse(buf.subarray(MAGIC.length + 4, MAGIC.length + 4 + mlen).toString('utf8')));
  } catch {
    throw bad();
  }
  const db = buf.subarray(MAGIC.length + 4 + mlen);
  if (db.length !== manifest.dbBytes || crypto.createHash('sha256').update(db).digest('hex') !== manifest.dbSha256) throw bad();
  return { manifest, db };
}

/** Writes the backup's database and slots into an empty data folder; the caller then unlocks to verify. */
export function restoreFiles(file: string, p: DataPaths): void {
  const { manifest, db } = readBackup(file);
  if (fs.existsSync(p.db) || fs.existsSync(p.slots)) throw new ObminError('ALREADY_INITIALISED', { dir: p.dir });
  fs.mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(p.db, db);
  writeFileAtomic(p.slots, JSON.stringify(manifest.slots, null, 1));
}
