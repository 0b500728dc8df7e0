// Matcher bench: dev-set quality figures, and speed/memory of 1 000 entries against 100 000 registered people.
import path from 'node:path';
import { candidateScore, MatchIndex, parseListEntry } from '../shared/matching';
import { loadDevSet } from '../test/matching/devset';
import { evaluate } from '../test/matching/evaluate';
import { generateSet } from '../test/matching/generate';
import { pick, type BenchMeta } from './lib/report';

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const N = Number(process.env.BENCH_MATCHING_N ?? 100_000);
/** Entries the naive baseline scores against everyone (its per-entry time, times 1 000, is the baseline). */
const NAIVE_SAMPLE = 10;

export async function run(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const devDir = process.env.MATCHING_DEV_DIR ?? path.resolve(process.cwd(), '../shared/data/matching-dev');
  const dev = loadDevSet(devDir);
  if (dev) {
    const { figures } = evaluate(new MatchIndex(dev.persons), dev.entries, dev.expected);
    out.dev_top1_consistent = figures.top1Consistent;
    out.dev_top5_registered = figures.top5Registered;
    out.dev_link_precision = figures.linkPrecision;
    out.dev_absent_linked = figures.absentLinked;
    out.dev_consistent_linked = figures.consistentLinked;
  }
  const hardDev = loadDevSet(path.resolve(devDir, '../matching-hard-dev'));
  if (hardDev) {
    const { figures } = evaluate(new MatchIndex(hardDev.persons), hardDev.entries, hardDev.expected);
    out.hard_dev_top1_consistent = figures.top1Consistent;
    out.hard_dev_top5_registered = figures.top5Registered;
    out.hard_dev_link_precision = figures.linkPrecision;
    out.hard_dev_absent_linked = figures.absentLinked;
    out.hard_dev_consistent_linked = figures.consistentLinked;
  }
  const gen = generateSet(20240, N, 1_000, 700, { hard: true });
  const entries = gen.rows.map((r) => parseListEntry(r));
  (globalThis as { gc?: () => void }).gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const rss0 = process.memoryUsage().rss;
  let t = performance.now();
  const index = new MatchIndex(gen.persons);
  out.index_build_ms = Math.round(performance.now() - t);
  const heapIndex = process.memoryUsage().heapUsed;
  t = performance.now();
  let peakHeap = heapIndex;
  for (const e of entries) {
    index.match(e);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  out.match_1000_ms = Math.round(performance.now() - t);
  // Baseline: no keys at all, every entry scored against every registered person (a sample, scaled to 1 000).
  t = performance.now();
  for (const e of entries.slice(0, NAIVE_SAMPLE)) {
    let best = -Infinity;
    for (const p of gen.persons) best = Math.max(best, candidateScore(e, p));
    void best;
  }
  out.naive_match_1000_ms = Math.round(((performance.now() - t) / NAIVE_SAMPLE) * 1000);
  out.avg_candidates_per_entry = Math.round(entries.reduce((n, e) => n + index.candidatesFor(e).length, 0) / entries.length);
  out.index_heap_mb = mb(heapIndex - heap0);
  out.peak_heap_delta_mb = mb(peakHeap - heap0);
  out.rss_delta_mb = mb(process.memoryUsage().rss - rss0);
  const { figures } = evaluate(index, entries, gen.expected);
  out.gen100k_hard_top1_consistent = figures.top1Consistent;
  out.gen100k_hard_link_precision = figures.linkPrecision;
  out.gen100k_hard_consistent_linked = figures.consistentLinked;
  return out;
}

export const report: BenchMeta = {
  title: 'Matcher',
  about:
    'The in-memory matcher (`MatchIndex`): quality on the dev sets, and 1 000 generated entries of the hard kinds against N fictional people (`BENCH_MATCHING_N`, default 100 000). Baseline: the same scorer run against every registered person (10 entries sampled, scaled to 1 000).',
  figures: (f) => [
    { id: 'build', label: 'index build', value: pick(f, 'index_build_ms'), unit: 'ms' },
    {
      id: 'match',
      label: '1 000 entries matched',
      value: pick(f, 'match_1000_ms'),
      unit: 'ms',
      baseline: { label: 'naive, every person scored', value: f.naive_match_1000_ms ?? 0 },
    },
    { id: 'candidates', label: 'candidates scored per entry', value: pick(f, 'avg_candidates_per_entry'), unit: '' },
    { id: 'heap', label: 'index heap', value: pick(f, 'index_heap_mb'), unit: 'MB' },
    { id: 'dev_top1', label: 'matching-dev: top-1 consistent', value: pick(f, 'dev_top1_consistent'), unit: '' },
    { id: 'dev_precision', label: 'matching-dev: link precision', value: pick(f, 'dev_link_precision'), unit: '' },
    { id: 'hard_dev_top1', label: 'matching-hard-dev: top-1 consistent', value: pick(f, 'hard_dev_top1_consistent'), unit: '' },
    { id: 'gen_top1', label: 'generated hard list: top-1 consistent', value: pick(f, 'gen100k_hard_top1_consistent'), unit: '' },
    { id: 'gen_precision', label: 'generated hard list: link precision', value: pick(f, 'gen100k_hard_link_precision'), unit: '' },
  ],
};
