import { Option, type Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { translate } from '../../../shared/i18n';
import type { ResultOf } from '../../../shared/ipc/contract';
import type { KeepSide } from '../../../shared/replication';
import { localeOf, printJson, withSession, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

const show = (v: unknown) => (v === null ? '∅' : String(v));

/** The conflict queue: a thin mapping onto the same handlers the window calls (permissions included). */
export const conflictsCommands: CliModule = (program: Command, io: Io, run) => {
  const conflicts = program.command('conflicts').description('concurrent edits of one field from different sites, kept for a person to decide');

  conflicts
    .command('list')
    .description('open conflicts: the value shown now (mine) and the other kept value (theirs), with site, time and operator')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & { json?: boolean }) => {
        await withSession(o, io, async (call, core) => {
          // Every open conflict, page by page (the window pages the same channel).
          const entries: ResultOf<'conflicts.list'>['entries'] = [];
          for (let total = 1; entries.length < total;) {
            const page = await call('conflicts.list', { limit: 1000, offset: entries.length });
            if (!page.entries.length) break;
            entries.push(...page.entries);
            total = page.total;
          }
          if (o.json) printJson(io, entries);
          else if (!entries.length) io.out(`${translate(localeOf(o, io, core), 'replication.conflicts.none')}\n`);
          else
            for (const c of entries)
              io.out(
                `${c.id}\t${c.ref ?? c.row}\t${c.field}\tmine: ${show(c.mine.value)} (${c.mine.at}, ${c.mine.siteCode ?? c.mine.site})\ttheirs: ${show(c.theirs.value)} (${c.theirs.at}, ${c.theirs.siteCode ?? c.theirs.site})\n`,
              );
        });
      }),
    );

  conflicts
    .command('resolve')
    .description('keep one side; the decision is an ordinary edit that travels to the other sites')
    .argument('<id>', 'conflict id from `conflicts list`')
    .addOption(new Option('--keep <SIDE>', 'mine = the value shown now, theirs = the other kept value').choices(['mine', 'theirs']).makeOptionMandatory())
    .option('--json', 'machine-readable output')
    .action(
      run(async (id: string, o: GlobalOptions & { keep: KeepSide; json?: boolean }) => {
        const n = Number(id);
        if (!Number.isSafeInteger(n) || n < 1) throw new ObminError('USAGE', { detail: `conflict id: ${id}` });
        await withSession(o, io, async (call, core) => {
          const c = await call('conflicts.resolve', { id: n, keep: o.keep });
          const value = o.keep === 'mine' ? c.mine.value : c.theirs.value;
          if (o.json) printJson(io, { id: c.id, ref: c.ref, field: c.field, kept: o.keep, value });
          else io.out(`${translate(localeOf(o, io, core), 'replication.conflicts.kept', { value: show(value), field: c.field, ref: c.ref ?? c.row })}\n`);
        });
      }),
    );
};
