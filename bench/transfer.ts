// Transfer bench: a changes file of a 100 000-person register (fictional demo data) exported and imported between two
// real encrypted sites — time and peak memory — and the encryption step beside the `age` CLI on the same payload.
// Goals: export ≤ 5 s, import ≤ 20 s, encryption within 2× of age.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core';
import { FEMALE, MALE, PATRONYMIC_STEMS, PLACES, RANKS, SURNAMES, patronymic } from '../electron/core/demo/names';
import { Writer } from '../electron/core/db/write';
import { sessionOf } from '../electron/core/db/session';
import { mulberry32 } from '../shared/random';
import { ageDecrypt, ageEncrypt } from '../electron/core/transfer/age';
import { readContainer, ciphertextOf } from '../electron/core/transfer/container';
import { exportFile } from '../electron/core/transfer/exportFile';
import { addPeer, exportIdentity } from '../electron/core/transfer/identity';
import { importFile, previewFile } from '../electron/core/transfer/importFile';
import { ageRecipient } from '../electron/core/transfer/keys';
import { currentKeys } from '../electron/core/transfer/siteKeys';
import { pick, type BenchMeta } from './lib/report';
import type { Db } from '../electron/core/vault/database';

const PASS = 'вишня-гора-мідний-ліхтар-42';
const N = Number(process.env.BENCH_TRANSFER_N ?? 100_000);
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
const s = (ms: number) => Math.round(ms) / 1000;

async function site(dir: string, code: string): Promise<Core> {
  const core = createCore({ dataDir: dir, kdf: { memoryKiB: 8192, iterations: 1, parallelism: 1 } });
  await core.init({ siteCode: code, siteName: `Вигаданий вузол ${code}`, operator: 'Вигаданий Оператор', passphrase: PASS });
  return core;
}
const ctx = (c: Core) => ({ db: c.require().db, operatorId: c.require().operator.id });

/**
 * N fictional people written straight through the write path in one transaction (change log, clocks; no per-person
 * audit entries, search keys or demo extras): the bench needs a source register fast, not a demo.
 */
