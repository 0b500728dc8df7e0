// `obmin manifest` and `obmin manifest check` as a script runs them: a child process, exit codes, files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, createRouter } from '../../electron/core';
import type { ArgsOf, Channel, ResultOf } from '../../shared/ipc/contract';
import { obmin } from '../helpers/cli';
import { PASS, SITE, TEST_KDF, tmpDir } from '../helpers/tmp';
import { fonts, pageCount, pdftotext } from './pdf';

const dir = path.join(tmpDir(), 'site');
const env = { OBMIN_PASSPHRASE: PASS, OBMIN_LANG: 'en' };
let roundId = '';

/** Changes the vault in-process between CLI runs (rounds have no CLI of their own in this branch). */
async function withVault(fn: (call: <C extends Channel>(c: C, a: ArgsOf<C>) => Promise<ResultOf<C>>) => Promise<void>, init = false): Promise<void> {
  const core = createCore({ dataDir: dir, kdf: TEST_KDF });
  if (init) await core.init(SITE);
  else await core.unlock(null, PASS);
  const router = createRouter(core);
  try {
    await fn(async (c, a) => {
      const r = await router.handle(c, a);
      if (!r.ok) throw new Error(`${c}: ${JSON.stringify(r.error)}`);
      return r.value as never;
    });
  } finally {
    core.close();
  }
}

beforeAll(async () => {
  await withVault(async (call) => {
    roundId = (await call('exchanges.create', { number: 71, place: 'Вигаданий пункт', mediators: ['qatar'] })).id;
    const ids = [];
    for (const [i, s] of ['Шевчук', 'Ющенко', 'Ярош'].entries()) {
      ids.push(
        (
          await call('persons.create', {
            ref: `C-${i}`,
            surname: s,
            givenName: 'Іван',
            surnameLatin: ['Shevchuk', 'Yushchenko', 'Yarosh'][i]!,
            side: 'ours',
            category: 'military',
            status: 'captivity_confirmed',
            dateOfBirth: '1985-05-05',
            unit: 'в/ч А0001',
          })
        ).id,
      );
    }
    await call('exchanges.add', { roundId, direction: 'receive', personIds: ids });
  }, true);
});

describe('obmin manifest', () => {
  it('writes the PDF; check exits 0 while the round is unchanged and 4 with the differing entries once it changes', async () => {
    const out = path.join(tmpDir(), 'm.pdf');
    const w = obmin(['manifest', '--data', dir, '--exchange', '71', '--out', out, '--variant', 'field', '--direction', 'receive', '--json'], env);
    expect(w.stderr).toBe('');
    expect(w.code).toBe(0);
    const info = JSON.parse(w.stdout) as { code: string; pages: number; file: string };
    expect(info.file).toBe(out);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(pageCount(out)).toBe(info.pages);
    expect(pdftotext(out)).toContain('ЮЩЕНКО Іван');
    expect(pdftotext(out)).toContain('YUSHCHENKO');
    for (const f of fonts(out)) expect(f.emb).toBe('yes');
    // SOURCE_DATE_EPOCH fixes the date and so the bytes: two writes of the same round are identical.
    const [a, b] = ['a.pdf', 'b.pdf'].map((n) => path.join(tmpDir(), n));
    for (const f of [a, b])
      expect(obmin(['manifest', '--data', dir, '--exchange', '71', '--out', f!], { ...env, SOURCE_DATE_EPOCH: '1764374400' }).code).toBe(0);
    expect(Buffer.compare(fs.readFileSync(a!), fs.readFileSync(b!))).toBe(0);
    expect(execFileSync('pdfinfo', [a!], { encoding: 'utf8' })).toMatch(/CreationDate:\s+Sat Nov 29 00:00:00 2025 UTC/);

    const ok = obmin(['manifest', 'check', '--data', dir, info.code], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Code ${info.code} matches exchange no. 71`);

    await withVault(async (call) => {
      const page = await call('exchanges.entries', { roundId, direction: 'receive', limit: 5000 });
      const target = page.rows.find((e) => e.ref === 'C-2')!;
      await call('persons.update', { id: target.personId, patch: { unit: 'в/ч А0002' } });
    });
    const bad = obmin(['manifest', 'check', '--data', dir, info.code], env);
    expect(bad.code).toBe(4);
    expect(bad.stdout).toMatch(/^~ receive\tC-2\tЯрош Іван\tchanged: unit$/m);
    expect(bad.stderr.trim()).toBe(`obmin: Code ${info.code} does not match exchange no. 71 as held now (1 differences).`);
  });

  it('usage and missing data: one translated line and the documented exit code, no file written', () => {
    const out = path.join(tmpDir(), 'none.pdf');
    const noExchange = obmin(['manifest', '--data', dir, '--out', out], env);
    expect(noExchange.code).toBe(2);
    const missing = obmin(['manifest', '--data', dir, '--exchange', '999', '--out', out], { ...env, OBMIN_LANG: 'uk' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('obmin: Не знайдено: exchange 999\n');
    expect(fs.existsSync(out)).toBe(false);
    const badVariant = obmin(['manifest', '--data', dir, '--exchange', '71', '--out', out, '--variant', 'poster'], env);
    expect(badVariant.code).toBe(2);
    expect(obmin(['manifest', 'check', '--data', dir, 'not-a-code'], env).code).toBe(1);
  });
});
