// Lists bench: 1 000 list entries matched against 100 000 people in the real encrypted register via matchEntries
// (key lookup in SQL, scoring in JS). Goal ≤ 2 s. Also the dev-set figures through the same DB path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core';
import { matchEntries, warmRegisterCache } from '../electron/core/lists';
import { findDuplicates } from '../electron/core/register/duplicates';
import { applyImport, previewImport } from '../electron/core/register/import';
import { parseListEntry, type Candidate, type ParsedEntry, type RegisteredPerson, type Suggestion } from '../shared/matching';
import { loadDevSet } from '../test/matching/devset';
import { evaluate } from '../test/matching/evaluate';
import { generateSet, type GeneratedSet } from '../test/matching/generate';
import { pick, type BenchMeta } from './lib/report';

const PASS = 'вишня-гора-мідний-ліхтар-42';
const N = Number(process.env.BENCH_LISTS_N ?? 100_000);
const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function registerOf(dir: string, persons: RegisteredPerson[]): Promise<Core> {
  const csv = path.join(dir, 'people.csv');
  const lines = ['ref,surname,given_name,patronymic,date_of_birth,sex,side,category,unit'];
  for (const p of persons)
    lines.push([p.ref, p.surname, p.givenName ?? '', p.patronymic ?? '', p.dateOfBirth ?? '', p.sex ?? '', 'ours', 'military', p.unit ?? ''].join(','));
  fs.writeFileSync(csv, lines.join('\n'));
  const core = createCore({ dataDir: path.join(dir, 'v'), kdf: { memoryKiB: 8192, iterations: 1, parallelism: 1 } });
  await core.init({ siteCode: 'BENCH-HQ', siteName: 'Вигаданий штаб', operator: 'Вигаданий Оператор', passphrase: PASS });
  const s = core.require();
  const preview = await previewImport(s.db, { path: csv });
  await applyImport(s.db, s.operator.id, { token: preview.token, skipInvalid: false });
  fs.rmSync(csv);
  return core;
}

