import { Command, CommanderError } from 'commander';
import { translate } from '../../shared/i18n';
import { CLI_MODULES } from './commands';
import { errorLine, localeOf, type GlobalOptions, type Io } from './context';
import type { Runner } from './commands/types';

/** Runs one CLI invocation and returns its exit code (0 ok, 1 other, 2 usage, 3 not allowed, 4 verification). */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command('obmin')
    .description('Obmin — обмін: the exchange coordination workstation (headless)')
    .option('--data <DIR>', 'data folder (default: the desktop app’s)')
    .option('--operator <NAME>', 'operator name (else OBMIN_OPERATOR; without either, the passphrase picks the operator)')
    .option('--passphrase-file <FILE>', 'read the passphrase from a file (else OBMIN_PASSPHRASE or a hidden prompt)')
    .option('--lang <uk|en>', 'language of messages (else OBMIN_LANG; default uk)')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s),
      writeErr: (s) => io.err(s),
      outputError: () => undefined,
    });

  const run: Runner =
    (action) =>
    async (...args) => {
      const cmd = args[args.length - 1] as Command;
      const opts = cmd.optsWithGlobals() as GlobalOptions;
      try {
        await (action as (...a: unknown[]) => Promise<void>)(...args.slice(0, -2), opts, cmd);
      } catch (e) {
        const { line, exit } = errorLine(e, localeOf(opts, io));
        io.err(`${line}\n`);
        exitCode = exit;
      }
    };
  for (const mod of CLI_MODULES) mod(program, io, run);

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      const locale = localeOf({}, io);
      io.err(`obmin: ${translate(locale, 'errors.USAGE', { detail: e.message.replace(/^error: /, '') })}\n`);
      return 2;
    }
    throw e;
  }
  return exitCode;
}
