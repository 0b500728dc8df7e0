import { Option, type Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { personDetail } from '../../core/register/detail';
import { exportPersons } from '../../core/register/export';
import { applyImport, previewImport } from '../../core/register/import';
import { findPersonByRefOrId } from '../../core/register/persons';
import { searchPersons } from '../../core/register/search';
import { fillDemo } from '../../core/demo/demo';
import { can } from '../../../shared/domain/roles';
import { openCore, printJson, readPassphrase, unlocked, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

async function withCore<T>(o: GlobalOptions, io: Io, fn: (core: Awaited<ReturnType<typeof unlocked>>) => Promise<T> | T): Promise<T> {
  const core = await unlocked(o, io);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

export const personsCommands: CliModule = (program: Command, io: Io, run) => {
  const persons = program.command('persons').description('the register of people');

  persons
    .command('import')
    .description('import people from CSV or XLSX (updates by ref, all or nothing)')
    .argument('<file>', 'CSV or XLSX file')
    .option('--skip-invalid', 'apply the valid rows and skip the rows with errors')
    .addOption(new Option('--encoding <ENC>', 'text encoding of a CSV (else detected)').choices(['utf-8', 'windows-1251']))
    .option('--json', 'machine-readable output')
    .action(run(async (file: string, o: GlobalOptions & { skipInvalid?: boolean; encoding?: string; json?: boolean }) => {
      await withCore(o, io, async (core) => {
        const s = core.require('register.import');
        const preview = await previewImport(s.db, { path: file, encoding: o.encoding });
        if (preview.invalid > 0 && !o.skipInvalid) {
          // One line: how many rows are wrong and the first of them; nothing has been written.
          const e = preview.errors[0];
          const first = e ? `${e.row}: ${e.code}${e.column ? ` (${e.column})` : ''}` : '';
          throw new ObminError('FILE_MALFORMED', { count: preview.invalid, first }, 'errors.IMPORT_ROWS');
        }
        const r = await applyImport(s.db, s.operator.id, { token: preview.token, skipInvalid: Boolean(o.skipInvalid) });
        if (o.json) printJson(io, { ...r, total: preview.total, invalid: preview.invalid });
        else io.out(`created: ${r.created}\nupdated: ${r.updated}\nunchanged: ${r.unchanged}\nskipped: ${r.skipped}\n`);
      });
    }));

  persons
    .command('export')
    .description('export the register to CSV or XLSX')
    .requiredOption('--out <FILE>', 'output file')
    .addOption(new Option('--format <FORMAT>', 'csv or xlsx').choices(['csv', 'xlsx']))
    .action(run(async (o: GlobalOptions & { out: string; format?: 'csv' | 'xlsx' }) => {
      await withCore(o, io, async (core) => {
        const s = core.require('register.export');
        core.assertOutsideData(o.out);
        const format = o.format ?? (o.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
        const r = await exportPersons(s.db, s.operator.id, { path: o.out, format, query: '', filters: {} });
        io.out(`${r.path}\t${r.rows}\t${r.sha256}\n`);
      });
    }));

  persons
    .command('show')
    .description('one person by ref or id')
    .argument('<refOrId>', 'ref or id')
    .option('--json', 'machine-readable output')
    .action(run(async (refOrId: string, o: GlobalOptions & { json?: boolean }) => {
      await withCore(o, io, (core) => {
        const s = core.require('register.read');
        const p = findPersonByRefOrId(s.db, refOrId);
        if (!p) throw new ObminError('NOT_FOUND', { what: refOrId });
        const d = personDetail(s.db, p.id, can(s.operator.role, 'family.read'));
        if (o.json) printJson(io, { ...d.person, sources: d.sources, sightings: d.sightings, relatives: d.relatives, attachments: d.attachments, statusHistory: d.statusHistory });
        else io.out(`${p.ref ?? p.id}\t${[p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ')}\t${p.dateOfBirth ?? ''}\t${p.status}\n`);
      });
    }));

  program
    .command('search')
    .description('search the register across scripts')
    .argument('<query>', 'name, ref or other text')
    .option('--limit <N>', 'at most N results', '20')
    .option('--json', 'machine-readable output')
    .action(run(async (query: string, o: GlobalOptions & { limit: string; json?: boolean }) => {
      await withCore(o, io, (core) => {
        const limit = Math.min(Math.max(Number.parseInt(o.limit, 10) || 20, 1), 1000);
        const r = searchPersons(core.require('register.read').db, { query, filters: {}, offset: 0, limit });
        const rows = r.rows.map((p) => ({ personId: p.id, ref: p.ref, surname: p.surname, given_name: p.givenName, patronymic: p.patronymic, date_of_birth: p.dateOfBirth, status: p.status, score: p.score ?? 0 }));
        if (o.json) printJson(io, rows);
        else for (const p of rows) io.out(`${p.score.toFixed(3)}\t${p.ref ?? p.personId}\t${[p.surname, p.given_name, p.patronymic].filter(Boolean).join(' ')}\t${p.date_of_birth ?? ''}\n`);
      });
    }));

  program
    .command('demo')
    .description('fill the data folder with a fictional register (initialises it first if needed)')
    .option('--count <N>', 'number of people', '5000')
    .action(run(async (o: GlobalOptions & { count: string }) => {
      const count = Number.parseInt(o.count, 10);
      if (!Number.isInteger(count) || count < 1 || count > 1_000_000) throw new ObminError('USAGE', { detail: '--count 1…1000000' });
      const core = openCore(o, io);
      if (!core.state().initialised) {
        const passphrase = await readPassphrase(o, io);
        await core.init({ siteCode: 'DEMO-HQ', siteName: 'Демонстраційний штаб', operator: o.operator ?? 'Демо Адміністратор', passphrase });
        core.close();
      }
      await withCore(o, io, async (c) => {
        const s = c.require('register.write');
        const r = await fillDemo(s.db, s.operator.id, { count });
        io.out(`persons: ${r.persons}\nsources: ${r.sources}\nrelatives: ${r.relatives}\nattachments: ${r.attachments}\n`);
      });
    }));
};
