// Transfer bench: a changes file of a 100 000-person register (fictional demo data) exported and imported between two
// real encrypted sites — time and peak memory — and the encryption step beside the `age` CLI on the same payload.
// Goals: export ≤ 5 s, import ≤ 20 s, encryption within 2× of age.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../electron/core';
import { fillDemo } from '../electron/core/demo/demo';
import { ageDecrypt, ageEncrypt } from '../electron/core/transfer/age';
import { readContainer, ciphertextOf } from '../electron/core/transfer/container';
import { exportFile } from '../electron/core/transfer/exportFile';
import { addPeer, exportIdentity } from '../electron/core/transfer/identity';
import { importFile } from '../electron/core/transfer/importFile';
import { ageRecipient } from '../electron/core/transfer/keys';
import { currentKeys } from '../electron/core/transfer/siteKeys';

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

/** Runs fn while sampling the process's resident memory; returns its time and the peak above the start. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, peakMb: mb(Math.max(peak, process.memoryUsage().rss) - base) };
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
    const filled = await fillDemo(office.require().db, office.require().operator.id, { count: N, seed: 11 });
    const fillMs = performance.now() - t0;

    const file = path.join(root, 'changes.obmin');
    const exp = await measured(() => exportFile(ctx(office), ['KYIV-HQ'], file));
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
      for await (const c of ageEncrypt((async function* () {
        for (let o = 0; o < plain.length; o += 1 << 20) yield plain.subarray(o, o + (1 << 20));
      })(), [rcpt])) n += c.length;
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
      transfer_export_peak_rss_mb: exp.peakMb,
      transfer_import_s: s(imp.ms),
      transfer_import_peak_rss_mb: imp.peakMb,
      transfer_encrypt_ours_mb_per_s: Math.round(mb(plain.length) / (best(oursMs) / 1000)),
      transfer_encrypt_age_cli_mb_per_s: Math.round(mb(plain.length) / (best(ageMs) / 1000)),
      transfer_encrypt_ratio_ours_to_age: Math.round((best(oursMs) / best(ageMs)) * 100) / 100,
      transfer_payload_mb: mb(plain.length),
      transfer_persons_added: filled.persons,
    };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