/** The DB path behind evaluate()'s interface. */
function viaDb(core: Core, entries: ParsedEntry[]): { match(e: ParsedEntry): { suggestion: Suggestion; candidates: Candidate[] } } {
  const all = matchEntries(core.require().db, entries);
  const byEntry = new Map(entries.map((e, i) => [e, all[i]!]));
  return { match: (e) => byEntry.get(e)! };
}

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-bench-lists-'));
  try {
    const dev = loadDevSet(process.env.MATCHING_DEV_DIR ?? path.resolve(process.cwd(), '../shared/data/matching-dev'));
    if (dev) {
      const core = await registerOf(fs.mkdtempSync(path.join(root, 'dev-')), dev.persons);
      const { figures } = evaluate(viaDb(core, dev.entries), dev.entries, dev.expected);
      core.close();
      out.dev_db_top1_consistent = figures.top1Consistent;
      out.dev_db_top5_registered = figures.top5Registered;
      out.dev_db_link_precision = figures.linkPrecision;
      out.dev_db_absent_linked = figures.absentLinked;
      out.dev_db_consistent_linked = figures.consistentLinked;
    }
    // Only the lists and their answers stay in this process: the register's people live in the vault, as in the app
    // (100 000 generated people held here would make every garbage collection of the timed runs mark them too).
    const full = generateSet(20240, N, 1_000, 700);
    const gen: Pick<GeneratedSet, 'rows' | 'expected'> = { rows: full.rows, expected: full.expected };
    let t = performance.now();
    const core = await registerOf(fs.mkdtempSync(path.join(root, 'big-')), full.persons);
    full.persons = [];
    out.register_import_s = Math.round((performance.now() - t) / 100) / 10;
    // Each timed run matches a freshly parsed list (new entry objects), as a new list would be: nothing the scorer
    // keeps per entry carries over from one run to the next.
    // The timed list is of the hard kinds (ranks and dates in one cell, diminutives, foreign spellings, slips, two
    // typos): its unregistered surnames take the vocabulary's fallback. Same register (people are drawn first).
    const { rows: hardRows, expected: hardExpected } = generateSet(20240, N, 1_000, 700, { hard: true });
    const hard: Pick<GeneratedSet, 'rows' | 'expected'> = { rows: hardRows, expected: hardExpected };
    const parse = (): ParsedEntry[] => hard.rows.map((r) => parseListEntry(r));
    let entries = parse();
    // The list matched right after unlocking, with the Lists area's background warm-up done first.
    core.lock('manual');
    await core.unlock(null, PASS);
    t = performance.now();
    await warmRegisterCache(core.require().db);
    out.warmup_ms = Math.round(performance.now() - t);
    t = performance.now();
    matchEntries(core.require().db, entries);
    out.match_1000_after_warmup_ms = Math.round(performance.now() - t);
    core.lock('manual');
    await core.unlock(null, PASS);
    const db = core.require().db;
    // Cold: a freshly opened database, nothing cached; warm: the second list (pages and prepared people cached).
    (globalThis as { gc?: () => void }).gc?.();
    const heap0 = process.memoryUsage().heapUsed;
    const rss0 = process.memoryUsage().rss;
    let peak = heap0;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    entries = parse();
    const cpu = process.cpuUsage();
    t = performance.now();
    const first = matchEntries(db, entries);
    out.match_1000_cold_ms = Math.round(performance.now() - t);
    const used = process.cpuUsage(cpu);
    // CPU time of this process (main thread and GC helpers): steadier than wall time on a shared machine.
    out.match_1000_cold_cpu_ms = Math.round((used.user + used.system) / 1000);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const second = parse();
    t = performance.now();
    matchEntries(db, second);
    out.match_1000_warm_ms = Math.round(performance.now() - t);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    out.peak_heap_delta_mb = mb(peak - heap0);
    out.rss_delta_mb = mb(process.memoryUsage().rss - rss0);
    out.rss_mb = mb(process.memoryUsage().rss);
    out.register_people = (db.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n;
    const byEntry = new Map(entries.map((e, i) => [e, first[i]!]));
    const hardFigures = evaluate({ match: (e) => byEntry.get(e)! }, entries, hard.expected).figures;
    out.gen_hard_db_top1_consistent = hardFigures.top1Consistent;
    out.gen_hard_db_top5_registered = hardFigures.top5Registered;
    out.gen_hard_db_link_precision = hardFigures.linkPrecision;
    out.gen_hard_db_absent_linked = hardFigures.absentLinked;
    out.gen_hard_db_consistent_linked = hardFigures.consistentLinked;
    const ordinary = gen.rows.map((r) => parseListEntry(r));
    t = performance.now();
    const ordinaryMatches = matchEntries(db, ordinary);
    out.match_1000_ordinary_warm_ms = Math.round(performance.now() - t);
    const byOrdinary = new Map(ordinary.map((e, i) => [e, ordinaryMatches[i]!]));
    const { figures } = evaluate({ match: (e) => byOrdinary.get(e)! }, ordinary, gen.expected);
    out.gen_db_top1_consistent = figures.top1Consistent;
    out.gen_db_top5_registered = figures.top5Registered;
    out.gen_db_link_precision = figures.linkPrecision;
    out.gen_db_absent_linked = figures.absentLinked;
    out.gen_db_consistent_linked = figures.consistentLinked;
    // One page of the possible-duplicates view (1 000 people scanned) on the same register.
    t = performance.now();
    findDuplicates(db, { limit: 50 });
    out.duplicates_page_ms = Math.round(performance.now() - t);
    core.close();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  return out;
}

export const report: BenchMeta = {
  title: 'Lists',
  about:
    'N generated fictional people (`BENCH_LISTS_N`, default 100 000) imported into the encrypted register; 1 000 list entries of the hard kinds matched by `matchEntries` cold (vault locked and unlocked), after the background warm-up and warm; quality figures through the same DB path.',
  figures: (f) => [
    { id: 'import', label: 'register import', value: pick(f, 'register_import_s'), unit: 's' },
    {
      id: 'cold',
      label: '1 000 hard entries, cold',
      value: pick(f, 'match_1000_cold_ms'),
      unit: 'ms',
      goal: { op: '<=', value: 2000 },
      baseline: { label: 'warm, second list', value: f.match_1000_warm_ms ?? 0 },
    },
    { id: 'cold_cpu', label: '— CPU time of the process', value: pick(f, 'match_1000_cold_cpu_ms'), unit: 'ms' },
    {
      id: 'after_warmup',
      label: '1 000 hard entries after the background warm-up',
      value: pick(f, 'match_1000_after_warmup_ms'),
      unit: 'ms',
      goal: { op: '<=', value: 2000 },
    },
    { id: 'ordinary', label: '1 000 ordinary entries, warm', value: pick(f, 'match_1000_ordinary_warm_ms'), unit: 'ms' },
    { id: 'hard_top1', label: 'generated hard list: top-1 consistent', value: pick(f, 'gen_hard_db_top1_consistent'), unit: '' },
    { id: 'hard_precision', label: 'generated hard list: link precision', value: pick(f, 'gen_hard_db_link_precision'), unit: '' },
    { id: 'dev_top1', label: 'matching-dev set: top-1 consistent', value: pick(f, 'dev_db_top1_consistent'), unit: '' },
    { id: 'duplicates', label: 'possible-duplicates page', value: pick(f, 'duplicates_page_ms'), unit: 'ms' },
  ],
};
