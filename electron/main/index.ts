// The Electron front door: one instance, one hardened window, the core behind a typed IPC router.
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session } from 'electron';
import { createWorkerRouter, defaultDataDir } from '../core';
import { createEventForwarder } from './events';
import { hardenApp, hardenSession } from './hardening';
import { bindIpc, createSenderCheck } from './ipc';
import { startLockWatch } from './lock';
import { withMediaDialogs } from './media';
import { menuTemplate } from './menu';
import { PREVIEW_PARTITION, withPrinting } from './print';
import { createElectronPrinting } from './printWindow';
import { APP_INDEX_URL, registerAppScheme, serveApp } from './protocol';
import { createWindowOptions, WINDOW_PARTITION } from './window';

// Bundled to dist/electron/main.cjs, beside preload.cjs; the renderer is built to dist/renderer.
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
// The core (database, KDF, imports, matching) runs in a worker thread: the main loop stays free for windows.
// Packaged, it is unpacked beside the archive (electron-builder.yml asarUnpack).
const CORE_WORKER_PATH = path.join(__dirname, 'core-worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);

let mainWindow: BrowserWindow | null = null;

function ourWindows(): BrowserWindow[] {
  return mainWindow && !mainWindow.isDestroyed() ? [mainWindow] : [];
}

function createMainWindow(devTools: boolean): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions({ preload: PRELOAD_PATH }, { devTools }));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_INDEX_URL);
  return window;
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function start(): Promise<void> {
  const devTools = !app.isPackaged;
  await app.whenReady();

  const windowSession = session.fromPartition(WINDOW_PARTITION);
  for (const ses of [session.defaultSession, windowSession]) hardenSession(ses, devTools);
  serveApp(windowSession.protocol, RENDERER_DIR);

  const emit = createEventForwarder(() => ourWindows().map((w) => w.webContents));
  const router = createWorkerRouter(CORE_WORKER_PATH, { dataDir: defaultDataDir() }, emit);
  const printing = createElectronPrinting({
    BrowserWindow,
    dialog: () => dialog,
    previewSession: () => session.fromPartition(PREVIEW_PARTITION),
    parent: () => mainWindow,
  });
  const media = withMediaDialogs(withPrinting(router, printing), {
    openFile: async () =>
      (await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters: [{ name: 'Obmin', extensions: ['obmin'] }] })).filePaths[0] ?? null,
    pickFolder: async () => (await dialog.showOpenDialog(mainWindow!, { properties: ['openDirectory', 'createDirectory'] })).filePaths[0] ?? null,
  });
  bindIpc(ipcMain, media, createSenderCheck(ourWindows));
  const stopLockWatch = startLockWatch({ powerMonitor, router });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ devTools })));
  mainWindow = createMainWindow(devTools);

  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => app.quit());
  // Quitting locks: the worker closes the database and drops the key before the app exits.
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    stopLockWatch();
    void router.close().finally(() => app.quit());
  });
}

// Before 'ready': the scheme's privileges and the sandbox for every renderer cannot be granted later.
registerAppScheme(protocol);
app.enableSandbox();
hardenApp(app);

if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    console.error('Obmin failed to start:', error instanceof Error ? error.name : 'unknown error');
    app.exit(1);
  });
} else {
  // A second copy would open the same vault twice: hand over to the first and leave.
  app.quit();
}
