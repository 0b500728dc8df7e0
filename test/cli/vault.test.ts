import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF } from '../../electron/core/vault/kdf';
import { SHIPPED_BIN, obmin } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';

const env = { OBMIN_PASSPHRASE: PASS };

function initSite(): string {
  const dir = path.join(tmpDir(), 'data');
  const r = obmin(['init', '--data', dir, '--site-code', 'LVIV-RO', '--site-name', 'Вигадане бюро', '--operator', 'Оператор Перший'], env);
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

describe('obmin CLI (exit codes and JSON are contracts)', () => {
  it('init then status --json gives the site and a persons count', () => {
    const dir = initSite();
    const r = obmin(['status', '--data', dir, '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout);
    expect(status.site).toEqual({ code: 'LVIV-RO', name: 'Вигадане бюро' });
    expect(status.persons).toBe(0);
  });

  it('init applies the window’s SiteCode rule: lower case is upper-cased, a bad code is refused and creates nothing', () => {
    const dir = path.join(tmpDir(), 'lower');
    expect(obmin(['init', '--data', dir, '--site-code', ' kyiv-hq ', '--site-name', 'Вигаданий штаб', '--operator', 'Оператор Перший'], env).code).toBe(0);
    expect(JSON.parse(obmin(['status', '--data', dir, '--json'], env).stdout)).toMatchObject({
      site: { code: 'KYIV-HQ' },
      dataDir: dir,
      schemaVersion: expect.any(Number),
    });
    const bad = path.join(tmpDir(), 'bad');
    const r = obmin(
      ['init', '--data', bad, '--site-code', 'Київ штаб!', '--site-name', 'Вигаданий штаб', '--operator', 'Оператор Перший', '--lang', 'en'],
      env,
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^obmin: The data did not pass validation: siteCode/)]);
    expect(fs.existsSync(path.join(bad, 'keyslots.json'))).toBe(false);
  });

  it('the shipped CLI ignores OBMIN_TEST_KDF: its key slots keep the production KDF cost', () => {
    const dir = path.join(tmpDir(), 'shipped');
    const r = obmin(
      ['init', '--data', dir, '--site-code', 'SHIP-1', '--site-name', 'Вигаданий штаб', '--operator', 'Оператор Перший'],
      { ...env, OBMIN_TEST_KDF: 'fast' },
      undefined,
      SHIPPED_BIN,
    );
    expect(r.code, r.stderr).toBe(0);
    const slots = JSON.parse(fs.readFileSync(path.join(dir, 'keyslots.json'), 'utf8')) as { slots: { kdf: { memoryKiB: number; iterations: number } }[] };
    expect(slots.slots).toHaveLength(1);
    expect(slots.slots[0]!.kdf).toMatchObject({ memoryKiB: DEFAULT_KDF.memoryKiB, iterations: DEFAULT_KDF.iterations });
    // The test build, given the same variable, does lower the cost: the switch is real, and only there.
    const fast = path.join(tmpDir(), 'fast');
    expect(obmin(['init', '--data', fast, '--site-code', 'SHIP-2', '--site-name', 'Вигаданий штаб', '--operator', 'Оператор Перший'], env).code).toBe(0);
    const fastSlots = JSON.parse(fs.readFileSync(path.join(fast, 'keyslots.json'), 'utf8')) as { slots: { kdf: { memoryKiB: number } }[] };
    expect(fastSlots.slots[0]!.kdf.memoryKiB).toBeLessThan(DEFAULT_KDF.memoryKiB);
  });

  it('a wrong passphrase exits 3 with one translated line and no stack trace', () => {
    const dir = initSite();
    const r = obmin(['status', '--data', dir, '--json'], { OBMIN_PASSPHRASE: 'this is not the passphrase' });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['obmin: Неправильне ім’я оператора або парольна фраза.']);
    const en = obmin(['status', '--data', dir, '--lang', 'en'], { OBMIN_PASSPHRASE: 'this is not the passphrase' });
    expect(en.stderr.trim()).toBe('obmin: Wrong operator name or passphrase.');
  });

  it('usage errors exit 2', () => {
    expect(obmin(['status', '--no-such-flag']).code).toBe(2);
    expect(obmin(['init', '--data', tmpDir(), '--site-code', 'X1'], env).code).toBe(2);
    expect(obmin(['frobnicate']).code).toBe(2);
  });

  it('reads the passphrase from a file, and refuses to prompt without a terminal', () => {
    const dir = initSite();
    const file = path.join(tmpDir(), 'pass.txt');
    fs.writeFileSync(file, `${PASS}\n`, { mode: 0o600 });
    expect(obmin(['status', '--data', dir, '--passphrase-file', file]).code).toBe(0);
    const none = obmin(['status', '--data', dir]);
    expect(none.code).toBe(2);
  });

  it('operators add, list, disable; a disabled operator is refused with exit 3', () => {
    const dir = initSite();
    const second = 'тихий-вечір-над-старим-млином';
    expect(obmin(['operators', 'add', 'Польова Група', '--role', 'field', '--data', dir], { ...env, OBMIN_NEW_PASSPHRASE: second }).code).toBe(0);
    const list = JSON.parse(obmin(['operators', 'list', '--data', dir, '--json'], env).stdout);
    expect(list.map((o: { name: string; role: string }) => [o.name, o.role])).toEqual([
      ['Оператор Перший', 'admin'],
      ['Польова Група', 'field'],
    ]);
    expect(obmin(['status', '--data', dir], { OBMIN_PASSPHRASE: second, OBMIN_OPERATOR: 'Польова Група' }).code).toBe(0);
    expect(obmin(['operators', 'list', '--data', dir], { OBMIN_PASSPHRASE: second }).code).toBe(3);
    expect(obmin(['operators', 'disable', 'Польова Група', '--data', dir], env).code).toBe(0);
    expect(obmin(['status', '--data', dir], { OBMIN_PASSPHRASE: second }).code).toBe(3);
  });

  it('backup, restore and audit verify; a tampered backup exits 4', () => {
    const dir = initSite();
    const out = path.join(tmpDir(), 'b.obmin-backup');
    expect(obmin(['backup', '--data', dir, '--out', out], env).code).toBe(0);
    const target = path.join(tmpDir(), 'restored');
    const r = obmin(['restore', '--from', out, '--data', target], env);
    expect(r.code, r.stderr).toBe(0);
    const v = obmin(['audit', 'verify', '--data', target, '--json'], env);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, firstBrokenSeq: null });
    const bytes = fs.readFileSync(out);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    fs.writeFileSync(out, bytes);
    expect(obmin(['restore', '--from', out, '--data', path.join(tmpDir(), 'x')], env).code).toBe(4);
  });

  it('a damaged database names the file and exits 4, never creating a new one', () => {
    const dir = initSite();
    const db = path.join(dir, 'obmin.db');
    fs.truncateSync(db, 0);
    const r = obmin(['status', '--data', dir], { ...env, OBMIN_LANG: 'en' });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(db);
    expect(fs.statSync(db).size).toBe(0);
  });
});
