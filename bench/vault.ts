// Unlock time at the production KDF cost, and SQLCipher's overhead over plain SQLite on the same workload.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createCore } from '../electron/core';
import { applyKey } from '../electron/core/vault/database';
import { pick, type BenchMeta } from './lib/report';

const PASS = 'лічильник-ранкова-кава-вісім-мостів';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function workload(db: Database.Database, rows: number): { insert: number; select: number } {
  const t0 = performance.now();
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, surname TEXT, given TEXT, dob TEXT, note TEXT); CREATE INDEX t_s ON t(surname);');
  const ins = db.prepare('INSERT INTO t (surname, given, dob, note) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) ins.run(`Прізвище${i % 5000}`, `Ім'я${i % 300}`, `19${50 + (i % 50)}-01-01`, 'x'.repeat(120));
  })();
  const t1 = performance.now();
  const sel = db.prepare('SELECT * FROM t WHERE surname = ?');
  for (let i = 0; i < 20_000; i++) sel.all(`Прізвище${(i * 7919) % 5000}`);
  return { insert: t1 - t0, select: performance.now() - t1 };
}

export async function run(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-bench-'));
  const core = createCore({ dataDir: path.join(dir, 'vault') });
  await core.init({ siteCode: 'BENCH-HQ', siteName: 'Тестовий штаб', operator: 'Бенч Оператор', passphrase: PASS });
  core.lock('manual');
  const unlocks: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await core.unlock('Бенч Оператор', PASS);
    unlocks.push(performance.now() - t0);
    core.lock('manual');
  }

  const rows = Number(process.env.BENCH_VAULT_ROWS ?? 100_000);
  const ratios: number[] = [];
  const insertRatios: number[] = [];
  const selectRatios: number[] = [];
  const plainMs: number[] = [];
  const cipherMs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const plain = new Database(path.join(dir, `plain${r}.db`));
    plain.pragma('journal_mode = WAL');
    plain.pragma('cache_size = -65536');
    const p = workload(plain, rows);
    plain.close();
    const enc = new Database(path.join(dir, `enc${r}.db`));
    applyKey(enc, crypto.randomBytes(32));
    enc.pragma('journal_mode = WAL');
    enc.pragma('cache_size = -65536');
    const c = workload(enc, rows);
    enc.close();
    plainMs.push(p.insert + p.select);
    cipherMs.push(c.insert + c.select);
    ratios.push((c.insert + c.select) / (p.insert + p.select));
    insertRatios.push(c.insert / p.insert);
    selectRatios.push(c.select / p.select);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    'vault.unlock_ms_median': Math.round(median(unlocks)),
    'vault.unlock_ms_max': Math.round(Math.max(...unlocks)),
    'sqlcipher.plain_ms_median': Math.round(median(plainMs)),
    'sqlcipher.cipher_ms_median': Math.round(median(cipherMs)),
    'sqlcipher.overhead_ratio_median': Number(median(ratios).toFixed(2)),
    'sqlcipher.insert_ratio_median': Number(median(insertRatios).toFixed(2)),
    'sqlcipher.select_ratio_median': Number(median(selectRatios).toFixed(2)),
  };
}

export const report: BenchMeta = {
  title: 'Vault',
  about:
    'Unlock at the production KDF cost (Argon2id 64 MiB × 3, open, migrations check, audit entry), median of 5; SQLCipher against plain SQLite on the same workload (inserts + 20 000 indexed selects, 64 MiB cache on both), median of 5 pairs.',
  figures: (f) => [
    { id: 'unlock', label: 'unlock, median of 5', value: pick(f, 'vault.unlock_ms_median'), unit: 'ms', goal: { op: '<=', value: 1500 } },
    { id: 'unlock_max', label: 'unlock, slowest of 5', value: pick(f, 'vault.unlock_ms_max'), unit: 'ms' },
    {
      id: 'sqlcipher',
      label: 'SQLCipher workload, median',
      value: pick(f, 'sqlcipher.cipher_ms_median'),
      unit: 'ms',
      baseline: { label: 'plain SQLite', value: f['sqlcipher.plain_ms_median'] ?? 0 },
    },
    {
      id: 'overhead',
      label: 'SQLCipher ÷ plain SQLite, median of the pairs',
      value: pick(f, 'sqlcipher.overhead_ratio_median'),
      unit: '×',
      goal: { op: '<=', value: 1.3 },
    },
    { id: 'insert_ratio', label: '— inserts alone', value: pick(f, 'sqlcipher.insert_ratio_median'), unit: '×' },
    { id: 'select_ratio', label: '— selects alone', value: pick(f, 'sqlcipher.select_ratio_median'), unit: '×' },
  ],
};
