import fs from 'node:fs';
import readline from 'node:readline';
import { ObminError, exitCodeFor, knownError } from '../../shared/errors';
import { translate } from '../../shared/i18n';
import type { Locale } from '../../shared/ipc/schemas';
import { createCore, defaultDataDir, type Core } from '../core';

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

/** OBMIN_TEST_KDF=fast lowers the KDF cost for the test suite only; it is never set in production. */
function kdfFromEnv(env: NodeJS.ProcessEnv) {
  return env.OBMIN_TEST_KDF === 'fast' ? { memoryKiB: 8192, iterations: 1, parallelism: 1 } : undefined;
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

/** Unlocks with --operator / OBMIN_OPERATOR if given; otherwise the passphrase alone picks the operator's slot. */
export async function unlocked(o: GlobalOptions, io: Io): Promise<Core> {
  const core = openCore(o, io);
  const startup = core.startupCheck();
  if (startup) throw startup;
  if (!core.state().initialised) throw new ObminError('NOT_INITIALISED');
  const passphrase = await readPassphrase(o, io);
  await core.unlock(o.operator ?? io.env.OBMIN_OPERATOR ?? null, passphrase);
  return core;
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
