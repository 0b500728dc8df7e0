// Exchanges bench: a round of 1 000 + 1 000 people in a real encrypted vault. The round page's read (both lists with
// every person's warnings, the balance, proposals) and the diff of two 2 000-line proposals. Goals ≤ 100 ms each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, createRouter } from '../electron/core';
import { Writer } from '../electron/core/db/write';
import { addEntries, createRound, entryPage, freezeProposal, proposalLines, roundDetail, warningSummary } from '../electron/core/exchanges';
import { createPerson } from '../electron/core/register/persons';
import { diffProposals, type ProposalLine } from '../shared/exchanges';
import { pick, type BenchMeta } from './lib/report';

const N = Number(process.env.BENCH_EXCHANGES_N ?? 1000);
const RUNS = 15;

function stats(xs: number[]): { p50: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: Math.round(s[Math.floor(s.length / 2)]! * 10) / 10, max: Math.round(s[s.length - 1]! * 10) / 10 };
}

function time(fn: () => unknown): number[] {
  fn();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function run(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-bench-ex-'));
  const core = createCore({ dataDir: path.join(dir, 'v'), kdf: { memoryKiB: 8192, iterations: 1, parallelism: 1 } });
  await core.init({ siteCode: 'BENCH-HQ', siteName: 'Вигаданий штаб', operator: 'Вигаданий Оператор', passphrase: 'вишня-гора-мідний-ліхтар-42' });
  const s = core.require();
  const w = new Writer(s.db, s.operator.id);
  const round = s.db.transaction(() => {
    const ids = { receive: [] as string[], give: [] as string[] };
    for (let i = 0; i < 2 * N; i++) {
      const held = i % 2 === 1;
      const p = createPerson(
        w,
        {
          ref: `B-${i}`,
          surname: `Вигаданий${i % 400}`,
          givenName: 'Тарас',
          side: held ? 'held' : 'ours',
          category: i % 3 === 0 ? 'civilian' : 'military',
          status: held ? 'held' : i % 5 === 0 ? 'captivity_suspected' : 'captivity_confirmed',
          dateOfBirth: i % 7 ? '1990-01-01' : null,
          unit: i % 11 ? 'А1' : null,
        },
        { audit: false },
      );
      ids[held ? 'give' : 'receive'].push(p.id);
    }
    const r = createRound(w, { number: 90, mediators: ['icrc'] });
    addEntries(w, r.id, 'receive', ids.receive);
    addEntries(w, r.id, 'give', ids.give);
    freezeProposal(w, r.id);
    return r;
  })();

  const detail = roundDetail(s.db, round.id);
  if (detail.round.totals.listed.receive.military + detail.round.totals.listed.receive.civilian !== N) throw new Error('round not built');
  // Balance and warnings over all 2 000 people: what the balance panel shows after every change.
  const balance = stats(time(() => roundDetail(s.db, round.id, 0)));
  // What the round page asks for first: the same, plus the first 100 of each list with their warnings.
  const pageRead = stats(time(() => roundDetail(s.db, round.id, 100)));
  const warnings = stats(time(() => warningSummary(s.db, round.id)));
  // The first page of each list (what the round page paints first) and a whole list of 1 000 with its warnings.
  const wholeList = stats(time(() => entryPage(s.db, round.id, 'receive', 0, N)));
  // The same read through the router, as the window gets it (arguments and the result checked against the contract).
  const router = createRouter(core);
  const viaRouter: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await router.handle('exchanges.get', { id: round.id });
    viaRouter.push(performance.now() - t0);
    if (!r.ok) throw new Error('router read failed');
  }
  const v1 = proposalLines(s.db, round.id, 1);
  // v2: the counterpart drops every tenth, moves every 50th to the other direction, adds 100 people of their own.
  const v2: ProposalLine[] = v1
    .filter((_, i) => i % 10 !== 0)
    .map((l, i) => (i % 50 === 0 ? { ...l, direction: l.direction === 'receive' ? 'give' : 'receive' } : l));
  for (let i = 0; i < 100; i++) v2.push({ personId: `new-${i}`, direction: 'receive' });
  const diff = stats(time(() => diffProposals(v1, v2)));
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    exchanges_people: 2 * N,
    exchanges_balance_warnings_p50_ms: balance.p50,
    exchanges_balance_warnings_max_ms: balance.max,
    exchanges_warnings_only_p50_ms: warnings.p50,
    exchanges_round_page_read_p50_ms: pageRead.p50,
    exchanges_whole_list_1000_p50_ms: wholeList.p50,
    exchanges_round_read_router_p50_ms: stats(viaRouter).p50,
    exchanges_diff_p50_ms: diff.p50,
    exchanges_diff_max_ms: diff.max,
    exchanges_diff_items: diffProposals(v1, v2).length,
  };
}

export const report: BenchMeta = {
  title: 'Exchanges',
  about:
    'A round of 1 000 + 1 000 fictional people (`BENCH_EXCHANGES_N` per direction) in an encrypted vault, proposal v1 frozen; medians of 15 runs after a warm-up. The router read is compared with the same read called directly.',
  figures: (f) => [
    {
      id: 'balance',
      label: 'balance and warnings of all people recomputed, p50',
      value: pick(f, 'exchanges_balance_warnings_p50_ms'),
      unit: 'ms',
      goal: { op: '<=', value: 100 },
    },
    { id: 'warnings', label: 'warnings alone, p50', value: pick(f, 'exchanges_warnings_only_p50_ms'), unit: 'ms' },
    { id: 'page_read', label: "the round page's first read (+ first 100 of each list), p50", value: pick(f, 'exchanges_round_page_read_p50_ms'), unit: 'ms' },
    {
      id: 'router',
      label: 'the same read through the router (contract-checked), p50',
      value: pick(f, 'exchanges_round_read_router_p50_ms'),
      unit: 'ms',
      baseline: { label: 'direct call', value: f.exchanges_round_page_read_p50_ms ?? 0 },
    },
    { id: 'whole_list', label: 'a whole list of 1 000 with warnings, p50', value: pick(f, 'exchanges_whole_list_1000_p50_ms'), unit: 'ms' },
    { id: 'diff', label: 'diff of two 2 000-line proposals, p50', value: pick(f, 'exchanges_diff_p50_ms'), unit: 'ms', goal: { op: '<=', value: 100 } },
  ],
};
