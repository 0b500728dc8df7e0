import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ObminError } from '../../shared/errors';
import { openDatabase } from '../../electron/core/vault/database';
import { initCore, newCore, PASS, SITE, folderBytes, tmpDir } from '../helpers/tmp';

async function code(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return (e as ObminError).code;
  }
  return 'OK';
}

describe('vault', () => {
  it('creates an encrypted database whose files hold no readable names', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    expect(core.sessionInfo().site).toEqual({ code: 'TEST-HQ', name: SITE.siteName });
    core.updateSettings({ idleLockMinutes: 9 });
    // While unlocked the WAL holds the latest pages: it must be ciphertext too.
    expect(fs.readdirSync(dir)).toContain('obmin.db-wal');
    const live = folderBytes(dir);
    for (const s of [SITE.siteName, SITE.operator, 'TEST-HQ']) expect(live.includes(Buffer.from(s, 'utf8'))).toBe(false);
    core.lock('manual');
    const bytes = folderBytes(dir);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    for (const s of [SITE.siteName, SITE.operator, 'Вигаданий', 'TEST-HQ', 'Тестова']) expect(bytes.includes(Buffer.from(s, 'utf8'))).toBe(false);
  });

  it('refuses a weak passphrase with reasons, and creates nothing', async () => {
    const dir = tmpDir();
    const core = newCore(dir);
    await expect(core.init({ ...SITE, passphrase: 'password1' })).rejects.toMatchObject({
      code: 'WEAK_PASSPHRASE',
      details: { reasons: expect.arrayContaining(['passphrase.tooShort']) },
    });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says the same for a wrong passphrase and an unknown operator, then throttles', async () => {
    const dir = tmpDir();
    (await initCore(dir)).lock('manual');
    const core = newCore(dir);
    expect(await code(core.unlock(SITE.operator, 'wrong wrong wrong wrong'))).toBe('WRONG_CREDENTIALS');
    expect(await code(core.unlock('Нікого Такого', PASS))).toBe('WRONG_CREDENTIALS');
    expect(await code(core.unlock(SITE.operator, 'still wrong, still wrong'))).toBe('WRONG_CREDENTIALS');
    // The third failure starts a delay: even the right passphrase waits.
    expect(await code(core.unlock(SITE.operator, PASS))).toBe('THROTTLED');
    expect(core.unlocked).toBe(false);
  });

  it('unlocks with the right passphrase, records failed attempts in the audit log, and locks', async () => {
    const dir = tmpDir();
    (await initCore(dir)).lock('manual');
    const core = newCore(dir);
    await code(core.unlock(SITE.operator, 'nope nope nope nope'));
    const s = await core.unlock(SITE.operator.toUpperCase(), PASS);
    expect(s.operator.role).toBe('admin');
    const actions = core.auditList(50).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['login', 'login.failed']);
    core.lock('manual');
    expect(await code(() => core.listOperators())).toBe('LOCKED');
  });

  it('changes a passphrase: the old one stops working', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    const next = 'зелений-трамвай-сім-кавунів';
    expect(await code(core.changePassphrase('not the current one at all', next))).toBe('WRONG_CREDENTIALS');
    await core.changePassphrase(PASS, next);
    core.lock('manual');
    expect(await code(core.unlock(SITE.operator, PASS))).toBe('WRONG_CREDENTIALS');
    await core.unlock(SITE.operator, next);
  });

  it('adds operators with roles; a disabled one cannot unlock; roles limit actions', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    const analystPass = 'сонячний-берег-тиха-ріка-9';
    const analyst = await core.addOperator({ name: 'Аналітик Вигаданий', role: 'analyst', passphrase: analystPass });
    expect(await code(core.addOperator({ name: 'аналітик вигаданий', role: 'viewer', passphrase: analystPass }))).toBe('OPERATOR_EXISTS');
    core.lock('manual');
    await core.unlock('Аналітик Вигаданий', analystPass);
    expect(await code(() => core.listOperators())).toBe('NOT_ALLOWED');
    core.lock('manual');
    await core.unlock(SITE.operator, PASS);
    expect(await code(() => core.disableOperator(core.sessionInfo().operator.id))).toBe('NOT_ALLOWED');
    core.disableOperator(analyst.id);
    expect(core.listOperators().find((o) => o.id === analyst.id)?.disabled).toBe(true);
    core.lock('manual');
    expect(await code(core.unlock('Аналітик Вигаданий', analystPass))).toBe('WRONG_CREDENTIALS');
  });

  it('rotates the database key under WAL: the old key no longer opens the file', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    const oldKey = Buffer.from(core.require().key);
    core.updateSettings({ idleLockMinutes: 7 });
    core.rotateKey();
    const newKey = Buffer.from(core.require().key);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(core.require().db.pragma('journal_mode', { simple: true })).toBe('wal');
    core.lock('manual');
    expect(() => openDatabase(core.paths.db, oldKey)).toThrow(ObminError);
    await core.unlock(SITE.operator, PASS);
    expect(core.settings().idleLockMinutes).toBe(7);
    expect(JSON.parse(fs.readFileSync(core.paths.slots, 'utf8')).pendingSlots).toBeUndefined();
  });

  it('names the file when the database or the slots are damaged, and never makes a new empty one', async () => {
    const dir = tmpDir();
    (await initCore(dir)).lock('manual');
    const core = newCore(dir);
    const db = fs.readFileSync(core.paths.db);
    fs.writeFileSync(core.paths.db, db.subarray(0, 100));
    expect(core.state().startupError).toBeNull();
    await expect(core.unlock(SITE.operator, PASS)).rejects.toMatchObject({ code: 'DB_CORRUPT', details: { file: core.paths.db } });
    fs.writeFileSync(core.paths.db, db);
    fs.writeFileSync(core.paths.slots, '{"format":"obmin-keyslots"');
    expect(core.state().startupError).toMatchObject({ code: 'SLOTS_CORRUPT', details: { file: core.paths.slots } });
    expect(core.state().initialised).toBe(true);
  });

  it('refuses a plaintext SQLite file in place of the database', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    core.lock('manual');
    fs.writeFileSync(core.paths.db, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080)]));
    expect(core.state().startupError?.code).toBe('DB_PLAINTEXT');
  });

  it('refuses a database written by a newer schema', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    core.require().db.pragma('user_version = 9999');
    core.lock('manual');
    await expect(core.unlock(SITE.operator, PASS)).rejects.toMatchObject({ code: 'DB_NEWER_VERSION', details: { found: 9999 } });
  });
});

