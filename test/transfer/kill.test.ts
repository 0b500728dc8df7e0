// kill -9 at random points during `obmin import`: the database always opens, passes its integrity checks, and holds
// all of the file or none of it (persons, the file's history row and its audit entry together).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { checkIntegrity } from '../../electron/core/vault/database';
import { mulberry32 } from '../../shared/random';
import { PASS, TEST_KDF, tmpDir } from '../helpers/tmp';
import { ctx, demo, pair, site } from './sites';

const ROOT = path.resolve(__dirname, '../..');
const env = { ...process.env, OBMIN_TEST_KDF: 'fast', OBMIN_PASSPHRASE: PASS, OBMIN_LANG: 'en' };
const TRIALS = 50;
const PEOPLE = 1500;

let template: string;
let file: string;
let fullMs: number;

function runImport(data: string, killAfterMs: number | null): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/obmin.cjs'), 'import', '--data', data, file], { env, stdio: 'ignore' });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

async function inspect(data: string): Promise<{ persons: number; files: number; audited: number; integrity: boolean }> {
  const core = createCore({ dataDir: data, kdf: TEST_KDF });
  await core.unlock(null, PASS);
  try {
    const db = core.require().db;
    return {
      persons: db.prepare('SELECT count(*) FROM persons').pluck().get() as number,
      files: db.prepare("SELECT count(*) FROM transfer_files WHERE direction = 'in'").pluck().get() as number,
      audited: db.prepare("SELECT count(*) FROM audit WHERE action = 'transfer.import.changes'").pluck().get() as number,
      integrity: checkIntegrity(db).ok,
    };
  } finally {
    core.close();
  }
}

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'build/esbuild.mjs')], { cwd: ROOT });
  template = path.join(tmpDir('obmin-kill-'), 'hq');
  const hq = await site('HQ-TEST', template);
  const office = await site('OFFICE-ONE');
  await pair(hq, office);
  await demo(office, PEOPLE);
  file = (await exportFile(ctx(office), ['HQ-TEST'], path.join(tmpDir(), 'f.obmin'))).file;
  hq.close();
  office.close();
  const dir = path.join(tmpDir(), 'full');
  fs.cpSync(template, dir, { recursive: true });
  const t0 = Date.now();
  expect((await runImport(dir, null)).code).toBe(0);
  fullMs = Date.now() - t0;
  expect(await inspect(dir)).toMatchObject({ persons: PEOPLE, files: 1, audited: 1, integrity: true });
}, 600_000);

describe('kill -9 during import', () => {
  it(`${TRIALS} trials: all or nothing, and the database always opens intact`, async () => {
    const rnd = mulberry32(8);
    const outcomes = { none: 0, all: 0 };
    for (let i = 0; i < TRIALS; i++) {
      const dir = path.join(tmpDir(), `t${i}`);
      fs.cpSync(template, dir, { recursive: true });
      const r = await runImport(dir, Math.floor(rnd() * fullMs * 1.1));
      const s = await inspect(dir);
      expect(s.integrity, `trial ${i}`).toBe(true);
      if (s.persons === 0) {
        expect(s, `trial ${i}`).toMatchObject({ files: 0, audited: 0 });
        outcomes.none++;
      } else {
        expect(s, `trial ${i} (${r.signal ?? r.code})`).toMatchObject({ persons: PEOPLE, files: 1, audited: 1 });
        outcomes.all++;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(`kill trials: ${TRIALS}, full import ${fullMs} ms, none ${outcomes.none}, all ${outcomes.all}`);
    expect(outcomes.none + outcomes.all).toBe(TRIALS);
    expect(outcomes.none).toBeGreaterThan(0);
  }, 1_800_000);
});
