// The small files beside the vault (preferences.json, auth-throttle.json) are read with a cap: an oversized, hostile
// or special file is read as absent — never a crash, a hang or an unbounded read — and the next write replaces it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSmallFile } from '../../electron/core/fsutil';
import { readThrottle, THROTTLE_MAX_BYTES } from '../../electron/core/vault/throttle';
import { initCore, newCore, PASS, SITE, tmpDir } from '../helpers/tmp';

const HUGE = 64 * 1024 * 1024; // sparse: no disk used, but a reader that trusts it would allocate 64 MB

function sparse(file: string, size: number, head: string): void {
  fs.writeFileSync(file, head);
  fs.truncateSync(file, size);
}

describe('capped reads of the data folder files', () => {
  it('readSmallFile: reads a small file, refuses a large one, a folder, a FIFO and a missing file without blocking', () => {
    const dir = tmpDir();
    const f = path.join(dir, 'a.json');
    fs.writeFileSync(f, '{"x":1}');
    expect(readSmallFile(f, 100)?.toString()).toBe('{"x":1}');
    expect(readSmallFile(f, 6)).toBeNull();
    sparse(f, HUGE, '{"x":1}');
    expect(readSmallFile(f, 4096)).toBeNull();
    expect(readSmallFile(dir, 4096)).toBeNull();
    expect(readSmallFile(path.join(dir, 'none'), 4096)).toBeNull();
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    expect(readSmallFile(fifo, 4096)).toBeNull(); // would hang forever with readFileSync
  });

  it('an oversized preferences.json is read as the default language, and choosing one replaces it', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    core.setLocale('en');
    expect(core.locale).toBe('en');
    sparse(core.paths.preferences, HUGE, '{"locale":"en"');
    expect(core.locale).toBe('uk');
    fs.writeFileSync(core.paths.preferences, 'null');
    expect(core.locale).toBe('uk');
    core.setLocale('en');
    expect(core.locale).toBe('en');
    expect(fs.statSync(core.paths.preferences).size).toBeLessThan(100);
    core.lock('manual');
  });

  it('an oversized or special auth-throttle.json reads as no count; unlocking works and writes a small one again', async () => {
    const dir = tmpDir();
    (await initCore(dir)).lock('manual');
    const file = path.join(dir, 'auth-throttle.json');
    sparse(file, HUGE, JSON.stringify({ failures: 50, lastFailureAt: Date.now(), pendingAudit: 50 }));
    expect(readThrottle(file)).toEqual({ failures: 0, lastFailureAt: 0, pendingAudit: 0 });
    const wrong = newCore(dir);
    await expect(wrong.unlock(SITE.operator, 'не-той-пароль-зовсім-99')).rejects.toMatchObject({ code: 'WRONG_CREDENTIALS' });
    expect(fs.statSync(file).size).toBeLessThanOrEqual(THROTTLE_MAX_BYTES);
    expect(readThrottle(file).failures).toBe(1);
    fs.rmSync(file);
    execFileSync('mkfifo', [file]);
    const core = newCore(dir);
    await core.unlock(SITE.operator, PASS);
    expect(fs.statSync(file).isFile()).toBe(true);
    core.lock('manual');
  });
});
