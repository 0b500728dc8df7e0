import { Option, type Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { LIST_KINDS, type ListKind } from '../../../shared/lists';
import { acceptAllSuggested, importList, matchEntries, readIntakeFile } from '../../core/lists';
import { findDuplicates } from '../../core/register/duplicates';
import { mergePersons } from '../../core/register/merge';
import { findPersonByRefOrId } from '../../core/register/persons';
import { printJson, unlocked, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

type Core = Awaited<ReturnType<typeof unlocked>>;

async function withCore<T>(o: GlobalOptions, io: Io, fn: (core: Core) => Promise<T> | T): Promise<T> {
  const core = await unlocked(o, io);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

function personId(core: Core, refOrId: string): string {
  const p = findPersonByRefOrId(core.require('register.read').db, refOrId);
  if (!p) throw new ObminError('NOT_FOUND', { what: refOrId });
  return p.id;
}

export const listsCommands: CliModule = (program: Command, io: Io, run) => {
  const lists = program.command('lists').description('intake lists: match names against the register, import, duplicates');

  lists
    .command('match')
    .description('match a list against the register (changes nothing)')
    .argument('<file>', 'CSV (name | surname, given_name, patronymic; date_of_birth; unit), XLSX, or TXT (one person per line)')
    .option('--json', 'machine-readable output')
    .action(run(async (file: string, o: GlobalOptions & { json?: boolean }) => {
      // Read (and refuse a malformed file) before asking for the passphrase.
      const read = await readIntakeFile(file);
      await withCore(o, io, (core) => {
        const db = core.require('register.read').db;
        const matches = matchEntries(db, read.rows.map((r) => r.parsed));
        const out = read.rows.map((r, i) => ({
          row: r.row,
          suggestion: matches[i]!.suggestion,
          candidates: matches[i]!.candidates.map((c) => ({ personId: c.personId, ref: c.ref, score: round(c.score), reasons: c.reasons.map((x) => `${x.field}:${x.kind}`) })),
          ...(r.parsed.problems.length ? { problems: r.parsed.problems } : {}),
        }));
        if (o.json) printJson(io, out);
        else for (const e of out) io.out(`${e.row}\t${e.suggestion}\t${e.candidates.map((c) => `${c.ref ?? c.personId}:${c.score.toFixed(3)}`).join(' ')}\n`);
      });
    }));

  lists
    .command('import')
    .description('save a list with its suggestions (people change only when decisions are applied)')
    .argument('<file>', 'CSV, XLSX or TXT')
    .addOption(new Option('--kind <KIND>', 'kind of list').choices([...LIST_KINDS]).default('debriefing'))
    .option('--title <TITLE>', 'title (default: the file name)')
    .option('--received <DATE>', 'date the list was received (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--place <PLACE>', 'where the people were seen (for the sightings)')
    .addOption(new Option('--reliability <A-F>', 'reliability of the source').choices(['A', 'B', 'C', 'D', 'E', 'F']).default('F'))
    .addOption(new Option('--credibility <1-6>', 'credibility of the information').choices(['1', '2', '3', '4', '5', '6']).default('6'))
    .option('--accept-links', 'also link the entries whose suggestion is a clear link')
    .option('--json', 'machine-readable output')
    .action(run(async (file: string, o: GlobalOptions & { kind: ListKind; title?: string; received?: string; place?: string; reliability: 'A'; credibility: string; acceptLinks?: boolean; json?: boolean }) => {
      if (o.received && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(o.received)) throw new ObminError('USAGE', { detail: '--received YYYY[-MM[-DD]]' });
      const read = await readIntakeFile(file);
      await withCore(o, io, async (core) => {
        const s = core.require('lists.write');
        const title = o.title ?? file.split(/[\\/]/).pop() ?? file;
        const r = await importList(s.db, s.operator.id, {
          kind: o.kind, title, receivedDate: o.received ?? null, place: o.place ?? null, reliability: o.reliability, credibility: Number(o.credibility),
          fileName: file.split(/[\\/]/).pop() ?? null, fileSha256: read.sha256,
        }, read.rows);
        const linked = o.acceptLinks ? acceptAllSuggested(s.db, s.operator.id, r.listId).linked : 0;
        if (o.json) printJson(io, { listId: r.listId, ...r.counts, problems: r.problems, linked });
        else io.out(`list: ${r.listId}\nentries: ${r.counts.total}\nlink: ${r.counts.link}\nreview: ${r.counts.review}\nnew: ${r.counts.new}\nproblems: ${r.problems}\nlinked: ${linked}\n`);
      });
    }));

  lists
    .command('duplicates')
    .description('possible duplicates in the register')
    .option('--limit <N>', 'at most N pairs', '50')
    .option('--cursor <ID>', 'continue after this person id')
    .option('--json', 'machine-readable output')
    .action(run(async (o: GlobalOptions & { limit: string; cursor?: string; json?: boolean }) => {
      await withCore(o, io, (core) => {
        const limit = Math.min(Math.max(Number.parseInt(o.limit, 10) || 50, 1), 1000);
        const page = findDuplicates(core.require('register.read').db, { cursor: o.cursor ?? null, limit });
        const pairs = page.pairs.map((p) => ({ a: { personId: p.a.personId, ref: p.a.ref }, b: { personId: p.b.personId, ref: p.b.ref }, score: round(p.score), suggestion: p.suggestion }));
        if (o.json) printJson(io, { pairs, nextCursor: page.nextCursor });
        else for (const p of pairs) io.out(`${p.score.toFixed(3)}\t${p.a.ref ?? p.a.personId}\t${p.b.ref ?? p.b.personId}\n`);
      });
    }));

  lists
    .command('merge')
    .description('merge two records of one person: everything moves to KEEP, MERGE is tombstoned')
    .argument('<keep>', 'ref or id of the record to keep')
    .argument('<merge>', 'ref or id of the record merged into it')
    .requiredOption('--yes', 'confirm: this cannot be undone from the command line')
    .option('--json', 'machine-readable output')
    .action(run(async (keep: string, merge: string, o: GlobalOptions & { json?: boolean }) => {
      await withCore(o, io, (core) => {
        const s = core.require('register.write');
        core.require('family.write');
        const r = mergePersons(s.db, s.operator.id, personId(core, keep), personId(core, merge));
        if (o.json) printJson(io, r);
        else io.out(`kept: ${r.keptId}\nmerged: ${r.mergedId}\n${Object.entries(r.moved).map(([k, v]) => `${k}: ${v}`).join('\n')}\n`);
      });
    }));
};
