import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core';

export const TEST_KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
export const PASS = 'вишня-гора-мідний-ліхтар-42';
export const SITE = { siteCode: 'TEST-HQ', siteName: 'Вигаданий штаб Тестове', operator: 'Тестова Адміністраторка', passphrase: PASS };

export function tmpDir(prefix = 'obmin-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function newCore(dir = tmpDir()): Core {
  return createCore({ dataDir: dir, kdf: TEST_KDF });
}

export async function initCore(dir = tmpDir()): Promise<Core> {
  const core = newCore(dir);
  await core.init(SITE);
  return core;
}

/** Every byte of every file in the folder, to prove no plaintext leaks to disk. */
export function folderBytes(dir: string): Buffer {
  return Buffer.concat(fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f))));
}
