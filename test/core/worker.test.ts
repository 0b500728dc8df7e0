// The core behind a worker thread: the same contract, results and events as the in-process router.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerRouter, type WorkerRouter } from '../../electron/core';
import { PASS, SITE, TEST_KDF, tmpDir } from '../helpers/tmp';

// Built by the unit project's global setup (build/esbuild.mjs).
const WORKER = path.resolve(__dirname, '../../dist/electron/core-worker.cjs');
let router: WorkerRouter | undefined;

afterEach(async () => {
  await router?.close();
  router = undefined;
});

describe('core worker', () => {
  it('initialises, locks with an event, refuses a wrong passphrase and unlocks — all off the calling thread', async () => {
    const events: [string, unknown][] = [];
    router = createWorkerRouter(WORKER, { dataDir: tmpDir(), kdf: TEST_KDF }, (n, p) => events.push([n, p]));
    expect(await router.handle('app.state', {})).toMatchObject({ ok: true, value: { initialised: false, unlocked: false } });
    const init = await router.handle('vault.init', SITE);
    expect(init).toMatchObject({ ok: true, value: { site: { code: 'TEST-HQ' }, operator: { role: 'admin' } } });
    expect(await router.handle('vault.lock', { reason: 'idle' })).toEqual({ ok: true, value: null });
    expect(events).toContainEqual(['locked', { reason: 'idle' }]);
    expect(await router.handle('vault.unlock', { operator: SITE.operator, passphrase: 'wrong wrong wrong wrong' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_CREDENTIALS', messageKey: 'errors.WRONG_CREDENTIALS' },
    });
    expect(await router.handle('vault.unlock', { operator: SITE.operator, passphrase: PASS })).toMatchObject({ ok: true });
    expect(await router.handle('vault.unlock', { operator: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers INTERNAL, not a hang, once the worker is gone', async () => {
    router = createWorkerRouter(WORKER, { dataDir: tmpDir(), kdf: TEST_KDF });
    await router.close();
    expect(await router.handle('app.state', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    router = undefined;
  });

  it('a worker that runs out of memory is restarted locked: the call answers CORE_RESTARTED, `locked` is emitted, unlock works', async () => {
    const events: [string, unknown][] = [];
    // A small heap so an ordinary large import exhausts it, as the red team's bomb exhausted the real one.
    // The call-size cap (which would refuse this file for so small a heap) is lifted: this test is about gradual growth.
    router = createWorkerRouter(WORKER, { dataDir: tmpDir(), kdf: TEST_KDF }, (n, p) => events.push([n, p]), {
      resourceLimits: { maxOldGenerationSizeMb: 48 },
      maxCallUnits: 64 * 1024 * 1024,
    });
    expect(await router.handle('vault.init', SITE)).toMatchObject({ ok: true });
    const row = 'Вигаданенко,Тестовий,Іванович,1990-01-01,ours,missing\n';
    const csv = 'surname,given_name,patronymic,date_of_birth,side,status\n' + row.repeat(150_000);
    const big = await router.handle('persons.importPreview', { fileName: 'big.csv', dataBase64: Buffer.from(csv).toString('base64') });
    expect(big).toEqual({ ok: false, error: { code: 'CORE_RESTARTED', messageKey: 'errors.CORE_RESTARTED' } });
    expect(events).toContainEqual(['locked', { reason: 'restart' }]);
    expect(await router.handle('app.state', {})).toMatchObject({ ok: true, value: { initialised: true, unlocked: false } });
    expect(await router.handle('vault.unlock', { operator: SITE.operator, passphrase: PASS })).toMatchObject({ ok: true });
  }, 120_000);

  it('a call larger than the worker can hold is refused before it is posted (INPUT_TOO_LARGE): no fatal OOM, same worker', async () => {
    const events: [string, unknown][] = [];
    // 96 MB of heap and a 40 MB string: posted, the copy alone made V8 abort the whole process (red team, issue 14).
    router = createWorkerRouter(WORKER, { dataDir: tmpDir(), kdf: TEST_KDF }, (n, p) => events.push([n, p]), {
      resourceLimits: { maxOldGenerationSizeMb: 96 },
    });
    expect(await router.handle('vault.init', SITE)).toMatchObject({ ok: true });
    const hostile = 'A'.repeat(40 * 1024 * 1024);
    const r = await router.handle('persons.importPreview', { fileName: 'hostile.csv', dataBase64: hostile });
    expect(r).toEqual({ ok: false, error: { code: 'INPUT_TOO_LARGE', messageKey: 'errors.INPUT_TOO_LARGE', details: { limit: '12 MB' } } });
    // Deep and wide shapes are measured too, without recursion.
    let deep: unknown = 'x';
    for (let i = 0; i < 500_000; i++) deep = { a: deep };
    expect(await router.handle('persons.search', deep)).toMatchObject({ ok: false, error: { code: 'INPUT_TOO_LARGE' } });
    expect(await router.handle('persons.search', { query: Array.from({ length: 2_000_000 }, () => 'x') })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_TOO_LARGE' },
    });
    // The same worker, still unlocked: nothing was posted, nothing restarted.
    expect(await router.handle('app.state', {})).toMatchObject({ ok: true, value: { initialised: true, unlocked: true } });
    expect(events.filter(([n]) => n === 'locked')).toHaveLength(0);
  }, 120_000);
});
