import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initCore, newCore, PASS, tmpDir } from '../helpers/tmp';

const MAGIC_LEN = 'OBMIN-BACKUP-2\n'.length;

async function makeBackup(): Promise<{ bytes: Buffer; out: string }> {
  const core = await initCore();
  core.updateSettings({ idleLockMinutes: 13 });
  const out = path.join(tmpDir(), 'site.obmin-backup');
  core.backup(out);
  core.lock('manual');
  return { bytes: fs.readFileSync(out), out };
}

/** Restores `bytes` into a fresh folder; returns the error code and whether anything was left behind. */
async function tryRestore(bytes: Buffer): Promise<{ code: string; leftBehind: boolean }> {
  const file = path.join(tmpDir(), 'b.obmin-backup');
  fs.writeFileSync(file, bytes);
  const target = path.join(tmpDir(), 'restored');
  try {
    await newCore(target).restore(file, null, PASS);
    return { code: 'OK', leftBehind: true };
  } catch (e) {
    return { code: (e as { code?: string }).code ?? 'THROWN', leftBehind: fs.existsSync(target) };
  }
}

describe('a backup is authenticated whole before anything is written', () => {
  it('flipping one bit in every byte of the manifest part: each is BACKUP_INVALID, nothing written', async () => {
    const { bytes } = await makeBackup();
    const manifestEnd = MAGIC_LEN + 4 + bytes.readUInt32BE(MAGIC_LEN);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < manifestEnd; i++) {
      const t = Buffer.from(bytes);
      t[i]! ^= 1 << (i % 8);
      const r = await tryRestore(t);
      const k = `${r.code}${r.leftBehind ? ' +left' : ''}`;
      outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
    }
    expect(Object.fromEntries(outcomes)).toEqual({ BACKUP_INVALID: manifestEnd });
  }, 300_000);

  it('samples across the database pages and the trailer: all BACKUP_INVALID, nothing written', async () => {
    const { bytes } = await makeBackup();
    const start = MAGIC_LEN + 4 + bytes.readUInt32BE(MAGIC_LEN);
    const positions = [
      ...Array.from({ length: 40 }, (_, k) => start + Math.floor(((bytes.length - 64 - start) * k) / 40)),
      ...Array.from({ length: 64 }, (_, k) => bytes.length - 64 + k),
    ];
    for (const i of positions) {
      const t = Buffer.from(bytes);
      t[i]! ^= 0x80;
      expect(await tryRestore(t), `byte ${i}`).toEqual({ code: 'BACKUP_INVALID', leftBehind: false });
    }
    expect(await tryRestore(bytes.subarray(0, bytes.length - 1))).toEqual({ code: 'BACKUP_INVALID', leftBehind: false });
  }, 300_000);

  it('an attacker who edits the manifest and recomputes the SHA-256 is stopped by the HMAC only the vault key makes', async () => {
    const { bytes } = await makeBackup();
    const mlen = bytes.readUInt32BE(MAGIC_LEN);
    const manifest = JSON.parse(bytes.subarray(MAGIC_LEN + 4, MAGIC_LEN + 4 + mlen).toString('utf8')) as { createdAt: string };
    manifest.createdAt = '2020-01-01T00:00:00.000Z';
    const m = Buffer.from(JSON.stringify(manifest));
    const len = Buffer.alloc(4);
    len.writeUInt32BE(m.length);
    const body = Buffer.concat([bytes.subarray(0, MAGIC_LEN), len, m, bytes.subarray(MAGIC_LEN + 4 + mlen, bytes.length - 64)]);
    const forged = Buffer.concat([body, crypto.createHash('sha256').update(body).digest(), crypto.randomBytes(32)]);
    expect(await tryRestore(forged)).toEqual({ code: 'BACKUP_INVALID', leftBehind: false });
  });
});

describe('restore and backup leave nothing behind', () => {
  it('refuses a folder holding anything (an unrelated file, a stale -wal) and leaves it as it was', async () => {
    const { out } = await makeBackup();
    for (const stray of ['notes.txt', 'obmin.db-wal']) {
      const target = tmpDir();
      fs.writeFileSync(path.join(target, stray), 'x');
      await expect(newCore(target).restore(out, null, PASS)).rejects.toMatchObject({ code: 'FOLDER_NOT_EMPTY' });
      expect(fs.readdirSync(target)).toEqual([stray]);
    }
  });

  it('a restore that fails after writing removes everything it made, auth-throttle.json included', async () => {
    const { out } = await makeBackup();
    const target = tmpDir();
    const core = newCore(target);
    // The restored copy is proved by an integrity check after unlocking; make that check fail.
    (core as unknown as { integrity: () => unknown }).integrity = () => ({ ok: false, problems: ['page 2'] });
    await expect(core.restore(out, null, PASS)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it('the temporary copy is owner-only beside the output, never in the system temp folder; leftovers are swept', async () => {
    const core = await initCore();
    const outDir = tmpDir();
    fs.writeFileSync(path.join(outDir, '.obmin-backup-deadbeef0000.tmp'), 'left by a killed run');
    fs.writeFileSync(path.join(outDir, '.site.obmin-backup.abcdef123456.tmp'), 'partial output');
    const before = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('obmin-') && fs.existsSync(path.join(os.tmpdir(), f, 'copy.db')));
    const db = core.require().db;
    const seen: { file: string; mode: number }[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const st = prepare(sql);
      if (!sql.startsWith('VACUUM INTO')) return st;
      return { run: (file: string) => (seen.push({ file, mode: fs.statSync(file).mode & 0o777 }), st.run(file)) } as unknown as ReturnType<typeof prepare>;
    }) as typeof db.prepare;
    core.backup(path.join(outDir, 'site.obmin-backup'));
    expect(seen).toHaveLength(1);
    expect(path.dirname(seen[0]!.file)).toBe(outDir);
    expect(seen[0]!.mode).toBe(0o600);
    expect(fs.readdirSync(outDir)).toEqual(['site.obmin-backup']);
    const after = fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('obmin-') && fs.existsSync(path.join(os.tmpdir(), f, 'copy.db')));
    expect(after).toEqual(before);
  });
});
