// The packaging policy (issue 11): installers for Linux, Windows and macOS, the hardening fuses, no update channel,
// and a packaged file list with no tests, fixtures, source maps or dev dependencies — the last computed with
// electron-builder's own file matcher applied to this tree (`electron-builder --dir` needs Electron's binary).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '../..');

interface Matcher {
  from: string;
  patterns: string[];
  createFilter(): (file: string, stat: fs.Stats) => boolean;
}
interface FileMatcherModule {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    expand: (p: string) => string,
    platformOptions: object,
    packager: object,
    outDir: string,
    electronCompile: boolean,
  ): Matcher[];
  getFileMatchers(config: object, name: 'asarUnpack', destination: string, options: object): Matcher[] | null;
}
const yaml = require('js-yaml') as { load(text: string): unknown };
const builderConfig = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const matchers = require('app-builder-lib/out/fileMatcher') as FileMatcherModule;

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  files: string[];
  asarUnpack: string[];
};
const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; version?: string; resolved?: string; hasInstallScript?: boolean }>;
};

describe('electron-builder.yml and package.json follow the release policy', () => {
  it("electron-builder's own loader reads the file and its schema accepts it (a misspelt fuse would be refused)", async () => {
    const loaded = await builderConfig.getConfig(ROOT, null, null);
    const logger = { isEnabled: false, add: () => undefined };
    await expect(builderConfig.validateConfiguration(loaded, logger)).resolves.toBeUndefined();
    await expect(builderConfig.validateConfiguration({ ...loaded, electronFuses: { runAsNod: false } }, logger)).rejects.toThrow(/electronFuses/);
    expect(loaded.electronFuses).toEqual(config.electronFuses);
  });

  it('builds AppImage + deb, NSIS + portable, and dmg', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(config.mac.target).toEqual(expect.arrayContaining(['dmg']));
  });

  it('sets every hardening fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('rebuilds the native SQLCipher module for Electron and never publishes', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).not.toBe(true);
    expect(config.publish).toBeNull();
    for (const platform of ['linux', 'win', 'mac', 'nsis', 'deb'])
      expect((config[platform] as Record<string, unknown> | undefined)?.publish ?? null).toBeNull();
  });

  it('electron-builder is an exact devDependency and `npm run dist` builds before packaging', () => {
    expect(pkg.devDependencies['electron-builder']).toMatch(/^26\.\d+\.\d+$/);
    // Electron itself is pinned exactly: what was tested is what ships.
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.dependencies['electron-builder']).toBeUndefined();
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder\b/);
    expect(pkg.scripts.dist).not.toMatch(/--publish(?![ =]never)|-p always/);
  });

  it('`npm ci` resolves every package from the registry; the install scripts are the reviewed four', () => {
    const elsewhere = Object.entries(lock.packages).filter(([, v]) => v.resolved && !v.resolved.startsWith('https://registry.npmjs.org/'));
    expect(elsewhere).toEqual([]);
    // Known and reviewed: the two SQLCipher modules first try prebuild-install (a download from GitHub releases, not the
    // registry) and fall back to node-gyp; esbuild checks its binary; electron-winstaller copies its vendored 7-Zip.
    // electron-builder adds only the last. Electron 42 has no install script (it fetches its binary at first launch);
    // electron-builder fetches Electron and its headers for @electron/rebuild only when `npm run dist` runs.
    const scripted = Object.entries(lock.packages)
      .filter(([, v]) => v.hasInstallScript)
      .map(([p]) => p.replace(/^.*node_modules\//, ''));
    expect(scripted.sort()).toEqual(['@journeyapps/sqlcipher', 'better-sqlite3-multiple-ciphers', 'electron-winstaller', 'esbuild']);
  });

  it('nothing ships an updater, a crash reporter or telemetry', () => {
    const deps = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    expect(deps.filter((d) => /electron-updater|update-electron-app|sentry|crash|analytics|telemetry/i.test(d))).toEqual([]);
    const offenders: string[] = [];
    const scan = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) scan(p);
        else if (/\.(ts|tsx|mjs|cjs|js)$/.test(e.name) && /\b(autoUpdater|crashReporter|electron-updater)\b/.test(fs.readFileSync(p, 'utf8')))
          offenders.push(p);
      }
    };
    for (const d of ['electron', 'shared', 'renderer/src', 'build']) scan(path.join(ROOT, d));
    expect(offenders).toEqual([]);
  });
});

