import fs from 'node:fs';
import readline from 'node:readline';
import { ObminError, exitCodeFor, knownError } from '../../shared/errors';
import { translate } from '../../shared/i18n';
import type { Locale } from '../../shared/ipc/schemas';
import { createCore, defaultDataDir, type Core } from '../core';
import { callerFor, type Call } from './call';

/** Set by the bundler: true only in the test build of the CLI (never in bin/obmin.cjs), see build/esbuild.mjs. */
declare const __OBMIN_TEST_BUILD__: boolean | undefined;
const TEST_BUILD = typeof __OBMIN_TEST_BUILD__ !== 'undefined' && __OBMIN_TEST_BUILD__ === true;

export interface GlobalOptions {
  data?: string;
  passphraseFile?: string;
  operator?: string;
  lang?: string;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
}

export function dataDirOf(o: GlobalOptions, io: Io): string {
  return o.data ?? defaultDataDir(io.env);
}

export function localeOf(o: GlobalOptions, io: Io, core?: Core): Locale {
  const pick = o.lang ?? io.env.OBMIN_LANG;
  if (pick === 'en' || pick === 'uk') return pick;
  return core?.locale ?? 'uk';
}

export function openCore(o: GlobalOptions, io: Io): Core {
  return createCore({ dataDir: dataDirOf(o, io), kdf: kdfFromEnv(io.env) });
}

/** OBMIN_TEST_KDF=fast lowers the KDF cost in the test build only; the shipped CLI ignores it (production cost). */
function kdfFromEnv(env: NodeJS.ProcessEnv) {
  return TEST_BUILD && env.OBMIN_TEST_KDF === 'fast' ? { memoryKiB: 8192, iterations: 1, parallelism: 1 } : undefined;
}

/** OBMIN_PASSPHRASE, then --passphrase-file, then a hidden prompt on a terminal; otherwise a usage error. */
export async function readPassphrase(o: GlobalOptions, io: Io, prompt = 'Парольна фраза / Passphrase: '): Promise<string> {
  if (io.env.OBMIN_PASSPHRASE) return io.env.OBMIN_PASSPHRASE;
  if (o.passphraseFile) {
    try {
      return fs.readFileSync(o.passphraseFile, 'utf8').replace(/\r?\n$/, '');
    } catch {
      throw new ObminError('IO', { file: o.passphraseFile });
    }
  }
  if (!io.stdin.isTTY) throw new ObminError('USAGE', { detail: 'OBMIN_PASSPHRASE, --passphrase-file or a terminal' });
  return hiddenPrompt(prompt, io);
}

function hiddenPrompt(prompt: string, io: Io): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: io.stdin, output: process.stderr, terminal: true });
    const rlAny = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    rlAny._writeToOutput = () => undefined;
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

/**
 * Opens a session: with --operator / OBMIN_OPERATOR if given, otherwise the passphrase alone picks the operator's slot
 * (a CLI-only way in, so it stays a core method rather than a window channel).
 */
export async function unlock(core: Core, o: GlobalOptions, io: Io): Promise<void> {
  const startup = core.startupCheck();
  if (startup) throw startup;
  if (!core.state().initialised) throw new ObminError('NOT_INITIALISED');
  const passphrase = await readPassphrase(o, io);
  await core.unlock(o.operator ?? io.env.OBMIN_OPERATOR ?? null, passphrase);
}

/** @deprecated for commands written before the CLI went through the door: use withSession and call(). */
export async function unlocked(o: GlobalOptions, io: Io): Promise<Core> {
  const core = openCore(o, io);
  await unlock(core, o, io);
  return core;
}

/** Runs a command in one unlocked session and always locks after. Use cases go through `call`, never core internals. */
export async function withSession<T>(o: GlobalOptions, io: Io, fn: (call: Call, core: Core) => Promise<T> | T): Promise<T> {
  const core = openCore(o, io);
  try {
    await unlock(core, o, io);
    return await fn(callerFor(core), core);
  } finally {
    core.close();
  }
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

export function errorLine(raw: unknown, locale: Locale): { line: string; exit: number } {
  const e = knownError(raw);
  if (e) {
    const details = { ...(e.details ?? {}) } as Record<string, unknown>;
    if (Array.isArray(details.reasons)) details.reasons = details.reasons.map((r) => translate(locale, String(r))).join('; ');
    return { line: `obmin: ${translate(locale, e.messageKey, details)}`, exit: exitCodeFor(e.code) };
  }
  return { line: `obmin: ${translate(locale, 'errors.INTERNAL')}`, exit: 1 };
}
