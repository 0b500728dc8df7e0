// `obmin exchange …`: thin mappings onto the exchanges IPC channels, called in-process through the same router.
import fs from 'node:fs';
import { Option, type Command } from 'commander';
import { ObminError } from '../../../shared/errors';
import { HANDOVER_STATES, MEDIATORS, type EntryView, type HandoverState, type Mediator } from '../../../shared/exchanges';
import type { Call } from '../call';
import { printJson, withSession, type GlobalOptions, type Io } from '../context';
import type { CliModule } from './types';

/** A person's id by ref, or null when the register has no such ref. */
async function personIdOf(call: Call, ref: string): Promise<string | null> {
  try {
    return (await call('persons.find', { refOrId: ref })).person.id;
  } catch (e) {
    if (e instanceof ObminError && e.code === 'NOT_FOUND') return null;
    throw e;
  }
}

function roundNumber(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new ObminError('USAGE', { detail: `--number ${v}` });
  return n;
}

async function roundId(call: Call, number: number): Promise<string> {
  const r = (await call('exchanges.list', {})).find((x) => x.number === number);
  if (!r) throw new ObminError('NOT_FOUND', { number }, 'exchanges.errors.noRound');
  return r.id;
}

/** Both lists in full, page by page. */
async function allEntries(call: Call, roundId: string): Promise<{ receive: EntryView[]; give: EntryView[] }> {
  const out = { receive: [] as EntryView[], give: [] as EntryView[] };
  for (const direction of ['receive', 'give'] as const) {
    for (;;) {
      const page = await call('exchanges.entries', { roundId, direction, offset: out[direction].length, limit: 5000 });
      out[direction].push(...page.rows);
      if (page.rows.length === 0 || out[direction].length >= page.total) break;
    }
  }
  return out;
}

const entryOut = (e: EntryView) => ({
  ref: e.ref,
  personId: e.personId,
  surname: e.surname,
  givenName: e.givenName,
  category: e.category,
  state: e.state,
  unexpected: e.unexpected,
  warnings: e.warnings,
});

