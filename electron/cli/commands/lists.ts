// Intake lists' commands. Each is a thin mapping: flags → contract calls → printed result (docs/architecture.md).
import { Option, type Command } from 'commander';
import { LIST_KINDS, type ListKind } from '../../../shared/lists';
import type { MatchCandidate } from '../../../shared/lists';
import type { Call } from '../call';
import { checkArgs } from '../call';
import { readInputFile } from '../files';
import { printJson, withSession, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const candidateOut = (c: MatchCandidate) => ({
  personId: c.personId,
  ref: c.ref,
  score: round(c.score),
  reasons: c.reasons.map((x) => `${x.field}:${x.kind}`),
});

async function personId(call: Call, refOrId: string): Promise<string> {
  return (await call('persons.find', { refOrId })).person.id;
}

export const listsCommands: CliModule = (program: Command, io: Io, run) => {
  const lists = program.command('lists').description('intake lists: match names against the register, import, duplicates');

  lists
    .command('match')
    .description('match a list against the register (changes nothing)')
    .argument('<file>', 'CSV (name | surname, given_name, patronymic; date_of_birth; unit), XLSX, or TXT (one person per line)')
    .option('--json', 'machine-readable output')
    .action(
      run(async (file: string, o: GlobalOptions & { json?: boolean }) => {
        const { fileName, dataBase64 } = readInputFile(file);
        await withSession(o, io, async (call) => {
          const rows = await call('lists.match', { input: { filename: fileName, dataBase64 } });
          const out = rows.map((r) => ({
            row: r.row,
            suggestion: r.suggestion,
            candidates: r.candidates.map(candidateOut),
            ...(r.problems.length ? { problems: r.problems } : {}),
          }));
          if (o.json) printJson(io, out);
          else for (const e of out) io.out(`${e.row}\t${e.suggestion}\t${e.candidates.map((c) => `${c.ref ?? c.personId}:${c.score.toFixed(3)}`).join(' ')}\n`);
        });
      }),
    );

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
    .action(
      run(
        async (
          file: string,
          o: GlobalOptions & {
            kind: ListKind;
            title?: string;
            received?: string;
            place?: string;
            reliability: 'A';
            credibility: string;
            acceptLinks?: boolean;
            json?: boolean;
          },
        ) => {
          const { fileName, dataBase64 } = readInputFile(file);
          const meta = {
            kind: o.kind,
            title: o.title ?? fileName,
            receivedDate: o.received ?? null,
            place: o.place ?? null,
            reliability: o.reliability,
            credibility: Number(o.credibility),
          };
          // The flags are checked against the contract before the passphrase is asked for.
          checkArgs('lists.import', { ...meta, input: { text: '' } });
          await withSession(o, io, async (call) => {
            const r = await call('lists.import', { ...meta, input: { filename: fileName, dataBase64 } });
            const linked = o.acceptLinks ? (await call('lists.acceptSuggested', { listId: r.listId })).linked : 0;
            if (o.json) printJson(io, { listId: r.listId, ...r.counts, problems: r.problems, linked });
            else
              io.out(
                `list: ${r.listId}\nentries: ${r.counts.total}\nlink: ${r.counts.link}\nreview: ${r.counts.review}\nnew: ${r.counts.new}\nproblems: ${r.problems}\nlinked: ${linked}\n`,
              );
          });
        },
      ),
    );

  lists
    .command('duplicates')
    .description('possible duplicates in the register')
    .option('--limit <N>', 'at most N pairs', '50')
    .option('--cursor <ID>', 'continue after this person id')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & { limit: string; cursor?: string; json?: boolean }) => {
        const args = checkArgs('persons.duplicates', { cursor: o.cursor ?? null, limit: Number(o.limit) });
        await withSession(o, io, async (call) => {
          const page = await call('persons.duplicates', args);
          const pairs = page.pairs.map((p) => ({
            a: { personId: p.a.personId, ref: p.a.ref },
            b: { personId: p.b.personId, ref: p.b.ref },
            score: round(p.score),
            suggestion: p.suggestion,
          }));
          if (o.json) printJson(io, { pairs, nextCursor: page.nextCursor });
          else for (const p of pairs) io.out(`${p.score.toFixed(3)}\t${p.a.ref ?? p.a.personId}\t${p.b.ref ?? p.b.personId}\n`);
        });
      }),
    );

  lists
    .command('merge')
    .description('merge two records of one person: everything moves to KEEP, MERGE is tombstoned')
    .argument('<keep>', 'ref or id of the record to keep')
    .argument('<merge>', 'ref or id of the record merged into it')
    .requiredOption('--yes', 'confirm: this cannot be undone from the command line')
    .option('--json', 'machine-readable output')
    .action(
      run(async (keep: string, merge: string, o: GlobalOptions & { json?: boolean }) => {
        await withSession(o, io, async (call) => {
          const r = await call('persons.merge', { keepId: await personId(call, keep), mergeId: await personId(call, merge) });
          if (o.json) printJson(io, r);
          else
            io.out(
              `kept: ${r.keptId}\nmerged: ${r.mergedId}\n${Object.entries(r.moved)
                .map(([k, v]) => `${k}: ${v}`)
                .join('\n')}\n`,
            );
        });
      }),
    );
};
