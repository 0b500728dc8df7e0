// Manifest bench: a 1 000-person round (fictional) to PDF — field variant, mediator variant, and the full variant with
// a photo per person (a JPEG thumbnail each, as the register stores camera photos). Goals: ≤ 3 s, ≤ 10 s with photos.
// Also a 2 000-person round. Wall time and the process's CPU time (steadier on a shared machine).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import { manifestPdf } from '../electron/core/manifest';
import type { ManifestVariant } from '../shared/manifest';
import { round } from '../test/manifest/fixtures';
import { pick, type BenchMeta } from './lib/report';

const ms = (t: bigint): number => Math.round(Number(process.hrtime.bigint() - t) / 1e5) / 10;
const kb = (n: number): number => Math.round(n / 1024);
// People per round (1 000 at the goal size; BENCH_MANIFEST_N for a smoke run).
const N = Number(process.env.BENCH_MANIFEST_N ?? 1000);

async function one(
  people: number,
  variant: ManifestVariant,
  photos?: Map<string, Buffer | null>,
): Promise<{ ms: number; cpu: number; kb: number; pages: number }> {
  const r = round(0, people);
  const keys = photos ? [...photos.keys()] : [];
  if (photos) for (const [i, e] of r.entries.entries()) e.photoSha256 = keys[i % keys.length]!;
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  const m = await manifestPdf(r, { variant, direction: 'both', date: new Date(0), ...(photos ? { photos } : {}) });
  const u = process.cpuUsage(c);
  return { ms: ms(t), cpu: Math.round((u.user + u.system) / 1000), kb: kb(m.bytes.length), pages: m.pages };
}

/** A real JPEG (a QR drawn by qrcode, rasterised by poppler's pdftoppm), made distinct per person by a comment segment. */
async function jpegs(n: number): Promise<Map<string, Buffer | null>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-bench-'));
  const svgPdf = await manifestPdf(round(0, 1), { variant: 'field', direction: 'receive', date: new Date(0) });
  fs.writeFileSync(path.join(dir, 'p.pdf'), svgPdf.bytes);
  execFileSync('pdftoppm', [
    '-jpeg',
    '-jpegopt',
    'quality=80',
    '-scale-to',
    '240',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    path.join(dir, 'p.pdf'),
    path.join(dir, 'p'),
  ]);
  const base = fs.readFileSync(path.join(dir, 'p.jpg'));
  fs.rmSync(dir, { recursive: true });
  const out = new Map<string, Buffer | null>();
  for (let i = 0; i < n; i++) {
    const note = Buffer.from(`photo ${i}`);
    const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, note.length + 2]), note]);
    out.set(i.toString(16).padStart(64, '0'), Buffer.concat([base.subarray(0, 2), com, base.subarray(2)]));
  }
  return out;
}

export async function run(): Promise<Record<string, number>> {
  await one(10, 'field'); // fonts read and parsed once, as in a running app
  const out: Record<string, number> = {};
  const field = await one(N, 'field');
  Object.assign(out, {
    manifest_1000_field_ms: field.ms,
    manifest_1000_field_cpu_ms: field.cpu,
    manifest_1000_field_kb: field.kb,
    manifest_1000_field_pages: field.pages,
  });
  const med = await one(N, 'mediator');
  Object.assign(out, { manifest_1000_mediator_ms: med.ms, manifest_1000_mediator_cpu_ms: med.cpu, manifest_1000_mediator_kb: med.kb });
  // 1 000 different JPEG photos (each person their own): what the full variant embeds.
  const photos = await jpegs(N);
  out.photo_jpeg_kb = kb(photos.values().next().value!.length);
  const full = await one(N, 'full', photos);
  Object.assign(out, {
    manifest_1000_full_photos_ms: full.ms,
    manifest_1000_full_photos_cpu_ms: full.cpu,
    manifest_1000_full_photos_kb: full.kb,
    manifest_1000_full_pages: full.pages,
  });
  // PNG photos (e.g. screenshots) are decoded and re-compressed by pdfkit: much slower; measured on 200.
  const pngs = new Map<string, Buffer | null>();
  for (let i = 0; i < Math.min(200, N); i++)
    pngs.set(i.toString(16).padStart(64, 'f'), await QRCode.toBuffer(`вигадане фото ${i}`, { type: 'png', width: 240 }));
  const png = await one(Math.min(200, N), 'full', pngs);
  Object.assign(out, { manifest_200_full_png_photos_ms: png.ms, manifest_200_full_png_photos_cpu_ms: png.cpu });
  const big = await one(2 * N, 'field');
  Object.assign(out, { manifest_2000_field_ms: big.ms, manifest_2000_field_cpu_ms: big.cpu, manifest_2000_field_kb: big.kb });
  return out;
}

export const report: BenchMeta = {
  title: 'Manifest',
  about:
    'Fictional rounds rendered to PDF by `manifestPdf` (the function the CLI and the window use) after one warm-up render; 1 000 distinct 7 KB JPEG photos for the full variant. Wall time and the CPU time of the process.',
  figures: (f) => [
    { id: 'field', label: 'field variant, 1 000 people', value: pick(f, 'manifest_1000_field_ms'), unit: 'ms', goal: { op: '<=', value: 3000 } },
    { id: 'field_cpu', label: '— CPU time', value: pick(f, 'manifest_1000_field_cpu_ms'), unit: 'ms' },
    { id: 'mediator', label: 'mediator variant, 1 000 people', value: pick(f, 'manifest_1000_mediator_ms'), unit: 'ms' },
    { id: 'full', label: 'full variant with 1 000 JPEG photos', value: pick(f, 'manifest_1000_full_photos_ms'), unit: 'ms', goal: { op: '<=', value: 10000 } },
    { id: 'full_kb', label: '— file size', value: pick(f, 'manifest_1000_full_photos_kb'), unit: 'KB' },
    { id: 'png', label: 'full variant, 200 people with PNG photos', value: pick(f, 'manifest_200_full_png_photos_ms'), unit: 'ms' },
    { id: 'field_2000', label: 'field variant, 2 000 people', value: pick(f, 'manifest_2000_field_ms'), unit: 'ms' },
  ],
};
