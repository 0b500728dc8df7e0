import { Option, type Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { translate } from '../../../shared/i18n';
import type { ResultOf } from '../../../shared/ipc/contract';
import { DELETED, type KeepSide } from '../../../shared/replication';
import type { Call } from '../call';
import { localeOf, printJson, withSession, type GlobalOptions, type Io } from '../context';
import type { Locale } from '../../../shared/ipc/schemas';
import type { CliModule } from './types';

const show = (v: unknown) => (v === null ? '∅' : String(v));
/** The field and a value as a person reads them: `deleted` (a delete against an edit) in words, other fields as kept. */
const fieldWords = (locale: Locale, field: string) => (field === DELETED ? translate(locale, 'replication.conflicts.deletionField') : field);
const valueWords = (locale: Locale, field: string, v: unknown) =>
  field !== DELETED ? show(v) : translate(locale, v === 1 ? 'replication.conflicts.deletedValue' : 'replication.conflicts.standsValue');
type Entries = ResultOf<'conflicts.list'>['entries'];

/** Every open conflict, page by page (the window pages the same channel). */
async function allConflicts(call: Call): Promise<Entries> {
  const entries: Entries = [];
  for (let total = 1; entries.length < total;) {
    const page = await call('conflicts.list', { limit: 1000, offset: entries.length });
    if (!page.entries.length) break;
    entries.push(...page.entries);
    total = page.total;
  }
  return entries;
}

/** The typed word as the field's values are kept: a number where the sides hold numbers, empty = no value. */
function typed(entries: Entries, id: number, raw: string): string | number | null {
  if (raw.trim() === '') return null;
  const c = entries.find((e) => e.id === id);
  const numeric = c && [c.mine.value, c.theirs.value].some((v) => typeof v === 'number');
  return numeric && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

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
          const entries = await allConflicts(call);
          const locale = localeOf(o, io, core);
          if (o.json) printJson(io, entries);
          else if (!entries.length) io.out(`${translate(locale, 'replication.conflicts.none')}\n`);
          else
            for (const c of entries) {
              const [mine, theirs] = [valueWords(locale, c.field, c.mine.value), valueWords(locale, c.field, c.theirs.value)];
              io.out(
                `${c.id}\t${c.ref ?? c.row}\t${fieldWords(locale, c.field)}\tmine: ${mine} (${c.mine.at}, ${c.mine.siteCode ?? c.mine.site})\ttheirs: ${theirs} (${c.theirs.at}, ${c.theirs.siteCode ?? c.theirs.site})\n`,
              );
            }
        });
      }),
    );

  conflicts
    .command('resolve')
    .description('keep one side, or write another value (--value); the decision is an ordinary edit that travels to the other sites')
    .argument('<id>', 'conflict id from `conflicts list`')
    .addOption(new Option('--keep <SIDE>', 'mine = the value shown now, theirs = the other kept value').choices(['mine', 'theirs']).conflicts('value'))
    .option('--value <V>', 'a third value for the field, checked as the form checks it (empty = clear the field)')
    .option('--json', 'machine-readable output')
    .action(
      run(async (id: string, o: GlobalOptions & { keep?: KeepSide; value?: string; json?: boolean }) => {
        const n = Number(id);
        if (!Number.isSafeInteger(n) || n < 1) throw new ObminError('USAGE', { detail: `conflict id: ${id}` });
        if (o.keep === undefined && o.value === undefined) throw new ObminError('USAGE', { detail: '--keep mine|theirs or --value V' });
        await withSession(o, io, async (call, core) => {
          const sent = o.keep ? null : typed(await allConflicts(call), n, o.value!);
          const c = o.keep ? await call('conflicts.resolve', { id: n, keep: o.keep }) : await call('conflicts.resolve', { id: n, value: sent });
          const value = o.keep ? (o.keep === 'mine' ? c.mine.value : c.theirs.value) : sent;
          if (o.json) printJson(io, { id: c.id, ref: c.ref, field: c.field, kept: o.keep ?? 'value', value });
          else {
            const locale = localeOf(o, io, core);
            io.out(
              `${translate(locale, 'replication.conflicts.kept', { value: valueWords(locale, c.field, value), field: fieldWords(locale, c.field), ref: c.ref ?? c.row })}\n`,
            );
          }
        });
      }),
    );
};
