// Drives the built renderer in Debian Chromium with window.obmin bridged to the REAL core and IPC router in this
// process. No server and no network: a fake origin is answered from dist/renderer, everything else is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild, type Plugin } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createCore, createRouter, type Core } from '../../electron/core';
import { SECURITY_HEADERS } from '../../electron/main/csp';
import { withMediaDialogs } from '../../electron/main/media';
import { mimeTypeFor } from '../../electron/main/protocol';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const DIST = path.join(ROOT, 'dist/renderer');
export const ORIGIN = 'http://obmin.local';
export const SCREENSHOTS = path.join(HERE, 'screenshots');
/** Cheap KDF for tests only: the production cost would make every unlock take seconds. */
export const TEST_KDF = { memoryKiB: 8192, iterations: 1, parallelism: 1 };

export const VIEWPORTS = {
  small: { width: 1366, height: 768 },
  large: { width: 1920, height: 1080 },
} as const;

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** Builds the renderer when the build is missing or older than its sources (a stale build tests old code). */
export async function ensureRendererBuilt(): Promise<void> {
  const index = path.join(DIST, 'index.html');
  const sources = [path.join(ROOT, 'renderer'), path.join(ROOT, 'shared')];
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test what ships.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(ROOT, 'renderer/vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = env;
  }
}

let initScript: string | null = null;

/**
 * An init script runs before the page's CSP is in force, so zod would decide eval is allowed, compile its fast
 * path, and then throw EvalError on first use. Electron's preload runs in its own world; here we share the page's.
 */
const zodJitless: Plugin = {
  name: 'zod-jitless',
  setup(b) {
    b.onResolve({ filter: /^e2e:zod-jitless$/ }, () => ({ path: 'zod-jitless', namespace: 'e2e' }));
    b.onLoad({ filter: /.*/, namespace: 'e2e' }, () => ({
      contents: "import { config } from 'zod'; config({ jitless: true });",
      resolveDir: ROOT,
      loader: 'ts',
    }));
  },
};

/** The real preload API builder, bundled for the page, plus a listener registry the harness feeds core events into. */
async function preloadInitScript(): Promise<string> {
  if (initScript) return initScript;
  const out = await esbuild({
    stdin: {
      contents:
        "import 'e2e:zod-jitless';\nimport { guardFileDrops } from './electron/preload/drop';\nguardFileDrops(window);\nexport { buildObminApi } from './electron/preload/api';",
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'e2e-preload.ts',
    },
    plugins: [zodJitless],
    bundle: true,
    format: 'iife',
    globalName: '__obminPreload',
    platform: 'browser',
    target: 'chrome130',
    write: false,
    logLevel: 'warning',
  });
  const bridge = `
(() => {
  const listeners = new Map();
  const subscribe = (name, listener) => {
    let set = listeners.get(name);
    if (!set) listeners.set(name, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  };
  Object.defineProperty(window, '__obminEmit', {
    value: (name, payload) => { for (const l of [...(listeners.get(name) || [])]) l(payload); },
  });
  Object.defineProperty(window, 'obmin', {
    value: __obminPreload.buildObminApi((channel, args) => window.__obminInvoke(channel, args), subscribe),
    enumerable: true,
  });
})();`;
  initScript = `${out.outputFiles[0]!.text}\n${bridge}`;
  return initScript;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The app's own origin, and what never leaves the page (inline images, its own blobs). */
const isOwn = (url: string) => url.startsWith(`${ORIGIN}/`) || url.startsWith('data:') || url.startsWith(`blob:${ORIGIN}/`);

async function serveRenderer(context: BrowserContext, foreign: string[]): Promise<void> {
  // Issue 11: any request that is not the app's own origin fails the test that made it (see close()).
  context.on('request', (r) => {
    if (!isOwn(r.url())) foreign.push(r.url());
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      foreign.push(route.request().url());
      return route.abort('blockedbyclient');
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.resolve(DIST, `.${rel}`);
    if (!file.startsWith(DIST + path.sep) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, body: fs.readFileSync(file), headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(file) } });
  });
}

/** Console notes that come from the harness, not the app: http:// is not a trustworthy origin for COOP, and the
 * meta CSP's frame-ancestors is ignored by design (the header carries it). */
const BENIGN = [/Cross-Origin-Opener-Policy header has been ignored/, /'frame-ancestors' is ignored when delivered via a <meta> element/];

export interface AppHandle {
  page: Page;
  context: BrowserContext;
  core: Core;
  dataDir: string;
  /** Problems the page reported (console errors, CSP violations, uncaught exceptions): a test expects none. */
  problems: string[];
  /** Requests the page made to anything but the app's own origin; close() throws when there were any. */
  foreign: string[];
  /** What main's own open/folder dialogs "pick" (electron/main/media.ts): the page still never sends a path. */
  media: { open: string | null; folder: string | null };
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Install Playwright's fake clock before the page loads (idle-lock tests). */
  clock?: boolean;
  dataDir?: string;
}

export async function openApp(browser: Browser, opts: OpenOptions = {}): Promise<AppHandle> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-e2e-'));
  let page: Page | null = null;
  const core = createCore({
    dataDir,
    kdf: TEST_KDF,
    // Core events (locked on idle/suspend) reach the page as the preload would deliver them.
    onEvent: (name, payload) => {
      void page
        ?.evaluate(([n, p]) => (window as unknown as { __obminEmit(n: string, p: unknown): void }).__obminEmit(n, p), [name, payload] as const)
        .catch(() => undefined);
    },
  });
  const media: AppHandle['media'] = { open: null, folder: null };
  const router = withMediaDialogs(createRouter(core), { openFile: async () => media.open, pickFolder: async () => media.folder });
  const context = await browser.newContext({ viewport: opts.viewport ?? VIEWPORTS.small, serviceWorkers: 'block' });
  const foreign: string[] = [];
  await serveRenderer(context, foreign);
  page = await context.newPage();
  page.on('websocket', (ws) => foreign.push(ws.url()));
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !BENIGN.some((re) => re.test(m.text()))) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.exposeFunction('__obminInvoke', (channel: string, args: unknown) => router.handle(channel, args));
  await page.addInitScript({ content: await preloadInitScript() });
  if (opts.clock) await page.clock.install();
  await page.goto(`${ORIGIN}/index.html`);
  return {
    page,
    context,
    core,
    dataDir,
    problems,
    foreign,
    media,
    async close() {
      await context.close();
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      // Loud on purpose: the workstation is air-gapped, so a page that reaches for a network is a failed run.
      if (foreign.length > 0) throw new Error(`The page tried to reach outside ${ORIGIN}: ${[...new Set(foreign)].join(', ')}`);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

/** Screenshots at both target sizes, restoring the original viewport after. */
export async function screenshotBoth(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const [, v] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(v);
    await screenshot(page, `${name}-${v.width}x${v.height}`);
  }
  if (before) await page.setViewportSize(before);
}
