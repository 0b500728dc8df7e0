// `obmin demo --sites DIR`: the whole first run — HQ and a field laptop, HQ's package imported at the field site, and
// the round's manifest printed there. Real CLI, real SQLCipher sites, real transfer file, real PDF read by pdftotext.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_BIN } from '../helpers/cli';
import { PASS, tmpDir } from '../helpers/tmp';

const ROOT = path.resolve(__dirname, '../..');
const env = { PATH: process.env.PATH, HOME: process.env.HOME, OBMIN_TEST_KDF: 'fast', OBMIN_PASSPHRASE: PASS, OBMIN_LANG: 'en' };

function obmin(args: string[], extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [TEST_BIN, ...args], { env: { ...env, ...extra }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('obmin demo --sites', () => {
  let root: string;
  let run: { code: number | null; out: string; err: string };
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(ROOT, 'build/esbuild.mjs'), '--test'], { cwd: ROOT });
    root = path.join(tmpDir(), 'demo');
    run = obmin(['demo', '--sites', root, '--count', '400', '--json']);
  }, 300_000);

  it('builds two sites that both open, each knowing the other', () => {
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.out);
    expect(out.hq).toMatchObject({ site: 'DEMO-HQ', dir: path.join(root, 'hq'), persons: 400 });
    const hq = JSON.parse(obmin(['peers', 'list', '--data', path.join(root, 'hq'), '--json']).out);
    const field = JSON.parse(obmin(['peers', 'list', '--data', path.join(root, 'field'), '--json']).out);
    expect(hq.map((p: { site: string; status: string }) => [p.site, p.status])).toEqual([['DEMO-FIELD', 'trusted']]);
    expect(field.map((p: { site: string; status: string }) => [p.site, p.status])).toEqual([['DEMO-HQ', 'trusted']]);
    expect(JSON.parse(obmin(['identity', 'show', '--data', path.join(root, 'field'), '--json']).out).site).toBe('DEMO-FIELD');
  });

  it('the field site holds the round in progress with its people, from HQ’s exchange package — and nothing else', () => {
    const out = JSON.parse(run.out);
    expect(fs.existsSync(out.package.file)).toBe(true);
    expect(out.package).toMatchObject({ profile: 'exchange', round: out.round.number });
    expect(out.imported.added).toBeGreaterThan(0);
    expect(out.round.status).not.toBe('closed');
    const field = path.join(root, 'field');
    const hq = path.join(root, 'hq');
    const round = JSON.parse(obmin(['exchange', 'show', '--data', field, '--number', String(out.round.number), '--json']).out);
    const atHq = JSON.parse(obmin(['exchange', 'show', '--data', hq, '--number', String(out.round.number), '--json']).out);
    expect(round.receive.length).toBeGreaterThan(0);
    expect(round.give.length).toBeGreaterThan(0);
    expect(round.receive.map((e: { ref: string }) => e.ref)).toEqual(atHq.receive.map((e: { ref: string }) => e.ref));
    const first = round.receive[0];
    const person = JSON.parse(obmin(['persons', 'show', '--data', field, first.ref, '--json']).out);
    expect(person.surname).toBe(first.surname);
    // HQ keeps its closed rounds; the package carried only the round in progress
    const hqRounds = JSON.parse(obmin(['exchange', 'list', '--data', hq, '--json']).out);
    const fieldRounds = JSON.parse(obmin(['exchange', 'list', '--data', field, '--json']).out);
    expect(hqRounds.filter((r: { status: string }) => r.status === 'closed').length).toBeGreaterThanOrEqual(3);
    expect(fieldRounds.map((r: { number: number }) => r.number)).toEqual([out.round.number]);
  });

  it('prints the manifest of that round: a PDF whose text names a person on it', () => {
    const out = JSON.parse(run.out);
    expect(out.manifest.file).toBe(path.join(root, `manifest-${out.round.number}-field.pdf`));
    expect(out.manifest.pages).toBeGreaterThan(0);
    const text = execFileSync('pdftotext', ['-layout', out.manifest.file, '-'], { encoding: 'utf8' });
    const round = JSON.parse(obmin(['exchange', 'show', '--data', path.join(root, 'field'), '--number', String(out.round.number), '--json']).out);
    // the manifest writes surnames in capitals
    expect(text).toContain(`${round.receive[0].surname.toLocaleUpperCase('uk')} ${round.receive[0].givenName}`);
    expect(text).toContain(round.give[0].surname.toLocaleUpperCase('uk'));
  });

  it('refuses a folder that already holds the sites, in the operator’s language, and changes nothing', () => {
    const before = fs.statSync(path.join(root, 'hq', 'obmin.db')).mtimeMs;
    const again = obmin(['demo', '--sites', root, '--count', '10'], { OBMIN_LANG: 'uk' });
    expect(again.code).not.toBe(0);
    expect(again.err.trim()).toBe(
      `obmin: У теці ${path.join(root, 'hq')} уже є налаштоване робоче місце: демо створює два нових об’єкти лише в порожній теці.`,
    );
    expect(fs.statSync(path.join(root, 'hq', 'obmin.db')).mtimeMs).toBe(before);
    expect(JSON.parse(obmin(['identity', 'show', '--data', path.join(root, 'hq'), '--json']).out).site).toBe('DEMO-HQ');
    expect(JSON.parse(obmin(['peers', 'list', '--data', path.join(root, 'hq'), '--json']).out)).toHaveLength(1);
    // only the field folder taken: HQ is not made either
    const other = path.join(tmpDir(), 'half');
    expect(
      obmin(['init', '--data', path.join(other, 'field'), '--site-code', 'TEST-FIELD', '--site-name', 'Вигаданий ноутбук', '--operator', 'Тестова Операторка'])
        .code,
    ).toBe(0);
    expect(obmin(['demo', '--sites', other, '--count', '10']).code).not.toBe(0);
    expect(fs.existsSync(path.join(other, 'hq', 'obmin.db'))).toBe(false);
  });

  it('plain output says each step in Ukrainian by default', () => {
    const dir = path.join(tmpDir(), 'demo-uk');
    const r = obmin(['demo', '--sites', dir, '--count', '120'], { OBMIN_LANG: 'uk' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Штаб DEMO-HQ');
    expect(r.out).toMatch(/Маніфест обміну № \d+: .*manifest-\d+-field\.pdf/);
  });
});
