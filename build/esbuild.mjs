// Bundles the Node-side entry points (main, preload, CLI, workers). Native modules stay external.
// `--test` also bundles the test build of the CLI (.tmp/test-build/obmin.cjs): only there does OBMIN_TEST_KDF work.
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
  { entryPoints: ['electron/cli/index.ts'], outfile: 'dist/cli/obmin.cjs', define: { __OBMIN_TEST_BUILD__: 'false' } },
  { entryPoints: ['electron/core/worker/entry.ts'], outfile: 'dist/electron/core-worker.cjs' },
];

if (process.argv.includes('--test')) {
  entries.push({ entryPoints: ['electron/cli/index.ts'], outfile: '.tmp/test-build/obmin.cjs', define: { __OBMIN_TEST_BUILD__: 'true' } });
}

const { existsSync } = await import('node:fs');
await Promise.all(entries.filter((e) => existsSync(e.entryPoints[0])).map((e) => build({ ...common, ...e })));
// The PDF font (Noto Sans, covers Ukrainian) travels beside the bundles: the core embeds it in every document it prints.
const { cpSync, mkdirSync } = await import('node:fs');
mkdirSync('dist/fonts', { recursive: true });
for (const f of ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'LICENSE-OFL.txt']) cpSync(`renderer/src/assets/fonts/${f}`, `dist/fonts/${f}`);
