// `npm run bench [name…]`: bundles each bench/<name>.ts (exporting `run()` and `report`), runs each in its own Node
// process, prints its raw figures as JSON, and rewrites that bench's generated section of docs/PERFORMANCE.md (figure,
// goal ✔/✘, baseline ratio; machine, date, load). BENCH_QUICK=1: small sizes for a smoke run, written to
// .tmp/bench/PERFORMANCE.quick.md instead of the docs. --no-write: print only.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const outDir = path.join(root, '.tmp', 'bench');

// Child mode: `node build/bench.mjs --child <bundle.cjs> <out.json>` runs one bench and writes its result.
if (process.argv[2] === '--child') {
  const [, , , bundle, out] = process.argv;
  const mod = await import(pathToFileURL(bundle).href);
  const m = mod.default ?? mod;
  const raw = await m.run();
  const figures = Array.isArray(raw?.figures) ? raw.figures : (m.report?.figures?.(raw) ?? []);
  fs.writeFileSync(out, JSON.stringify({ raw: Array.isArray(raw?.figures) ? (raw.raw ?? {}) : raw, figures, title: m.report?.title, about: m.report?.about }));
  process.exit(0);
}

const args = process.argv.slice(2);
const noWrite = args.includes('--no-write');
const wanted = args.filter((a) => !a.startsWith('--'));
const quick = process.env.BENCH_QUICK === '1';
// Smoke-run sizes: every bench's own size knob, unless the caller set it.
const QUICK_SIZES = {
  BENCH_REGISTER_N: 2000,
  BENCH_LISTS_N: 3000,
  BENCH_TRANSFER_N: 300,
  BENCH_REPLICATION_N: 2000,
  BENCH_EXCHANGES_N: 100,
  BENCH_EXCHANGE_N: 50,
  BENCH_MATCHING_N: 3000,
  BENCH_MANIFEST_N: 100,
  BENCH_VAULT_ROWS: 5000,
};
const env = { ...process.env };
if (quick) for (const [k, v] of Object.entries(QUICK_SIZES)) env[k] ??= String(v);

const names = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((n) => wanted.length === 0 || wanted.includes(n));
const unknown = wanted.filter((w) => !names.includes(w));
if (unknown.length) {
  process.stderr.write(`no bench named ${unknown.join(', ')} (bench/*.ts)\n`);
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

const bundle = (entry, outfile) =>
  build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3-multiple-ciphers', 'electron'],
    logLevel: 'warning',
  });
await bundle(path.join(root, 'bench', 'lib', 'report.ts'), path.join(outDir, 'report.cjs'));
const { renderSection, replaceSection } = await import(pathToFileURL(path.join(outDir, 'report.cjs')).href).then((m) => m.default ?? m);

const cpus = os.cpus();
const info = {
  date: new Date()
    .toISOString()
    .replace(/\.\d+Z$/, ' UTC')
    .replace('T', ' '),
  node: process.version,
  machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
  loadAverage: os.loadavg(),
  quick,
};
process.stderr.write(`bench: ${names.join(', ')}${quick ? ' (quick sizes)' : ''}; load average ${info.loadAverage.map((l) => l.toFixed(2)).join(' ')}\n`);

const all = {};
const sections = [];
let failed = 0;
for (const name of names) {
  const outfile = path.join(outDir, `${name}.cjs`);
  await bundle(path.join(root, 'bench', `${name}.ts`), outfile);
  const mod = await import(pathToFileURL(outfile).href);
  if (typeof (mod.run ?? mod.default?.run) !== 'function') continue;
  process.stderr.write(`bench ${name}…\n`);
  const result = path.join(outDir, `${name}.result.json`);
  fs.rmSync(result, { force: true });
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLPath(import.meta.url), '--child', outfile, result], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const meta = mod.report ?? mod.default?.report ?? {};
  if (child.status !== 0 || !fs.existsSync(result)) {
    failed++;
    sections.push({
      name,
      section: renderSection(
        { name, title: meta.title ?? name, about: meta.about ?? '', figures: [], error: `exit ${child.status ?? child.signal}; see the run's output` },
        info,
      ),
    });
    continue;
  }
  const r = JSON.parse(fs.readFileSync(result, 'utf8'));
  all[name] = r.raw;
  process.stdout.write(`${JSON.stringify({ [name]: r.raw }, null, 2)}\n`);
  sections.push({ name, section: renderSection({ name, title: r.title ?? name, about: r.about ?? '', figures: r.figures }, info) });
}
fs.writeFileSync(path.join(outDir, 'last.json'), JSON.stringify({ ...info, figures: all }, null, 2));

if (!noWrite && sections.length) {
  const docs = path.join(root, 'docs', 'PERFORMANCE.md');
  const target = quick ? path.join(outDir, 'PERFORMANCE.quick.md') : docs;
  let doc = fs.readFileSync(docs, 'utf8');
  for (const s of sections) doc = replaceSection(doc, s.name, s.section);
  fs.writeFileSync(target, doc);
  process.stderr.write(`wrote ${path.relative(root, target)}\n`);
}
process.exit(failed ? 1 : 0);

function fileURLPath(u) {
  return new URL(u).pathname;
}
