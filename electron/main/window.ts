// The main window's options: every renderer capability that is not needed is switched off explicitly.
import type { BrowserWindowConstructorOptions } from 'electron';

/** In-memory partition (no "persist:" prefix): no cache, storage or cookies of the page ever reach the disk. */
export const WINDOW_PARTITION = 'obmin';

/** What every window of the app switches off, whatever it shows (the main window and the PDF preview). */
export const HARDENED_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  experimentalFeatures: false,
} as const satisfies BrowserWindowConstructorOptions['webPreferences'];

export const MIN_WIDTH = 1280;
export const MIN_HEIGHT = 720;

export function createWindowOptions(paths: { preload: string }, flags: { devTools: boolean }): BrowserWindowConstructorOptions {
  return {
    title: 'Obmin',
    width: 1440,
    height: 900,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    backgroundColor: '#1f2328',
    // Shown on ready-to-show, so the operator never sees a blank white frame.
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload: paths.preload,
      partition: WINDOW_PARTITION,
      ...HARDENED_PREFERENCES,
      devTools: flags.devTools,
      enableWebSQL: false,
      plugins: false,
    },
  };
}
