// Replication figures: a changes batch of N edits made at another site (one per person) merged into an N-person
// register in a real SQLCipher vault, through applyChanges (validation, dedupe, merge, conflicts, indexes) in one
// transaction. Goal (issue 9): N = 100 000 in ≤ 20 s, memory bounded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCore } from '../electron/core';
import { Writer } from '../electron/core/db/write';
import { migrate } from '../electron/core/db/migrations';
import { applyChanges, changesFor } from '../electron/core/replication';
import { ukSortKey } from '../shared/register/collation';
import { pick, type BenchMeta } from './lib/report';

const N = Number(process.env.BENCH_REPLICATION_N ?? 100_000);
const PASS = 'вишня-гора-мідний-ліхтар-42';

export async function run(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-bench-replication-'));
  const core = createCore({ dataDir: path.join(dir, 'v'), kdf: { memoryKiB: 8192, iterations: 1, parallelism: 1 } });
  await core.init({ siteCode: 'BENCH-HQ', siteName: 'Вигаданий штаб', operator: 'Вигаданий Оператор', passphrase: PASS });
  const hq = core.require();
  const w = new Writer(hq.db, hq.operator.id);
  hq.db.transaction(() => {
    for (let i = 0; i < N; i++) w.insert('persons', `p${i}`, { ref: `B${i}`, surname: 'Вигаданенко', given_name: 'Тарас', side: 'ours', category: 'military', status: 'missing', unit: 'А1000' }, null);
  })();

  // The other site: an in-memory replica that received HQ's register, then edited every person once.
  const field = new Database(':memory:');
  field.function('uk_sort', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? ukSortKey(v) : null));
  migrate(field);
  field.prepare("INSERT INTO meta (key, value) VALUES ('site_id', 'bench-field-site')").run();
  const t0 = performance.now();
  applyChanges(field, [...changesFor(hq.db, 'bench-field-site')]);
  const intoEmpty = performance.now() - t0;
  const fw = new Writer(field, null);
  const tLocal = performance.now();
  field.transaction(() => {
    for (let i = 0; i < N; i++) fw.update('persons', `p${i}`, { unit: `А${2000 + (i % 7000)}`, rank: 'сержант' }, null);
  })();
  const localEdit = performance.now() - tLocal;
  const batch = [...changesFor(field, hq.db.prepare("SELECT value FROM meta WHERE key = 'site_id'").pluck().get() as string)];
  const rssBefore = process.memoryUsage().rss;
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = applyChanges(hq.db, batch, { operatorId: hq.operator.id });
  const cpu = process.cpuUsage(cpu0);
  const merge = performance.now() - t1;
  const figures = {
    persons: N,
    changes: batch.length,
    mergeSeconds: Math.round(merge / 10) / 100,
    // CPU time of the merge alone: on a shared, loaded machine the wall clock says more about the neighbours.
    mergeCpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100,
    changesPerSecond: Math.round(batch.length / (merge / 1000)),
    applied: r.applied,
    changedRecords: r.changed,
    localEditSeconds: Math.round(localEdit / 10) / 100,
    replicaFromEmptySeconds: Math.round(intoEmpty / 10) / 100,
    rssGrowthMiB: Math.round((process.memoryUsage().rss - rssBefore) / 1048576),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  field.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}

export const report: BenchMeta = {
  title: 'Replication',
  about: 'An N-edit batch made at another site (`BENCH_REPLICATION_N`, default 100 000; every person edited once) merged into an N-person encrypted register by `applyChanges` in one transaction. Baseline: the same edits written locally at the other site.',
  figures: (f) => [
    { id: 'persons', label: 'people = edits in the batch', value: pick(f, 'persons'), unit: '' },
    { id: 'merge', label: 'merge', value: pick(f, 'mergeSeconds'), unit: 's', goal: { op: '<=', value: 20 }, ...(f.localEditSeconds ? { baseline: { label: 'the same edits made locally', value: f.localEditSeconds } } : {}) },
    { id: 'merge_cpu', label: '— CPU time', value: pick(f, 'mergeCpuSeconds'), unit: 's' },
    { id: 'rate', label: 'changes merged per second', value: pick(f, 'changesPerSecond'), unit: '/s' },
    { id: 'rss', label: 'resident memory growth during the merge', value: pick(f, 'rssGrowthMiB'), unit: 'MiB' },
  ],
};
