import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The shipped CLI: OBMIN_TEST_KDF has no effect on it. */
export const SHIPPED_BIN = path.resolve(__dirname, '../../bin/obmin.cjs');
/** The same CLI bundled with the test switch on (build/esbuild.mjs --test): OBMIN_TEST_KDF=fast makes unlocks cheap. */
export const TEST_BIN = path.resolve(__dirname, '../../.tmp/test-build/obmin.cjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a script would: a child process, environment variables, exit code. */
export function obmin(args: string[], env: Record<string, string | undefined> = {}, input?: string, bin = TEST_BIN): CliRun {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, OBMIN_TEST_KDF: 'fast', ...env },
    input: input ?? '',
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
