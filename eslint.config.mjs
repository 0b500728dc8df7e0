// Layer rules (see docs/architecture.md): renderer → shared; main → core → shared; cli → core's front door
// (electron/core/index.ts) → shared; preload → shared.
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'worker_threads',
  'stream',
  'util',
  'zlib',
  'url',
  'net',
  'http',
  'https',
];

// Inside the core, lowest layer first (docs/architecture.md, "Inside the core"): a file may import its own layer, the
// layers below it and shared/, never a layer above — except where `also` says so. File by file, because a folder can
// hold two layers (vault/: the connection, the keys, login); eslint-plugin-boundaries sees only imports between
// folders. Naming a type is not a call and is allowed (db/session.ts names the audit signer it holds).
// Targets: 'dir/' is a folder (and its index), 'dir/a|b' files in it, 'dir/!a|b' the folder's other files.
const CORE_LAYERS = [
  // the open connection and what lives with it (db/session.ts), paths, reading people's files, drawing PDFs
  { layer: 'base', targets: ['vault/database', 'db/session', 'fsutil', 'paths', 'files/', 'pdf/'] },
  // keys: the encrypted file and its key slots, the KDF, the family key, the unlock throttle
  { layer: 'keys', targets: ['vault/!database|vault|familySeal|familyRotate|backup'] },
  // the signed, chained audit log
  { layer: 'audit', targets: ['audit/'] },
  // the write path (Writer: HLC, change log, audit, sealing; after-write hooks; batching) and the replication
  // bookkeeping every write does (kept units, materialising, site numbers, the change log)
  { layer: 'write', targets: ['db/!session', 'replication/kept|materialize|sites|log'] },
  // migrations may fill a new table with its feature's own code (0008 transfer keys, 0009 the register's surname vocabulary)
  { layer: 'migrations', targets: ['db/migrations/'], also: ['register', 'features'] },
  // login and session: creating, unlocking and re-keying the vault, family-key sealing and rotation, backup, operators
  { layer: 'login', targets: ['vault/vault|familySeal|familyRotate|backup', 'operators/'] },
  // the register: people and what hangs on them, search, import/export, duplicates and merge, the matching cache
  { layer: 'register', targets: ['register/'] },
  // the other use cases, built on the register: one folder per feature; replication's merge, conflicts and packages
  { layer: 'features', targets: ['lists/', 'exchanges/', 'manifest/', 'transfer/', 'demo/', 'replication/!kept|materialize|sites|log'] },
  // the session holder (unlock, lock, roles, settings, backup) and the tables' hooks it hands each session; the door names it as a type
  { layer: 'holder', targets: ['core', 'tables'] },
  // the door: the router and its handlers
  { layer: 'door', targets: ['ipc/'] },
  // the front door (index.ts) and the worker that runs the core for the window
  { layer: 'host', targets: ['index', 'worker/'] },
];
const CORE = 'electron/core';
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The import paths by which a file in `fromDir` (relative to the core) reaches `target`. */
function targetRegex(fromDir, target) {
  const slash = target.lastIndexOf('/');
  const dir = slash < 0 ? '' : target.slice(0, slash);
  const name = target.slice(slash + 1);
  let rel = path.posix.relative(fromDir, dir) || '.';
  if (!rel.startsWith('.')) rel = `./${rel}`;
  const r = esc(rel);
  if (name === '') return `^${r}(/index)?/?$|^${r}/`;
  if (name.startsWith('!')) return `^${r}/(?!(${name.slice(1)})$)[^/]+$`;
  if (name === 'index') return `^${r}(/index)?/?$`;
  return `^${r}/(${name})$`;
}
/** Each target's files as globs, to apply a layer's rule to them. */
function targetGlobs(target) {
  const slash = target.lastIndexOf('/');
  const dir = slash < 0 ? CORE : `${CORE}/${target.slice(0, slash)}`;
  const name = target.slice(slash + 1);
  if (name === '') return [`${dir}/**/*.ts`];
  if (name.startsWith('!')) return [`${dir}/*.ts`];
  return name.includes('|') ? [`${dir}/{${name.replaceAll('|', ',')}}.ts`] : [`${dir}/${name}.ts`];
}
const coreLayerBlocks = CORE_LAYERS.flatMap(({ layer, targets, also = [] }, i) => {
  const above = CORE_LAYERS.slice(i + 1).filter((l) => !also.includes(l.layer));
  return targets.map((t) => {
    const slash = t.lastIndexOf('/');
    // a folder's files may sit one level deeper (ipc/handlers/*): both see the targets from their own folder
    const dirs = t.endsWith('/') ? [t.slice(0, -1), t.slice(0, -1) + '/_'] : [slash < 0 ? '' : t.slice(0, slash)];
    const patterns = above.flatMap((l) =>
      l.targets.flatMap((u) =>
        dirs.map((d) => ({
          regex: targetRegex(d, u),
          allowTypeImports: true,
          message: `core layers: "${layer}" may not import "${l.layer}" (${u}); see CORE_LAYERS in eslint.config.mjs and docs/architecture.md.`,
        })),
      ),
    );
    const files = targetGlobs(t);
    // a folder's "other files" are its files not named by another target
    const ignores = t.includes('/!')
      ? CORE_LAYERS.flatMap((l) => l.targets)
          .filter((u) => u.startsWith(t.slice(0, slash + 1)) && !u.includes('!') && u !== t)
          .flatMap(targetGlobs)
      : [];
    return { files, ignores, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } };
  });
});