/** Every file electron-builder would copy from the project folder (node_modules aside), by its own matcher. */
function packagedFiles(projectDir: string): string[] {
  const outDir = path.join(projectDir, String((config.directories as { output: string }).output));
  const packager = {
    info: {
      projectDir,
      buildResourcesDir: (config.directories as { buildResources: string }).buildResources,
      config,
      isPrepackedAppAsar: false,
      debugLogger: { isEnabled: false },
    },
  };
  const [matcher] = matchers.getMainFileMatchers(projectDir, '/app', (p) => p, {}, packager, outDir, false);
  const filter = matcher!.createFilter();
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name);
      const rel = path.relative(projectDir, file);
      if (rel === 'node_modules' || rel === '.git') continue;
      const stat = fs.statSync(file);
      if (!filter(file, stat)) continue;
      if (stat.isDirectory()) walk(file);
      else out.push(rel.split(path.sep).join('/'));
    }
  };
  walk(projectDir);
  return out.sort();
}

const FORBIDDEN = [
  /^test\//,
  /^bench\//,
  /^\.tmp\//,
  /fixtures?\//,
  /\.map$/,
  /^docs\//,
  /^electron\//,
  /^renderer\//,
  /^shared\//,
  /\.ts$/,
  /^release\//,
  /\.env/,
];

describe('the packaged file list', () => {
  it('a decoy project: only the build output and package.json ship, never tests, fixtures, maps or .tmp', () => {
    const dir = tmpDir('obmin-pack-');
    const files = [
      'package.json',
      'package-lock.json',
      'electron-builder.yml',
      'README.md',
      '.env',
      'dist/electron/main.cjs',
      'dist/electron/main.cjs.map',
      'dist/electron/core-worker.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc.js',
      'dist/renderer/assets/index-abc.js.map',
      'dist/fonts/NotoSans-Regular.ttf',
      'dist/cli/obmin.cjs',
      'test/transfer/vectors/one.obmin',
      'test/fixtures/list.csv',
      'bench/lists.bench.ts',
      '.tmp/test-build/obmin.cjs',
      'electron/main/index.ts',
      'shared/i18n/uk.ts',
      'docs/security.md',
      'release/Obmin.AppImage',
      'build/esbuild.mjs',
    ];
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), f.endsWith('.json') ? '{}' : 'x');
    }
    expect(packagedFiles(dir)).toEqual([
      'dist/cli/obmin.cjs',
      'dist/electron/core-worker.cjs',
      'dist/electron/main.cjs',
      'dist/fonts/NotoSans-Regular.ttf',
      'dist/renderer/assets/index-abc.js',
      'dist/renderer/index.html',
      'package.json',
    ]);
  });

  it('this repository: what would ship holds no test data, source maps or sources', () => {
    const shipped = packagedFiles(ROOT);
    expect(shipped).toContain('package.json');
    // dist/ exists once `npm run build:node` ran (the unit project's global setup does it).
    expect(shipped).toContain('dist/electron/main.cjs');
    expect(shipped.filter((f) => FORBIDDEN.some((re) => re.test(f)))).toEqual([]);
    expect(shipped.every((f) => f === 'package.json' || f.startsWith('dist/'))).toBe(true);
  });

  it('asarUnpack takes out only the native module, the core worker and the fonts', () => {
    const unpack = matchers.getFileMatchers(config, 'asarUnpack', '/app', {
      macroExpander: (p: string) => p,
      customBuildOptions: {},
      globalOutDir: '/out',
      defaultSrc: ROOT,
    });
    const filter = unpack![0]!.createFilter();
    const file = { isDirectory: () => false } as fs.Stats;
    const out = (rel: string) => filter(path.join(ROOT, rel), file);
    expect(out('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node')).toBe(true);
    expect(out('dist/electron/core-worker.cjs')).toBe(true);
    expect(out('dist/fonts/NotoSans-Regular.ttf')).toBe(true);
    expect(out('dist/electron/main.cjs')).toBe(false);
    expect(out('dist/renderer/index.html')).toBe(false);
  });

  it('node_modules: only production dependencies ship, and no devDependency is one of them', () => {
    // electron-builder copies the production tree npm computes; package-lock.json records it (`dev: true` is dev-only).
    const production = Object.entries(lock.packages)
      .filter(([p, v]) => p.startsWith('node_modules/') && !v.dev)
      .map(([p]) => p.slice(p.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(production).toEqual(expect.arrayContaining(Object.keys(pkg.dependencies)));
    expect(production).toContain('bindings'); // the native module's loader must travel with it
    // @types/node is declared by a production dependency (@fast-csv, under exceljs); its *.d.ts files are dropped by
    // electron-builder's default exclusions (excludedExts), so nothing of it reaches the archive.
    for (const dev of Object.keys(pkg.devDependencies).filter((d) => d !== '@types/node')) expect(production, dev).not.toContain(dev);
    for (const tool of ['electron', 'electron-builder', 'vitest', 'playwright-core', 'vite', 'esbuild', 'typescript', 'eslint', 'fast-check'])
      expect(production, tool).not.toContain(tool);
  });
});
