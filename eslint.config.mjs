// Layer rules (see docs/architecture.md): renderer → shared; main → core → shared; cli → core's front door
// (electron/core/index.ts) → shared; preload → shared.
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
  {
    // The generic write path knows no feature: a table's derived data comes through its after-write hook
    // (core/db/afterWrite.ts, registered in core/tables.ts). Migrations may call feature code to fill new tables.
    files: ['electron/core/db/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'core and cli never import electron.' },
            {
              group: ['**/register/*', '**/lists/*', '**/exchanges/*', '**/manifest/*', '**/transfer/*', '**/demo/*'],
              message: 'core/db is below the features: register an after-write hook instead (see core/tables.ts).',
            },
          ],
        },
      ],
    },
  },
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
