// The CLI contract: identity export and rotate, peers add (exit 4 on a wrong fingerprint), export, verify, import; exit 4 for
// any file that fails verification.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASS, tmpDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '../..');
const env = { ...process.env, OBMIN_TEST_KDF: 'fast', OBMIN_PASSPHRASE: PASS, OBMIN_LANG: 'en' };

function obmin(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/obmin.cjs'), ...args], { env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('obmin identity / peers / export / verify / import', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'build/esbuild.mjs')], { cwd: ROOT });
  }, 120_000);

  it('two sites exchange cards, then a changes file; tampered, revoked and wrong-fingerprint cases exit 4', () => {
    const root = tmpDir();
    const hq = path.join(root, 'hq');
    const office = path.join(root, 'office');
    const media = path.join(root, 'usb');
    fs.mkdirSync(media);
    expect(obmin('init', '--data', hq, '--site-code', 'KYIV-HQ', '--site-name', 'Вигаданий штаб', '--operator', 'Адміністраторка').code).toBe(0);
    expect(obmin('demo', '--data', office, '--count', '40').code).toBe(0);
    const officeCode = JSON.parse(obmin('status', '--data', office, '--json').out).site.code as string;

    const hqCard = JSON.parse(obmin('identity', 'export', '--data', hq, '--out', path.join(media, 'hq.card'), '--json').out);
    expect(hqCard.fingerprint).toMatch(/^[0-9a-f]{40}$/);
    expect(hqCard.words).toHaveLength(15);
    const offCard = JSON.parse(obmin('identity', 'export', '--data', office, '--out', path.join(media, 'office.card'), '--json').out);

    const wrong = obmin('peers', 'add', '--data', office, path.join(media, 'hq.card'), '--fingerprint', offCard.fingerprint);
    expect(wrong.code).toBe(4);
    expect(wrong.err).toContain('fingerprint does not match');
    expect(JSON.parse(obmin('peers', 'list', '--data', office, '--json').out)).toEqual([]);
    expect(obmin('peers', 'add', '--data', office, path.join(media, 'hq.card'), '--fingerprint', hqCard.words.join(' ')).code).toBe(0);
    expect(obmin('peers', 'add', '--data', hq, path.join(media, 'office.card'), '--fingerprint', offCard.fingerprint).code).toBe(0);
    expect(JSON.parse(obmin('peers', 'list', '--data', hq, '--json').out)).toMatchObject([{ site: officeCode, status: 'trusted' }]);

    const file = path.join(media, 'changes.obmin');
    const exp = obmin('export', '--data', office, '--to', 'KYIV-HQ', '--out', file, '--json');
    expect(exp.code).toBe(0);
    const records = JSON.parse(exp.out).records as number;
    expect(records).toBeGreaterThan(40);
    expect(obmin('verify', '--data', hq, file).code).toBe(0);
    const dry = JSON.parse(obmin('import', '--data', hq, file, '--dry-run', '--json').out);
    expect(dry).toMatchObject({ applied: false, added: records });
    expect(JSON.parse(obmin('status', '--data', hq, '--json').out).persons).toBe(0);
    expect(JSON.parse(obmin('import', '--data', hq, file, '--json').out)).toMatchObject({ applied: true, added: records });
    expect(JSON.parse(obmin('status', '--data', hq, '--json').out).persons).toBe(40);
    expect(JSON.parse(obmin('import', '--data', hq, file, '--json').out)).toMatchObject({ applied: false, alreadyImported: true });

    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 100]! ^= 0x40;
    const bad = path.join(media, 'tampered.obmin');
    fs.writeFileSync(bad, bytes);
    const t = obmin('import', '--data', hq, bad);
    expect(t.code).toBe(4);
    expect(t.err.trim().split('\n')).toHaveLength(1);

    // HQ rotates its keys; the office follows the new card without a ceremony (the old key signed it) and verifies
    // what HQ signs with the new key.
    const rotated = obmin('identity', 'rotate', '--data', hq);
    expect(rotated.code).toBe(0);
    const newFp = rotated.out.trim().replace(/\s+/g, '').toLowerCase();
    expect(newFp).not.toBe(hqCard.fingerprint);
    const newCard = JSON.parse(obmin('identity', 'export', '--data', hq, '--out', path.join(media, 'hq-2.card'), '--json').out);
    expect(newCard.fingerprint).toBe(newFp);
    expect(JSON.parse(obmin('peers', 'add', '--data', office, path.join(media, 'hq-2.card'), '--json').out)).toMatchObject({
      site: 'KYIV-HQ',
      status: 'trusted',
      outcome: 'rotated',
      fingerprint: newFp,
    });
    const fromHq = path.join(media, 'from-hq.obmin');
    expect(obmin('export', '--data', hq, '--to', officeCode, '--out', fromHq).code).toBe(0);
    expect(obmin('verify', '--data', office, fromHq).code).toBe(0);

    expect(obmin('peers', 'revoke', '--data', hq, officeCode).code).toBe(0);
    const next = path.join(media, 'next.obmin');
    expect(obmin('export', '--data', office, '--to', 'KYIV-HQ', '--out', next).code).toBe(0);
    const rv = obmin('verify', '--data', hq, next);
    expect(rv.code).toBe(4);
    expect(rv.err).toContain('no longer trusted');
  }, 600_000);
});
