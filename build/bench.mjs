// `npm run bench [name…]`: bundles each bench/<name>.ts (exporting `run()`), runs it, prints its figures as JSON.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const wanted = process.argv.slice(2);
const names = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.replace(/\.ts$/, ''))
  .filter((n) => wanted.length === 0 || wanted.includes(n));
const outDir = path.join(root, '.tmp', 'bench');
fs.mkdirSync(outDir, { recursive: true });
const all = {};
for (const name of names) {
  const outfile = path.join(outDir, `${name}.cjs`);
  await build({
    entryPoints: [path.join(root, 'bench', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3-multiple-ciphers', 'electron'],
    logLevel: 'warning',
  });
  const mod = await import(pathToFileURL(outfile).href);
  const run = mod.run ?? mod.default?.run;
  if (typeof run !== 'function') continue;
  process.stderr.write(`bench ${name}…\n`);
  const figures = await run();
  Object.assign(all, figures);
  process.stdout.write(`${JSON.stringify({ [name]: figures }, null, 2)}\n`);
}
fs.writeFileSync(path.join(outDir, 'last.json'), JSON.stringify({ at: new Date().toISOString(), node: process.version, figures: all }, null, 2));
