import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASS, tmpDir } from '../helpers/tmp';
import { DEV_PERSONS } from '../helpers/devset';
import { TEST_BIN } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const DEV = DEV_PERSONS;
const env = { ...process.env, OBMIN_TEST_KDF: 'fast', OBMIN_PASSPHRASE: PASS, OBMIN_LANG: 'en' };

function obmin(...args: string[]) {
  const r = spawnSync(process.execPath, [TEST_BIN, ...args], { env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('obmin persons / search / demo', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'build/esbuild.mjs'), '--test'], { cwd: ROOT });
  }, 120_000);

  it('demo initialises a folder; import, show, search, export; a bad file exits 4 with nothing applied', () => {
    const data = path.join(tmpDir(), 'v');
    expect(obmin('demo', '--data', data, '--count', '200')).toMatchObject({ code: 0 });
    expect(JSON.parse(obmin('status', '--data', data, '--json').out)).toMatchObject({ site: { code: 'DEMO-HQ', name: 'Демонстраційний штаб' }, persons: 200 });

    const imp = obmin('persons', 'import', '--data', data, DEV);
    expect(imp.code).toBe(0);
    expect(imp.out).toContain('created: 5000');
    expect(JSON.parse(obmin('status', '--data', data, '--json').out).persons).toBe(5200);

    const show = obmin('persons', 'show', '--data', data, 'P000001', '--json');
    expect(JSON.parse(show.out)).toMatchObject({ ref: 'P000001', surname: 'Зайченко', status: 'missing' });

    const bad = path.join(tmpDir(), 'bad.csv');
    fs.writeFileSync(
      bad,
      'ref,surname,given_name,patronymic,date_of_birth,sex,side,category,unit\nZ1,Ковальов,Григорій,,1980,M,ours,military,\nZ2,Бойко,Іван,,1980,M,nobody,military,\n',
    );
    const r = obmin('persons', 'import', '--data', data, bad);
    expect(r.code).toBe(4);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('rows with errors');
    expect(JSON.parse(obmin('status', '--data', data, '--json').out).persons).toBe(5200);
    expect(obmin('persons', 'import', '--data', data, bad, '--skip-invalid').code).toBe(0);
    expect(JSON.parse(obmin('status', '--data', data, '--json').out).persons).toBe(5201);

    const s = JSON.parse(obmin('search', '--data', data, 'Hryhorii Kovalov', '--json').out) as Record<string, unknown>[];
    expect(s.length).toBeGreaterThan(0);
    expect(s[0]).toHaveProperty('personId');
    for (const k of ['ref', 'surname', 'given_name', 'patronymic', 'date_of_birth', 'score']) expect(s[0]).toHaveProperty(k);
    expect(s[0]).toMatchObject({ surname: expect.stringMatching(/^Ковал[ьеё]/) });

    const out = path.join(tmpDir(), 'all.xlsx');
    expect(obmin('persons', 'export', '--data', data, '--out', out).code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
  }, 240_000); // fourteen CLI runs in a row: slow on a loaded machine, not a speed target (that is bench/)
});
