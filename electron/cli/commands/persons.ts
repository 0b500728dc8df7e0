// The register's commands. Each is a thin mapping: flags → one or two contract calls → printed result.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { writeFileAtomic } from '../../core';
import { checkArgs } from '../call';
import { readInputFile } from '../files';
import { printJson, withSession, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

export const personsCommands: CliModule = (program: Command, io: Io, run) => {
  const persons = program.command('persons').description('the register of people');

  persons
    .command('import')
    .description('import people from CSV or XLSX (updates by ref, all or nothing)')
    .argument('<file>', 'CSV or XLSX file')
    .option('--skip-invalid', 'apply the valid rows and skip the rows with errors')
    .addOption(new Option('--encoding <ENC>', 'text encoding of a CSV (else detected)').choices(['utf-8', 'windows-1251']))
    .option('--json', 'machine-readable output')
    .action(
      run(async (file: string, o: GlobalOptions & { skipInvalid?: boolean; encoding?: 'utf-8' | 'windows-1251'; json?: boolean }) => {
        const bytes = readInputFile(file);
        await withSession(o, io, async (call) => {
          const preview = await call('persons.importPreview', { ...bytes, ...(o.encoding ? { encoding: o.encoding } : {}) });
          if (preview.invalid > 0 && !o.skipInvalid) {
            // One line: how many rows are wrong and the first of them; nothing has been written.
            const e = preview.errors[0];
            const first = e ? `${e.row}: ${e.code}${e.column ? ` (${e.column})` : ''}` : '';
            throw new ObminError('FILE_MALFORMED', { count: preview.invalid, first }, 'errors.IMPORT_ROWS');
          }
          const r = await call('persons.importApply', { token: preview.token, skipInvalid: Boolean(o.skipInvalid) });
          if (o.json) printJson(io, { ...r, total: preview.total, invalid: preview.invalid });
          else io.out(`created: ${r.created}\nupdated: ${r.updated}\nunchanged: ${r.unchanged}\nskipped: ${r.skipped}\n`);
        });
      }),
    );

  persons
    .command('export')
    .description('export the register to CSV or XLSX')
    .requiredOption('--out <FILE>', 'output file')
    .addOption(new Option('--format <FORMAT>', 'csv or xlsx').choices(['csv', 'xlsx']))
    .action(
      run(async (o: GlobalOptions & { out: string; format?: 'csv' | 'xlsx' }) => {
        await withSession(o, io, async (call, core) => {
          core.assertOutsideData(o.out);
          const format = o.format ?? (o.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv');
          // The window's export: the bytes come back (audited there), and the CLI writes them where it was told.
          const r = await call('persons.export', { format, query: '', filters: {} });
          writeFileAtomic(path.resolve(o.out), Buffer.from(r.dataBase64 ?? '', 'base64'));
          io.out(`${o.out}\t${r.rows}\t${r.sha256}\n`);
        });
      }),
    );

  persons
    .command('show')
    .description('one person by ref or id')
    .argument('<refOrId>', 'ref or id')
    .option('--json', 'machine-readable output')
    .action(
      run(async (refOrId: string, o: GlobalOptions & { json?: boolean }) => {
        await withSession(o, io, async (call) => {
          const d = await call('persons.find', { refOrId });
          const p = d.person;
          if (o.json)
            printJson(io, {
              ...p,
              sources: d.sources,
              sightings: d.sightings,
              relatives: d.relatives,
              attachments: d.attachments,
              statusHistory: d.statusHistory,
            });
          else io.out(`${p.ref ?? p.id}\t${[p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ')}\t${p.dateOfBirth ?? ''}\t${p.status}\n`);
        });
      }),
    );

  program
    .command('search')
    .description('search the register across scripts')
    .argument('<query>', 'name, ref or other text')
    .option('--limit <N>', 'at most N results', '20')
    .option('--json', 'machine-readable output')
    .action(
      run(async (query: string, o: GlobalOptions & { limit: string; json?: boolean }) => {
        const args = checkArgs('persons.search', { query, limit: Number(o.limit) });
        await withSession(o, io, async (call) => {
          const r = await call('persons.search', args);
          const rows = r.rows.map((p) => ({
            personId: p.id,
            ref: p.ref,
            surname: p.surname,
            given_name: p.givenName,
            patronymic: p.patronymic,
            date_of_birth: p.dateOfBirth,
            status: p.status,
            score: p.score ?? 0,
          }));
          if (o.json) printJson(io, rows);
          else
            for (const p of rows)
              io.out(
                `${p.score.toFixed(3)}\t${p.ref ?? p.personId}\t${[p.surname, p.given_name, p.patronymic].filter(Boolean).join(' ')}\t${p.date_of_birth ?? ''}\n`,
              );
        });
      }),
    );
};
