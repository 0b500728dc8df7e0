import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { applyKey } from '../../electron/core/vault/database';
import { readThrottle } from '../../electron/core/vault/throttle';
import { initCore, newCore, PASS, SITE, tmpDir } from '../helpers/tmp';

const BIN = path.resolve(__dirname, '../../bin/obmin.cjs');

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, OBMIN_LANG: 'en', ...env } });
    let stderr = '';
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    c.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('the throttle holds against parallel guesses', () => {
  it('eight wrong passphrases from eight processes at once: every one tried is counted, most are refused untried', async () => {
    const dir = tmpDir();
    (await initCore(dir)).lock('manual');
    // The test holds the throttle's lock while the eight start, so they all reach the check together when it lets go.
    const lock = path.join(dir, 'auth-throttle.json.lock');
    fs.writeFileSync(lock, '');
    const pending = Array.from({ length: 8 }, (_, i) => cli(['status', '--data', dir], { OBMIN_PASSPHRASE: `wrong guess number ${i} of eight` }));
    for (let t = 0; t < 12; t++) {
      fs.utimesSync(lock, new Date(), new Date());
      await new Promise((r) => setTimeout(r, 1000));
    }
    fs.rmSync(lock);
    const runs = await Promise.all(pending);
    expect(runs.map((r) => r.code)).toEqual(Array(8).fill(3));
    const wrong = runs.filter((r) => /Wrong operator name or passphrase/.test(r.stderr)).length;
    const throttled = runs.filter((r) => /Too many failed attempts/.test(r.stderr)).length;
    expect(wrong + throttled).toBe(8);
    // Three free attempts, then 2 s: a straggler that starts after the wait may be tried too, but never all eight.
    expect(throttled).toBeGreaterThanOrEqual(3);
    // Only the attempts that were let through are counted (a throttled one is refused before anything is tried).
    expect(readThrottle(path.join(dir, 'auth-throttle.json')).failures).toBe(wrong);
    expect(fs.existsSync(path.join(dir, 'auth-throttle.json.lock'))).toBe(false);
  }, 120_000);

  it('a success after failures audits them once and starts the count again', async () => {
    const dir = tmpDir();
    (await initCore(dir)).lock('manual');
    for (let i = 0; i < 2; i++) await expect(newCore(dir).unlock(null, 'not it, not it, not it')).rejects.toMatchObject({ code: 'WRONG_CREDENTIALS' });
    const core = newCore(dir);
    await core.unlock(null, PASS);
    expect(core.auditList(5).find((e) => e.action === 'login.failed')?.details).toEqual({ attempts: 2 });
    expect(readThrottle(core.paths.throttle).failures).toBe(0);
  });
});

describe('clear codes instead of misleading ones', () => {
  it('a slot that opens an older database key is SLOT_STALE, not "database damaged"', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    const old = fs.readFileSync(core.paths.slots);
    core.rotateKey();
    core.lock('manual');
    fs.writeFileSync(
      core.paths.slots,
      JSON.stringify({ ...JSON.parse(old.toString()), keyCheck: JSON.parse(fs.readFileSync(core.paths.slots, 'utf8')).keyCheck }),
    );
    await expect(newCore(dir).unlock(null, PASS)).rejects.toMatchObject({ code: 'SLOT_STALE' });
  });

  it('a database another process holds for writing is VAULT_BUSY, not INTERNAL', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    const key = core.require().key;
    const other = new Database(path.join(dir, 'obmin.db'));
    applyKey(other, key);
    core.lock('manual');
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(newCore(dir).unlock(SITE.operator, PASS)).rejects.toMatchObject({ code: 'VAULT_BUSY' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 60_000);
});
