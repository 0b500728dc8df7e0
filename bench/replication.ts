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
import { openTablesSession } from '../electron/core/tables';
import { applyChanges, changesFor } from '../electron/core/replication';
import { ukSortKey } from '../shared/register/collation';
import { addAttachment } from '../electron/core/register/attachments';
import { exportFile } from '../electron/core/transfer/exportFile';
import { addPeer, exportIdentity } from '../electron/core/transfer/identity';
import { pick, type BenchMeta } from './lib/report';

const N = Number(process.env.BENCH_REPLICATION_N ?? 100_000);
/** People on the round of the exchange package (issue 9: 1 000 with photos in ≤ 5 s). */
const ROUND = Math.min(N, Number(process.env.BENCH_EXCHANGE_N ?? 1000));
const PHOTO_BYTES = 60 * 1024;
const PASS = 'вишня-гора-мідний-ліхтар-42';

export async function run(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-bench-replication-'));
  const core = createCore({ dataDir: path.join(dir, 'v'), kdf: { memoryKiB: 8192, iterations: 1, parallelism: 1 } });
  await core.init({ siteCode: 'BENCH-HQ', siteName: 'Вигаданий штаб', operator: 'Вигаданий Оператор', passphrase: PASS });
  const hq = core.require();
  const w = new Writer(hq.db, hq.operator.id);
  hq.db.transaction(() => {
    for (let i = 0; i < N; i++)
      w.insert(
        'persons',
        `p${i}`,
        { ref: `B${i}`, surname: 'Вигаданенко', given_name: 'Тарас', side: 'ours', category: 'military', status: 'missing', unit: 'А1000' },
        null,
      );
  })();

  // The other site: an in-memory replica that received HQ's register, then edited every person once.
  const field = new Database(':memory:');
  field.function('uk_sort', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? ukSortKey(v) : null));
  openTablesSession(field);
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
  Object.assign(figures, await exchangePackage(core, dir));
  field.close();
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}

/** A round of ROUND people, each with a photo (fictional bytes), written as the field team's package to a paired site. */
async function exchangePackage(core: ReturnType<typeof createCore>, dir: string): Promise<Record<string, number>> {
  const hq = core.require();
  const w = new Writer(hq.db, hq.operator.id);
  const now = new Date().toISOString();
  hq.db.transaction(() => {
    w.insert(
      'sources',
      'bench-round-source',
      { kind: 'official_document', title: 'Обмін №1 / Exchange round 1', reliability: 'A', credibility: 1, created_at: now },
      null,
    );
    w.insert('exchange_rounds', 'bench-round', { number: 1, status: 'negotiating', source_id: 'bench-round-source', mediators: '[]', created_at: now }, null);
    for (let i = 0; i < ROUND; i++) {
      w.insert(
        'exchange_entries',
        `bench-entry-${i}`,
        { round_id: 'bench-round', person_id: `p${i}`, direction: 'receive', state: 'proposed', unexpected: 0, created_at: now },
        null,
      );
      const bytes = Buffer.alloc(PHOTO_BYTES, i % 251);
      bytes.writeUInt32BE(i, 0);
      addAttachment(w, { personId: `p${i}`, kind: 'photo', mime: 'image/jpeg', filename: `photo-${i}.jpg`, bytes }, false);
    }
  })();
  const fieldCore = createCore({ dataDir: path.join(dir, 'field'), kdf: { memoryKiB: 8192, iterations: 1, parallelism: 1 } });
  await fieldCore.init({ siteCode: 'BENCH-FIELD', siteName: 'Вигаданий польовий вузол', operator: 'Вигаданий Оператор', passphrase: PASS });
  const f = fieldCore.require();
  const card = await exportIdentity({ db: f.db, operatorId: f.operator.id }, path.join(dir, 'field-card.obmin'));
  addPeer({ db: hq.db, operatorId: hq.operator.id }, card.file, card.fingerprint);
  fieldCore.close();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await exportFile({ db: hq.db, operatorId: hq.operator.id }, ['BENCH-FIELD'], path.join(dir, 'package.obmin'), 'changes', { exchange: 1 });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return {
    exchangePeople: ROUND,
    exchangeSeconds: Math.round(wall / 10) / 100,
    exchangeCpuSeconds: Math.round((cpu.user + cpu.system) / 10_000) / 100,
    exchangeMiB: Math.round(r.bytes / 104857.6) / 10,
  };
}

export const report: BenchMeta = {
  title: 'Replication',
  about:
    'The exchange package: a round of `BENCH_EXCHANGE_N` people with photos written for the field site (profile exchange). The merge: an N-edit batch made at another site (`BENCH_REPLICATION_N`, default 100 000; every person edited once) merged into an N-person encrypted register by `applyChanges` in one transaction. Baseline: the same edits written locally at the other site.',
  figures: (f) => [
    { id: 'persons', label: 'people = edits in the batch', value: pick(f, 'persons'), unit: '' },
    {
      id: 'merge',
      label: 'merge',
      value: pick(f, 'mergeSeconds'),
      unit: 's',
      goal: { op: '<=', value: 20 },
      ...(f.localEditSeconds ? { baseline: { label: 'the same edits made locally', value: f.localEditSeconds } } : {}),
    },
    { id: 'merge_cpu', label: '— CPU time', value: pick(f, 'mergeCpuSeconds'), unit: 's' },
    { id: 'rate', label: 'changes merged per second', value: pick(f, 'changesPerSecond'), unit: '/s' },
    { id: 'rss', label: 'resident memory growth during the merge', value: pick(f, 'rssGrowthMiB'), unit: 'MiB' },
    {
      id: 'exchange_people',
      label: 'exchange package: people on the round, each with a 60 KiB photo (`BENCH_EXCHANGE_N`, default 1 000)',
      value: pick(f, 'exchangePeople'),
      unit: '',
    },
    { id: 'exchange', label: 'exchange package written (read back and checked)', value: pick(f, 'exchangeSeconds'), unit: 's', goal: { op: '<=', value: 5 } },
    { id: 'exchange_cpu', label: '— CPU time', value: pick(f, 'exchangeCpuSeconds'), unit: 's' },
    { id: 'exchange_size', label: '— file size', value: pick(f, 'exchangeMiB'), unit: 'MiB' },
  ],
};
