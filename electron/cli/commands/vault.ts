import { Option, type Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { ROLES, type Role } from '../../../shared/domain/roles';
import { SCHEMA_VERSION } from '../../core/db/migrations';
import { openCore, printJson, readPassphrase, unlocked, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

export const vaultCommands: CliModule = (program: Command, io: Io, run) => {
  program
    .command('init')
    .description('set up a new workstation: site code and name, first admin operator')
    .requiredOption('--site-code <CODE>', 'site code, e.g. KYIV-HQ')
    .requiredOption('--site-name <NAME>', 'site name')
    .action(run(async (o: GlobalOptions & { siteCode: string; siteName: string }) => {
      // --operator is the program-wide option; init requires it.
      if (!o.operator) throw new ObminError('USAGE', { detail: "required option '--operator <NAME>' not specified" });
      const core = openCore(o, io);
      if (core.state().initialised) throw new ObminError('ALREADY_INITIALISED', { dir: core.paths.dir });
      const passphrase = await readPassphrase(o, io);
      const s = await core.init({ siteCode: o.siteCode.trim().toUpperCase(), siteName: o.siteName, operator: o.operator, passphrase });
      core.close();
      io.out(`${s.site.code}: ${core.paths.dir}\n`);
    }));

  program
    .command('status')
    .description('site, operator and register counts')
    .option('--json', 'machine-readable output')
    .action(run(async (o: GlobalOptions & { json?: boolean }) => {
      const core = await unlocked(o, io);
      try {
        const s = core.sessionInfo();
        const status = { site: s.site, operator: { name: s.operator.name, role: s.operator.role }, persons: core.countPersons(), schemaVersion: SCHEMA_VERSION, dataDir: core.paths.dir };
        if (o.json) printJson(io, status);
        else io.out(`${status.site.code} — ${status.site.name}\n${status.operator.name} (${status.operator.role})\npersons: ${status.persons}\n`);
      } finally {
        core.close();
      }
    }));

  const operators = program.command('operators').description('operators and their passphrases');
  operators
    .command('list')
    .option('--json', 'machine-readable output')
    .action(run(async (o: GlobalOptions & { json?: boolean }) => {
      const core = await unlocked(o, io);
      try {
        const list = core.listOperators();
        if (o.json) printJson(io, list);
        else for (const op of list) io.out(`${op.name}\t${op.role}\t${op.disabled ? 'disabled' : 'active'}\n`);
      } finally {
        core.close();
      }
    }));
  operators
    .command('add')
    .argument('<name>', 'operator name')
    .addOption(new Option('--role <ROLE>', 'role').choices([...ROLES]).makeOptionMandatory())
    .option('--new-passphrase-file <FILE>', 'the new operator’s passphrase (else OBMIN_NEW_PASSPHRASE or a prompt)')
    .action(run(async (name: string, o: GlobalOptions & { role: Role; newPassphraseFile?: string }) => {
      const core = await unlocked(o, io);
      try {
        const passphrase = await newPassphrase(o, io);
        const op = await core.addOperator({ name, role: o.role, passphrase });
        io.out(`${op.name}\t${op.role}\n`);
      } finally {
        core.close();
      }
    }));
  operators
    .command('passwd')
    .argument('[name]', 'another operator (admin only); without it, your own passphrase')
    .option('--new-passphrase-file <FILE>', 'the new passphrase (else OBMIN_NEW_PASSPHRASE or a prompt)')
    .action(run(async (name: string | undefined, o: GlobalOptions & { newPassphraseFile?: string }) => {
      const current = await readPassphrase(o, io);
      const core = await unlocked(o, { ...io, env: { ...io.env, OBMIN_PASSPHRASE: current } });
      try {
        const next = await newPassphrase(o, io);
        if (name === undefined) await core.changePassphrase(current, next);
        else await core.resetPassphrase(findOperator(core.listOperators(), name), next);
      } finally {
        core.close();
      }
    }));
  operators
    .command('disable')
    .argument('<name>', 'operator name')
    .action(run(async (name: string, o: GlobalOptions) => {
      const core = await unlocked(o, io);
      try {
        core.disableOperator(findOperator(core.listOperators(), name));
      } finally {
        core.close();
      }
    }));

  program
    .command('audit')
    .description('the hash-chained audit log')
    .command('verify')
    .option('--json', 'machine-readable output')
    .action(run(async (o: GlobalOptions & { json?: boolean }) => {
      const core = await unlocked(o, io);
      try {
        const r = core.auditVerify();
        if (o.json) printJson(io, r);
        else io.out(r.ok ? `ok: ${r.entries}\n` : `broken at entry ${r.firstBrokenSeq}\n`);
        if (!r.ok) throw new ObminError('VERIFICATION_FAILED', { detail: `audit entry ${r.firstBrokenSeq}` });
      } finally {
        core.close();
      }
    }));

  program
    .command('backup')
    .description('write an encrypted backup (database pages and key slots) to one file')
    .requiredOption('--out <FILE>', 'backup file')
    .action(run(async (o: GlobalOptions & { out: string }) => {
      const core = await unlocked(o, io);
      try {
        const r = core.backup(o.out);
        io.out(`${o.out}\t${r.bytes}\t${r.sha256}\n`);
      } finally {
        core.close();
      }
    }));

  program
    .command('restore')
    .description('restore a backup into an empty data folder, verified with an operator’s passphrase')
    .requiredOption('--from <FILE>', 'backup file')
    .action(run(async (o: GlobalOptions) => {
      const from = (o as { from: string }).from;
      const core = openCore(o, io);
      const passphrase = await readPassphrase(o, io);
      const s = await core.restore(from, o.operator ?? io.env.OBMIN_OPERATOR ?? null, passphrase);
      core.close();
      io.out(`${s.site.code}: ${core.paths.dir}\n`);
    }));

  program
    .command('rotate-key')
    .description('replace the database key (admin)')
    .action(run(async (o: GlobalOptions) => {
      const core = await unlocked(o, io);
      try {
        core.rotateKey();
      } finally {
        core.close();
      }
    }));
};

async function newPassphrase(o: GlobalOptions & { newPassphraseFile?: string }, io: Io): Promise<string> {
  if (io.env.OBMIN_NEW_PASSPHRASE) return io.env.OBMIN_NEW_PASSPHRASE;
  return readPassphrase({ passphraseFile: o.newPassphraseFile ?? '' }, { ...io, env: {} }, 'Нова парольна фраза / New passphrase: ').catch((e) => {
    if (!o.newPassphraseFile && !io.stdin.isTTY) throw new ObminError('USAGE', { detail: 'OBMIN_NEW_PASSPHRASE or --new-passphrase-file' });
    throw e;
  });
}

function findOperator(list: { id: string; name: string }[], name: string): string {
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('uk');
  const op = list.find((x) => fold(x.name) === fold(name));
  if (!op) throw new ObminError('NOT_FOUND', { what: name });
  return op.id;
}