export default tseslint.config(
  { ignores: ['dist/**', '.tmp/**', 'node_modules/**', '.tsbuild/**', 'coverage/**', 'test-results/**', 'bin/**', 'build/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { boundaries },
    settings: {
      'import/resolver': {
        typescript: { project: ['tsconfig.*.json'], noWarnOnMultipleProjects: true },
        node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
      },
      'import/extensions': ['.ts', '.tsx', '.js', '.json'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared/**', partialMatch: false },
        { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
        { type: 'main', pattern: 'electron/main/**', partialMatch: false },
        { type: 'preload', pattern: 'electron/preload/**', partialMatch: false },
        { type: 'core', pattern: 'electron/core/**', partialMatch: false },
        { type: 'cli', pattern: 'electron/cli/**', partialMatch: false },
        { type: 'test', pattern: 'test/**', partialMatch: false },
        { type: 'bench', pattern: 'bench/**', partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
            { from: { element: { type: 'renderer' } }, allow: { to: { element: { types: { anyOf: ['renderer', 'shared'] } } } } },
            { from: { element: { type: 'preload' } }, allow: { to: { element: { types: { anyOf: ['preload', 'shared'] } } } } },
            { from: { element: { type: 'core' } }, allow: { to: { element: { types: { anyOf: ['core', 'shared'] } } } } },
            { from: { element: { type: 'main' } }, allow: { to: { element: { types: { anyOf: ['main', 'core', 'shared'] } } } } },
            { from: { element: { type: 'cli' } }, allow: { to: { element: { types: { anyOf: ['cli', 'core', 'shared'] } } } } },
            {
              from: { element: { types: { anyOf: ['test', 'bench'] } } },
              allow: { to: { element: { types: { anyOf: ['test', 'bench', 'shared', 'core', 'main', 'preload', 'cli', 'renderer'] } } } },
            },
            // External packages: allowed, except those a layer must never reach (no-restricted-imports below).
            { allow: { to: { module: { origin: 'external' } } } },
            { allow: { to: { module: { origin: 'core' } } } },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...nodeBuiltins, 'electron', 'react', 'react-dom'], message: 'shared/ is pure: no Node, no DOM, no Electron.' }] },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: 'core and cli never import electron.' }] }],
    },
  },
  ...coreLayerBlocks,
  {
    // The CLI calls the same use cases as the window (the router, typed by the contract) through the core's front
    // door, electron/core/index.ts: never a core module directly, so validation, roles and audit stay one path.
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core and cli never import electron.' },
            {
              group: ['**/core/*', '!**/core/index'],
              message: 'The CLI reaches the core only through electron/core/index.ts (call the router; see docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeBuiltins, 'electron', 'electron/*', 'better-sqlite3-multiple-ciphers'], message: 'The renderer has no Node: call window.obmin.' },
          ],
        },
      ],
    },
  },
);
