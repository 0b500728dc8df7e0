// Wiring of electron/main/index.ts, with Electron and the core replaced by fakes.
import type { EventEmitter } from 'node:events';
import { describe, it, expect, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';

const fakes = vi.hoisted(() => {
  const calls: string[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const makeSession = (name: string) => ({
    name,
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
    protocol: { handle: vi.fn() },
  });
  const windows: { options: Record<string, unknown>; webContents: { send: ReturnType<typeof vi.fn> }; loadURL: ReturnType<typeof vi.fn> }[] = [];
  return {
    calls,
    ready,
    resolveReady: () => resolveReady(),
    makeSession,
    windows,
    core: { close: vi.fn(async () => undefined), handle: vi.fn(async () => ({ ok: true, value: null })), workerFile: '' },
    onEvent: { fn: undefined as undefined | ((n: string, p: unknown) => void) },
  };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => (fakes.calls.push('singleInstance'), true)),
    enableSandbox: vi.fn(() => fakes.calls.push('enableSandbox')),
    whenReady: vi.fn(() => fakes.ready),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  class BrowserWindow extends Emitter {
    options: Record<string, unknown>;
    webContents = { send: vi.fn(), isDestroyed: () => false, mainFrame: {} };
    loadURL = vi.fn(async () => undefined);
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      fakes.windows.push(this as never);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
  }
  const defaultSession = fakes.makeSession('default');
  const partitionSession = fakes.makeSession('partition');
  return {
    app,
    BrowserWindow,
    ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    powerMonitor: Object.assign(new Emitter(), { getSystemIdleTime: () => 0 }),
    protocol: { registerSchemesAsPrivileged: vi.fn(() => fakes.calls.push('registerSchemes')) },
    session: { defaultSession, fromPartition: vi.fn(() => partitionSession) },
  };
});

vi.mock('../../electron/core', () => ({
  createWorkerRouter: vi.fn((workerFile: string, _init: unknown, onEvent?: (n: string, p: unknown) => void) => {
    fakes.core.workerFile = workerFile;
    fakes.onEvent.fn = onEvent;
    return fakes.core;
  }),
  defaultDataDir: () => '/tmp/obmin-test-data',
}));

const electron = await import('electron');
await import('../../electron/main/index');

describe('main process wiring', () => {
  it('registers the scheme, the sandbox and the single-instance lock before ready', () => {
    expect(fakes.calls).toEqual(['registerSchemes', 'enableSandbox', 'singleInstance']);
    expect(fakes.windows).toHaveLength(0);
  });

  it('once ready: hardens both sessions, serves app:// on the window partition, binds every channel', async () => {
    fakes.resolveReady();
    await vi.waitFor(() => expect(fakes.windows).toHaveLength(1));
    const { session, ipcMain } = electron as unknown as {
      session: { defaultSession: ReturnType<typeof fakes.makeSession>; fromPartition: (p: string) => ReturnType<typeof fakes.makeSession> };
      ipcMain: { handle: ReturnType<typeof vi.fn> };
    };
    const partition = session.fromPartition('obmin');
    for (const ses of [session.defaultSession, partition]) {
      expect(ses.setPermissionRequestHandler, ses.name).toHaveBeenCalled();
      expect(ses.webRequest.onBeforeRequest, ses.name).toHaveBeenCalled();
    }
    expect(partition.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('opens one sandboxed window on app://obmin/ with the bundled preload and no devtools when packaged', () => {
    const [window] = fakes.windows;
    const prefs = window?.options.webPreferences as Record<string, unknown>;
    expect(prefs.sandbox).toBe(true);
    expect(prefs.devTools).toBe(false);
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(window?.loadURL).toHaveBeenCalledWith('app://obmin/index.html');
  });

  it('forwards core events to the window', () => {
    fakes.onEvent.fn?.('locked', { reason: 'idle' });
    expect(fakes.windows[0]?.webContents.send).toHaveBeenCalledWith('obmin:event:locked', { reason: 'idle' });
  });

  it('runs the core in the bundled worker beside main.cjs', () => {
    expect(fakes.core.workerFile).toMatch(/core-worker\.cjs$/);
  });

  it('closes (locks) the core once on quit, then quits', async () => {
    const app = electron.app as unknown as EventEmitter & { quit: ReturnType<typeof vi.fn> };
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(fakes.core.close).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
  });
});
