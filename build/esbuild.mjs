// Bundles the Node-side entry points (main, preload, CLI, workers). Native modules stay external.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
};

const entries = [
  { entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs' },
  { entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs', target: 'chrome130' },
  { entryPoints: ['electron/cli/index.ts'], outfile: 'dist/cli/obmin.cjs' },
  { entryPoints: ['electron/core/worker/entry.ts'], outfile: 'dist/electron/core-worker.cjs' },
];

const { existsSync } = await import('node:fs');
await Promise.all(
  entries
    .filter((e) => existsSync(e.entryPoints[0]))
    .map((e) => build({ ...common, ...e })),
);
