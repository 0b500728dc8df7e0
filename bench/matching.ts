// Matcher bench: dev-set quality figures, and speed/memory of 1 000 entries against 100 000 registered people.
import path from 'node:path';
import { MatchIndex, parseListEntry } from '../shared/matching';
import { loadDevSet } from '../test/matching/devset';
import { evaluate } from '../test/matching/evaluate';
import { generateSet } from '../test/matching/generate';

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

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
  const gen = generateSet(20240, 100_000, 1_000, 700, { hard: true });
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
