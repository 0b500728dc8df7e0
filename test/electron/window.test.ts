import { describe, it, expect } from 'vitest';
import { createWindowOptions, WINDOW_PARTITION } from '../../electron/main/window';

describe('main window options', () => {
  const options = createWindowOptions({ preload: '/app/dist/electron/preload.cjs' }, { devTools: false });
  const prefs = options.webPreferences ?? {};

  it('sandboxes the renderer and isolates its context from the preload', () => {
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
  });

  it('gives the page no Node anywhere', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and every optional surface off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.safeDialogs).toBe(true);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableWebSQL).toBe(false);
    expect(prefs.plugins).toBe(false);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('uses the given preload and an in-memory partition', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(prefs.partition).toBe(WINDOW_PARTITION);
    expect(prefs.partition?.startsWith('persist:')).toBe(false);
  });

  it('enables devtools only when asked (development builds)', () => {
    expect(prefs.devTools).toBe(false);
    const dev = createWindowOptions({ preload: 'p' }, { devTools: true });
    expect(dev.webPreferences?.devTools).toBe(true);
  });

  it('is titled, at least 1280×720 and hidden until ready to show', () => {
    expect(options.title).toBe('Obmin');
    expect(options.minWidth).toBeGreaterThanOrEqual(1280);
    expect(options.minHeight).toBeGreaterThanOrEqual(720);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
