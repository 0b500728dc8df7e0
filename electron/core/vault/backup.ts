// A backup is one file: a magic line, a JSON manifest (with the key slots), the database's own encrypted pages, then
// a SHA-256 of all that (accidental damage, checked without a passphrase) and an HMAC under a key derived from the
// database key (tampering: only someone whose slot opens the vault can make one that verifies). Nothing is written
// on restore until both hold.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ObminError } from '../../../shared/errors';
import { writeFileAtomic } from '../fsutil';
import type { DataPaths } from '../paths';
import { SCHEMA_VERSION } from '../db/migrations';
import type { Db } from './database';
import type { KdfParams } from './kdf';
import { openSlot, SlotsFileSchema } from './keyslots';

const MAGIC = Buffer.from('OBMIN-BACKUP-2\n', 'latin1');
const MAX_MANIFEST = 1 << 20;
const TRAILER = 64;
const TEMP_PREFIX = '.obmin-backup-';

const Manifest = z.object({
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  dbBytes: z.number().int().positive(),
  dbSha256: z.string().regex(/^[0-9a-f]{64}$/),
  slots: SlotsFileSchema,
});
type Manifest = z.infer<typeof Manifest>;

function macKey(dbKey: Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', dbKey, Buffer.alloc(0), 'obmin-backup-mac-v2', 32));
}

/** Leftovers of a backup killed half-way (its temp copy, a partial output) are ours to remove on the next run. */
function sweep(dir: string, outName: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if ((n.startsWith(TEMP_PREFIX) && n.endsWith('.tmp')) || (n.startsWith(`.${outName}.`) && n.endsWith('.tmp')))
      fs.rmSync(path.join(dir, n), { force: true });
  }
}

/** `VACUUM INTO` writes a consistent, still-encrypted copy beside the output (owner-only, never in /tmp). */
export function createBackup(db: Db, p: DataPaths, dbKey: Buffer, outFile: string): { bytes: number; sha256: string } {
  const out = path.resolve(outFile);
  const dir = path.dirname(out);
  sweep(dir, path.basename(out));
  const copy = path.join(dir, `${TEMP_PREFIX}${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    // Created empty and owner-only first: SQLite writes into it and keeps the mode.
    fs.closeSync(fs.openSync(copy, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(copy);
    const dbBytes = fs.readFileSync(copy);
    const sha256 = crypto.createHash('sha256').update(dbBytes).digest('hex');
    const slots = SlotsFileSchema.parse(JSON.parse(fs.readFileSync(p.slots, 'utf8')));
    const manifest = Buffer.from(
      JSON.stringify({ createdAt: new Date().toISOString(), schemaVersion: SCHEMA_VERSION, dbBytes: dbBytes.length, dbSha256: sha256, slots }),
      'utf8',
    );
    const len = Buffer.alloc(4);
    len.writeUInt32BE(manifest.length);
    const body = Buffer.concat([MAGIC, len, manifest, dbBytes]);
    const digest = crypto.createHash('sha256').update(body).digest();
    const mac = crypto.createHmac('sha256', macKey(dbKey)).update(body).digest();
    const all = Buffer.concat([body, digest, mac]);
    writeFileAtomic(out, all);
    return { bytes: all.length, sha256 };
  } catch (e) {
    if (e instanceof ObminError) throw e;
    throw new ObminError('IO', { file: out });
  } finally {
    fs.rmSync(copy, { force: true });
  }
}

/** Structure and the SHA-256 trailer: any accidental damage is BACKUP_INVALID here, before any passphrase. */
export function readBackup(file: string): { manifest: Manifest; db: Buffer; body: Buffer; mac: Buffer } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw new ObminError('IO', { file });
  }
  const bad = () => new ObminError('BACKUP_INVALID', { file });
  if (buf.length < MAGIC.length + 4 + TRAILER || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw bad();
  const body = buf.subarray(0, buf.length - TRAILER);
  const digest = buf.subarray(buf.length - TRAILER, buf.length - 32);
  if (!crypto.timingSafeEqual(crypto.createHash('sha256').update(body).digest(), digest)) throw bad();
  const mlen = body.readUInt32BE(MAGIC.length);
  if (mlen > MAX_MANIFEST || MAGIC.length + 4 + mlen > body.length) throw bad();
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(body.subarray(MAGIC.length + 4, MAGIC.length + 4 + mlen).toString('utf8')));
  } catch {
    throw bad();
  }
  const db = body.subarray(MAGIC.length + 4 + mlen);
  if (db.length !== manifest.dbBytes || crypto.createHash('sha256').update(db).digest('hex') !== manifest.dbSha256) throw bad();
  return { manifest, db, body, mac: buf.subarray(buf.length - 32) };
}

/** The passphrase opens a slot held in memory; the key it yields must authenticate every byte of the file. */
export async function authenticateBackup(
  file: string,
  operator: string | null,
  passphrase: string,
  kdf: KdfParams,
): Promise<{ manifest: Manifest; db: Buffer }> {
  const b = readBackup(file);
  const opened = await openSlot(b.manifest.slots, operator, passphrase, kdf);
  if (!opened) throw new ObminError('WRONG_CREDENTIALS');
  const ok = opened.candidates.some((k) => crypto.timingSafeEqual(crypto.createHmac('sha256', macKey(k)).update(b.body).digest(), b.mac));
  for (const k of opened.candidates) k.fill(0);
  if (!ok) throw new ObminError('BACKUP_INVALID', { file });
  return { manifest: b.manifest, db: b.db };
}

/** Restores only into a missing or empty folder; what it wrote (and the folder, if it made it) goes on failure. */
export function assertRestoreTarget(p: DataPaths): { created: boolean } {
  if (!fs.existsSync(p.dir)) return { created: true };
  let entries: string[];
  try {
    entries = fs.readdirSync(p.dir);
  } catch {
    throw new ObminError('IO', { file: p.dir });
  }
  if (fs.existsSync(p.db) || fs.existsSync(p.slots)) throw new ObminError('ALREADY_INITIALISED', { dir: p.dir });
  if (entries.length > 0) throw new ObminError('FOLDER_NOT_EMPTY', { dir: p.dir });
  return { created: false };
}

export function writeRestoredFiles(p: DataPaths, b: { manifest: Manifest; db: Buffer }): void {
  fs.mkdirSync(p.dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(p.db, b.db);
  writeFileAtomic(p.slots, JSON.stringify(b.manifest.slots, null, 1));
}

/** Everything a failed restore may have left: the vault's files, the throttle and its lock, the folder if new. */
export function undoRestore(p: DataPaths, created: boolean): void {
  if (created) {
    fs.rmSync(p.dir, { recursive: true, force: true });
    return;
  }
  for (const f of fs.existsSync(p.dir) ? fs.readdirSync(p.dir) : []) fs.rmSync(path.join(p.dir, f), { recursive: true, force: true });
}
