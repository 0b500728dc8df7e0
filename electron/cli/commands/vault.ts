// The workstation's commands: init, status, operators, audit, backup. Thin mappings onto the contract; backup and
// restore name files on disk, which the window never does, so they stay core methods reached through core/index.ts.
import { Option, type Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { callerFor, type Call } from '../call';
import { openCore, printJson, readPassphrase, withSession, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

export const vaultCommands: CliModule = (program: Command, io: Io, run) => {
  program
    .command('init')
    .description('set up a new workstation: site code and name, first admin operator')
    .requiredOption('--site-code <CODE>', 'site code, e.g. KYIV-HQ')
    .requiredOption('--site-name <NAME>', 'site name')
    .action(
      run(async (o: GlobalOptions & { siteCode: string; siteName: string }) => {
        // --operator is the program-wide option; init requires it.
        if (!o.operator) throw new ObminError('USAGE', { detail: "required option '--operator <NAME>' not specified" });
        const core = openCore(o, io);
        try {
          if (core.state().initialised) throw new ObminError('ALREADY_INITIALISED', { dir: core.paths.dir });
          const passphrase = await readPassphrase(o, io);
          // Through the contract: the same SiteCode rule as the window's first-run screen.
          const s = await callerFor(core)('vault.init', { siteCode: o.siteCode, siteName: o.siteName, operator: o.operator, passphrase });
          io.out(`${s.site.code}: ${core.paths.dir}\n`);
        } finally {
          core.close();
        }
      }),
    );

  program
    .command('status')
    .description('site, operator and register counts')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & { json?: boolean }) => {
        await withSession(o, io, async (call, core) => {
          const status = { ...(await call('app.status', {})), dataDir: core.paths.dir };
          if (o.json) printJson(io, status);
          else io.out(`${status.site.code} — ${status.site.name}\n${status.operator.name} (${status.operator.role})\npersons: ${status.persons}\n`);
        });
      }),
    );

  const operators = program.command('operators').description('operators and their passphrases');
  operators
    .command('list')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & { json?: boolean }) => {
        await withSession(o, io, async (call) => {
          const list = await call('operators.list', {});
          if (o.json) printJson(io, list);
          else for (const op of list) io.out(`${op.name}\t${op.role}\t${op.disabled ? 'disabled' : 'active'}\n`);
        });
      }),
    );
  operators
    .command('add')
    .argument('<name>', 'operator name')
    .addOption(new Option('--role <ROLE>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('--new-passphrase-file <FILE>', 'the new operator’s passphrase (else OBMIN_NEW_PASSPHRASE or a prompt)')
    .action(
      run(async (name: string, o: GlobalOptions & { role: Role; newPassphraseFile?: string }) => {
        await withSession(o, io, async (call) => {
          const op = await call('operators.add', { name, role: o.role, passphrase: await newPassphrase(o, io) });
          io.out(`${op.name}\t${op.role}\n`);
        });
      }),
    );
  operators
    .command('passwd')
    .argument('[name]', 'another operator (admin only); without it, your own passphrase')
    .option('--new-passphrase-file <FILE>', 'the new passphrase (else OBMIN_NEW_PASSPHRASE or a prompt)')
    .action(
      run(async (name: string | undefined, o: GlobalOptions & { newPassphraseFile?: string }) => {
        const current = await readPassphrase(o, io);
        await withSession(o, { ...io, env: { ...io.env, OBMIN_PASSPHRASE: current } }, async (call) => {
          const next = await newPassphrase(o, io);
          if (name === undefined) await call('vault.changePassphrase', { current, next });
          else await call('operators.resetPassphrase', { id: await findOperator(call, name), passphrase: next });
        });
      }),
    );
  operators
    .command('disable')
    .argument('<name>', 'operator name')
    .action(
      run(async (name: string, o: GlobalOptions) => {
        await withSession(o, io, async (call) => {
          await call('operators.disable', { id: await findOperator(call, name) });
        });
      }),
    );

  program
    .command('audit')
    .description('the hash-chained audit log')
    .command('verify')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & { json?: boolean }) => {
        await withSession(o, io, async (call) => {
          const r = await call('audit.verify', {});
          if (o.json) printJson(io, r);
          else io.out(r.ok ? `ok: ${r.entries}\n` : `broken at entry ${r.firstBrokenSeq}\n`);
          if (!r.ok) throw new ObminError('VERIFICATION_FAILED', { detail: `audit entry ${r.firstBrokenSeq}` });
        });
      }),
    );

  program
    .command('backup')
    .description('write an encrypted backup (database pages and key slots) to one file')
    .requiredOption('--out <FILE>', 'backup file')
    .action(
      run(async (o: GlobalOptions & { out: string }) => {
        await withSession(o, io, (_call, core) => {
          const r = core.backup(o.out);
          io.out(`${o.out}\t${r.bytes}\t${r.sha256}\n`);
        });
      }),
    );

  program
    .command('restore')
    .description('restore a backup into an empty data folder, verified with an operator’s passphrase')
    .requiredOption('--from <FILE>', 'backup file')
    .action(
      run(async (o: GlobalOptions) => {
        const from = (o as { from: string }).from;
        const core = openCore(o, io);
        try {
          const passphrase = await readPassphrase(o, io);
          const s = await core.restore(from, o.operator ?? io.env.OBMIN_OPERATOR ?? null, passphrase);
          io.out(`${s.site.code}: ${core.paths.dir}\n`);
        } finally {
          core.close();
        }
      }),
    );

  program
    .command('rotate-key')
    .description('replace the database key (admin)')
    .action(
      run(async (o: GlobalOptions) => {
        await withSession(o, io, async (call) => {
          await call('vault.rotateKey', {});
        });
      }),
    );
};

async function newPassphrase(o: GlobalOptions & { newPassphraseFile?: string }, io: Io): Promise<string> {
  if (io.env.OBMIN_NEW_PASSPHRASE) return io.env.OBMIN_NEW_PASSPHRASE;
  return readPassphrase({ passphraseFile: o.newPassphraseFile ?? '' }, { ...io, env: {} }, 'Нова парольна фраза / New passphrase: ').catch((e) => {
    if (!o.newPassphraseFile && !io.stdin.isTTY) throw new ObminError('USAGE', { detail: 'OBMIN_NEW_PASSPHRASE or --new-passphrase-file' });
    throw e;
  });
}

async function findOperator(call: Call, name: string): Promise<string> {
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('uk');
  const op = (await call('operators.list', {})).find((x) => fold(x.name) === fold(name));
  if (!op) throw new ObminError('NOT_FOUND', { what: name });
  return op.id;
}
