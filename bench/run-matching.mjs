// Standalone: bundles bench/matching.ts with esbuild into a temp dir, runs it, prints the figures as JSON.
/* global process, console */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-bench-matching-'));
const outfile = path.join(dir, 'matching.mjs');
try {
  await build({
    entryPoints: [path.join(here, 'matching.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
  });
  process.chdir(path.resolve(here, '..'));
  const { run } = await import(pathToFileURL(outfile).href);
  console.log(JSON.stringify(await run(), null, 2));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