const mediatorsOf = (v: string | undefined): Mediator[] => {
  const list = (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((m) => !(MEDIATORS as readonly string[]).includes(m));
  if (bad) throw new ObminError('USAGE', { detail: `--mediator ${bad} (${MEDIATORS.join(', ')})` });
  return list as Mediator[];
};

type O = GlobalOptions & { number: string; json?: boolean };

export const exchangeCommands: CliModule = (program: Command, io: Io, run) => {
  const ex = program.command('exchange').description('exchange rounds: the two lists, proposals, handover, closing');
  const num = (c: Command) => c.requiredOption('--number <N>', 'the round’s number');

  num(ex.command('create').description('a new round (status: planning)'))
    .option('--place <P>', 'handover point')
    .option('--planned-date <D>', 'planned date (YYYY-MM-DD)')
    .option('--mediator <M>', `mediators, comma-separated (${MEDIATORS.join(', ')})`)
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: O & { place?: string; plannedDate?: string; mediator?: string }) => {
        const args = { number: roundNumber(o.number), place: o.place ?? null, plannedDate: o.plannedDate ?? null, mediators: mediatorsOf(o.mediator) };
        await withSession(o, io, async (call) => {
          const r = await call('exchanges.create', args);
          if (o.json) printJson(io, r);
          else io.out(`round: ${r.number}\nstatus: ${r.status}\n`);
        });
      }),
    );

  num(ex.command('add').description('add people by ref to one direction, all or nothing'))
    .addOption(new Option('--direction <D>', 'receive (our people) or give (people we hold)').choices(['receive', 'give']).makeOptionMandatory())
    .requiredOption('--refs-file <FILE>', 'one ref per line')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: O & { direction: 'receive' | 'give'; refsFile: string }) => {
        let text: string;
        try {
          text = fs.readFileSync(o.refsFile, 'utf8');
        } catch {
          throw new ObminError('IO', { file: o.refsFile });
        }
        const refs = text
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter(Boolean);
        if (refs.length === 0) throw new ObminError('USAGE', { detail: `--refs-file ${o.refsFile}: 0` });
        await withSession(o, io, async (call) => {
          const ids: (string | null)[] = [];
          for (const ref of refs) ids.push(await personIdOf(call, ref));
          const unknown = refs.filter((_, i) => ids[i] === null);
          if (unknown.length)
            throw new ObminError('NOT_FOUND', { count: unknown.length, refs: unknown.slice(0, 10).join(', ') }, 'exchanges.errors.unknownRefs');
          const r = await call('exchanges.add', { roundId: await roundId(call, roundNumber(o.number)), direction: o.direction, personIds: ids as string[] });
          if (o.json) printJson(io, r);
          else io.out(`added: ${r.added}\n`);
        });
      }),
    );

  num(ex.command('freeze').description('freeze both lists as the next proposal sent to the counterpart'))
    .option('--mediator <M>', `through which mediator (${MEDIATORS.join(', ')})`)
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: O & { mediator?: string }) => {
        const mediator = mediatorsOf(o.mediator)[0] ?? null;
        await withSession(o, io, async (call) => {
          const r = await call('exchanges.freeze', { roundId: await roundId(call, roundNumber(o.number)), mediator });
          if (o.json) printJson(io, r);
          else io.out(`version: ${r.version}\n`);
        });
      }),
    );

  num(ex.command('handover').description('mark one person at the handover'))
    .requiredOption('--ref <REF>', 'the person’s ref')
    .addOption(new Option('--state <S>', 'the mark').choices([...HANDOVER_STATES]).makeOptionMandatory())
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: O & { ref: string; state: HandoverState }) => {
        await withSession(o, io, async (call) => {
          const id = await roundId(call, roundNumber(o.number));
          const personId = await personIdOf(call, o.ref);
          if (!personId) throw new ObminError('NOT_FOUND', { count: 1, refs: o.ref }, 'exchanges.errors.unknownRefs');
          const d = await allEntries(call, id);
          const entry = [...d.receive, ...d.give].find((e) => e.personId === personId);
          if (!entry) throw new ObminError('NOT_FOUND', { what: `${o.ref} / ${o.number}` });
          const r = await call('exchanges.mark', { entryId: entry.id, state: o.state });
          if (o.json) printJson(io, { ref: o.ref, ...r });
          else io.out(`${o.ref}: ${r.previous} → ${r.state}\n`);
        });
      }),
    );

  num(ex.command('close').description('close the round: statuses, totals, the liaison’s tasks'))
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: O) => {
        await withSession(o, io, async (call) => {
          const r = await call('exchanges.close', { id: await roundId(call, roundNumber(o.number)) });
          if (o.json) printJson(io, r);
          else
            io.out(
              `${r.round.summary?.[o.lang === 'en' || io.env.OBMIN_LANG === 'en' ? 'en' : 'uk'] ?? ''}\nstatus changes: ${r.changed}\ntasks: ${r.tasks}\n`,
            );
        });
      }),
    );

  num(ex.command('cancel').description('cancel a round that has not been carried out'))
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: O) => {
        await withSession(o, io, async (call) => {
          const r = await call('exchanges.cancel', { id: await roundId(call, roundNumber(o.number)) });
          if (o.json) printJson(io, r);
          else io.out(`round: ${r.number}\nstatus: ${r.status}\n`);
        });
      }),
    );

  ex.command('list')
    .description('all rounds with status and totals')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & { json?: boolean }) => {
        await withSession(o, io, async (call) => {
          const rounds = await call('exchanges.list', {});
          if (o.json) printJson(io, rounds);
          else for (const r of rounds) io.out(`${r.number}\t${r.status}\t${r.actualDate ?? r.plannedDate ?? ''}\t${r.place ?? ''}\n`);
        });
      }),
    );

  num(ex.command('show').description('one round: both lists, proposals, totals'))
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: O) => {
        await withSession(o, io, async (call) => {
          const id = await roundId(call, roundNumber(o.number));
          const d = await call('exchanges.get', { id });
          const lists = await allEntries(call, id);
          const out = {
            ...d.round,
            receive: lists.receive.map(entryOut),
            give: lists.give.map(entryOut),
            proposals: d.proposals,
            awaitingAnswer: d.awaitingAnswer,
            warnings: d.warnings,
          };
          if (o.json) printJson(io, out);
          else {
            io.out(`round: ${d.round.number}\nstatus: ${d.round.status}\n`);
            for (const dir of ['receive', 'give'] as const)
              for (const e of lists[dir]) io.out(`${dir}\t${e.ref ?? e.personId}\t${e.state}\t${e.surname} ${e.givenName ?? ''}\n`);
          }
        });
      }),
    );

  ex.command('tasks')
    .description('the liaison’s list: families to call after closed rounds')
    .option('--all', 'done tasks too')
    .option('--json', 'machine-readable output')
    .action(
      run(async (o: GlobalOptions & { all?: boolean; json?: boolean }) => {
        await withSession(o, io, async (call) => {
          const tasks = await call('exchanges.tasks', { open: !o.all });
          if (o.json) printJson(io, tasks);
          else for (const t of tasks) io.out(`${t.roundNumber}\t${t.ref ?? t.personId}\t${t.reason}\t${t.done ? 'done' : 'open'}\t${t.name}\n`);
        });
      }),
    );
};