function fillBulk(db: Db, operatorId: string, n: number): number {
  const r = mulberry32(11);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const w = new Writer(db, operatorId);
  const created = new Date().toISOString();
  // Bulk: search keys written once at the end, as the register's import does.
  db.transaction(() =>
    sessionOf(db).bulk(() => {
      for (let i = 0; i < n; i++) {
        const female = r() < 0.1;
        w.insert(
          'persons',
          `bench-${i.toString(36)}`,
          {
            ref: `ВГ-${String(i).padStart(6, '0')}`,
            surname: pick(SURNAMES),
            given_name: pick(female ? FEMALE : MALE),
            patronymic: patronymic(pick(PATRONYMIC_STEMS), female),
            sex: female ? 'F' : 'M',
            date_of_birth: `${1970 + Math.floor(r() * 35)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
            side: 'ours',
            category: 'military',
            rank: pick(RANKS),
            unit: `А${1000 + Math.floor(r() * 9000)}`,
            status: 'missing',
            last_known_location: pick(PLACES),
            created_at: created,
          },
          null,
        );
      }
    }),
  )();
  return n;
}

/** Runs fn while sampling the process's resident memory; returns its time and the peak above the start. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; peakMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const value = await fn();
    const cpu = process.cpuUsage(cpu0);
    return { value, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, peakMb: mb(Math.max(peak, process.memoryUsage().rss) - base) };
  } finally {
    clearInterval(timer);
  }
}

function ageCli(payload: string, recipient: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('age', ['-e', '-r', recipient, '-o', '/dev/null', payload], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`age exited ${code}`))));
  });
}

export async function run(): Promise<Record<string, number>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-bench-transfer-'));
  try {
    const office = await site(path.join(root, 'office'), 'OFFICE-ONE');
    const hq = await site(path.join(root, 'hq'), 'KYIV-HQ');
    const oc = await exportIdentity(ctx(office), path.join(root, 'office.card'));
    const hc = await exportIdentity(ctx(hq), path.join(root, 'hq.card'));
    addPeer(ctx(hq), oc.file, oc.fingerprint);
    addPeer(ctx(office), hc.file, hc.fingerprint);
    const t0 = performance.now();
    const filled = fillBulk(office.require().db, office.require().operator.id, N);
    const fillMs = performance.now() - t0;

    const file = path.join(root, 'changes.obmin');
    const exp = await measured(() => exportFile(ctx(office), ['KYIV-HQ'], file));
    const pre = await measured(() => previewFile(ctx(hq), file));
    const imp = await measured(() => importFile(ctx(hq), file));
    if (!imp.value.applied || imp.value.added !== exp.value.records) throw new Error('import did not apply the whole file');

    // The same plaintext, encrypted by us (in memory, output hashed away) and by the age CLI (from a file, to /dev/null).
    const parsed = readContainer(file, Number.MAX_SAFE_INTEGER);
    const parts: Buffer[] = [];
    for await (const b of ageDecrypt(ciphertextOf(file, parsed), currentKeys(hq.require().db).encryption.privateKey)) parts.push(b);
    const plain = Buffer.concat(parts);
    const plainFile = path.join(root, 'payload.jsonl');
    fs.writeFileSync(plainFile, plain);
    const rcpt = currentKeys(hq.require().db).encryption.publicKey;
    const oursMs: number[] = [];
    const ageMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      let n = 0;
      for await (const c of ageEncrypt(
        (async function* () {
          for (let o = 0; o < plain.length; o += 1 << 20) yield plain.subarray(o, o + (1 << 20));
        })(),
        [rcpt],
      ))
        n += c.length;
      oursMs.push(performance.now() - t);
      if (n < plain.length) throw new Error('short ciphertext');
      ageMs.push(await ageCli(plainFile, ageRecipient(rcpt)));
    }
    const best = (xs: number[]) => Math.min(...xs);
    office.close();
    hq.close();
    return {
      transfer_people: N,
      transfer_records: exp.value.records,
      transfer_file_mb: mb(exp.value.bytes),
      transfer_demo_fill_s: s(fillMs),
      transfer_export_s: s(exp.ms),
      transfer_export_cpu_s: s(exp.cpuMs),
      transfer_export_peak_rss_mb: exp.peakMb,
      transfer_preview_s: s(pre.ms),
      transfer_preview_cpu_s: s(pre.cpuMs),
      transfer_import_s: s(imp.ms),
      transfer_import_cpu_s: s(imp.cpuMs),
      transfer_import_peak_rss_mb: imp.peakMb,
      transfer_encrypt_ours_mb_per_s: Math.round(mb(plain.length) / (best(oursMs) / 1000)),
      transfer_encrypt_age_cli_mb_per_s: Math.round(mb(plain.length) / (best(ageMs) / 1000)),
      transfer_encrypt_ratio_ours_to_age: Math.round((best(oursMs) / best(ageMs)) * 100) / 100,
      transfer_payload_mb: mb(plain.length),
      transfer_persons_added: filled,
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export const report: BenchMeta = {
  title: 'Transfer',
  about:
    'Two encrypted sites paired by their cards; one fills a fictional register in bulk (`BENCH_TRANSFER_N` people, default 100 000), writes one changes file for the other, which previews it (verify, decrypt, validate, merge, roll back) and imports it (verify, decrypt, validate, apply in one transaction). The same payload encrypted by our age code and by the `age` CLI, best of three. CPU times beside wall times: on a loaded machine the CPU time is the guide.',
  figures: (f) => [
    { id: 'records', label: 'records in the file', value: pick(f, 'transfer_records'), unit: '' },
    { id: 'file', label: 'file size', value: pick(f, 'transfer_file_mb'), unit: 'MB' },
    { id: 'export', label: 'export', value: pick(f, 'transfer_export_s'), unit: 's', goal: { op: '<=', value: 5 } },
    { id: 'export_cpu', label: 'export, CPU time', value: pick(f, 'transfer_export_cpu_s'), unit: 's' },
    { id: 'preview', label: 'preview (shown before apply)', value: pick(f, 'transfer_preview_s'), unit: 's' },
    { id: 'import', label: 'import', value: pick(f, 'transfer_import_s'), unit: 's', goal: { op: '<=', value: 20 } },
    { id: 'import_cpu', label: 'import, CPU time', value: pick(f, 'transfer_import_cpu_s'), unit: 's' },
    { id: 'export_rss', label: 'peak resident memory above start, export', value: pick(f, 'transfer_export_peak_rss_mb'), unit: 'MB' },
    { id: 'import_rss', label: 'peak resident memory above start, import', value: pick(f, 'transfer_import_peak_rss_mb'), unit: 'MB' },
    {
      id: 'encrypt',
      label: 'encryption throughput, ours',
      value: pick(f, 'transfer_encrypt_ours_mb_per_s'),
      unit: 'MB/s',
      baseline: { label: 'age CLI', value: f.transfer_encrypt_age_cli_mb_per_s ?? 0 },
    },
    {
      id: 'encrypt_ratio',
      label: 'encryption time, ours ÷ age CLI',
      value: pick(f, 'transfer_encrypt_ratio_ours_to_age'),
      unit: '×',
      goal: { op: '<=', value: 2 },
    },
  ],
};
