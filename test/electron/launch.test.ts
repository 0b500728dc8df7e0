// Launches the built app where an Electron binary exists; elsewhere it is skipped with the reason in its name.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';

const require = createRequire(import.meta.url);
const MAIN = path.resolve('dist/electron/main.cjs');

/** The binary path, found without require('electron') first: that would try to download a missing binary. */
function electronBinary(): string | null {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const relative = readFileSync(pathFile, 'utf8');
    const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
    if (!existsSync(path.join(distDir, relative))) return null;
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function skipReason(binary: string | null): string | null {
  if (!binary) return 'the Electron binary is not installed (node_modules/electron/dist)';
  if (!existsSync(MAIN)) return 'the app is not built (run node build/esbuild.mjs)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display (run under xvfb-run)';
  return null;
}

const binary = electronBinary();
const reason = skipReason(binary);

describe('packaged shell', () => {
  it.skipIf(reason !== null)(`launches with a hardened window${reason ? ` — skipped: ${reason}` : ''}`, async () => {
    const { _electron } = await import('playwright-core');
    const dataDir = mkdtempSync(path.join(tmpdir(), 'obmin-launch-'));
    // Chromium refuses to start as root with its OS sandbox; webPreferences.sandbox is what this test checks.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', MAIN] : [MAIN];
    const app = await _electron.launch({ executablePath: binary ?? '', args, env: { ...process.env, OBMIN_DATA: dataDir } });
    try {
      const page = await app.firstWindow();
      // getLastWebPreferences is no longer in Electron's public types; it is read where the runtime still has it.
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => unknown };
        return contents?.getLastWebPreferences?.() ?? null;
      });
      if (prefs !== null) {
        expect(prefs).toMatchObject({
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
        });
      }
      // The same choices, seen from the page: no Node, no webview, no new windows.
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => document.createElement('webview') instanceof HTMLUnknownElement)).toBe(true);
      expect(await page.evaluate(() => window.open('app://obmin/index.html'))).toBeNull();
      expect(page.url()).toMatch(/^app:\/\/obmin\//);
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { obmin?: { vault?: { lock?: unknown } } }).obmin?.vault?.lock)).toBe('function');
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