describe('revocation and guessing', () => {
  it('disabling an operator rotates the database key, so an old slots file with their slot opens nothing', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    const pass = 'сонячний-берег-тиха-ріка-9';
    const op = await core.addOperator({ name: 'Тимчасовий Оператор', role: 'analyst', passphrase: pass });
    const oldSlots = fs.readFileSync(core.paths.slots);
    core.disableOperator(op.id);
    core.lock('manual');
    // The disabled operator puts back an old copy of the slots file (e.g. from a backup) beside the live database.
    const live = fs.readFileSync(core.paths.slots);
    fs.writeFileSync(core.paths.slots, oldSlots);
    const again = newCore(dir);
    await expect(again.unlock('Тимчасовий Оператор', pass)).rejects.toMatchObject({ code: 'DB_CORRUPT' });
    fs.writeFileSync(core.paths.slots, live);
    await newCore(dir).unlock(SITE.operator, PASS);
  });

  it('throttles guesses of the current passphrase in the change dialog', async () => {
    const core = await initCore();
    for (let i = 0; i < 3; i++)
      expect(await code(core.changePassphrase(`guess number ${i} is wrong`, 'зелений-трамвай-сім-кавунів'))).toBe('WRONG_CREDENTIALS');
    expect(await code(core.changePassphrase(PASS, 'зелений-трамвай-сім-кавунів'))).toBe('THROTTLED');
  });
});
