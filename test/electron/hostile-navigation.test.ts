// Hostile navigation (issue 11): javascript:, file:, data:, external URLs, window.open and a dropped file lead
// nowhere — no navigation, no new window, no permission. Electron's own handlers, called with fake events.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hardenSession, hardenWebContents, shouldCancelRequest } from '../../electron/main/hardening';
import { createWindowOptions } from '../../electron/main/window';
import { guardFileDrops } from '../../electron/preload/drop';

const HOSTILE = [
  'javascript:alert(1)',
  'JavaScript:window.obmin',
  'file:///etc/passwd',
  'file://server/share/list.xlsx',
  'file:///C:/Users/op/Desktop/list.obmin',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'https://example.org/',
  'http://127.0.0.1:8080/',
  'http://localhost/',
  'ws://localhost:9222/devtools',
  'blob:https://example.org/5f0c',
  'about:blank',
  'chrome://settings',
  'view-source:app://obmin/index.html',
  'devtools://devtools/bundled/inspector.html',
  'app://obmin.evil/index.html',
  'app://obmin@evil/index.html',
  'app://other/index.html',
  'mailto:someone@example.org',
];

function fakeContents() {
  const listeners = new Map<string, (event: { url?: string; preventDefault: () => void }) => void>();
  let openHandler: ((details: { url: string; disposition: string }) => unknown) | undefined;
  return {
    listeners,
    open: (url: string, disposition = 'new-window') => openHandler?.({ url, disposition }),
    on: vi.fn((name: string, l: never) => listeners.set(name, l)),
    setWindowOpenHandler: vi.fn((h: never) => (openHandler = h)),
  };
}

function prevented(contents: ReturnType<typeof fakeContents>, name: string, url?: string): boolean {
  const preventDefault = vi.fn();
  const listener = contents.listeners.get(name);
  if (!listener) throw new Error(`no ${name} handler`);
  listener({ url, preventDefault });
  return preventDefault.mock.calls.length > 0;
}

describe('hostile navigation', () => {
  const contents = fakeContents();
  hardenWebContents(contents as never);

  it.each(HOSTILE)('%s: every navigation, frame navigation and redirect is prevented', (url) => {
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) expect(prevented(contents, event, url), event).toBe(true);
  });

  it.each(HOSTILE)('%s: window.open and target=_blank open no window', (url) => {
    for (const disposition of ['new-window', 'foreground-tab', 'background-tab', 'save-to-disk', 'other'])
      expect(contents.open(url, disposition)).toEqual({ action: 'deny' });
  });

  it.each(HOSTILE)('%s: the session cancels it as a request (devtools too, in a packaged build)', (url) => {
    expect(shouldCancelRequest(url)).toBe(true);
  });

  it('our own page still navigates inside the app, and even it opens no second window', () => {
    expect(prevented(contents, 'will-navigate', 'app://obmin/index.html')).toBe(false);
    expect(contents.open('app://obmin/index.html')).toEqual({ action: 'deny' });
  });

  it('nothing hands a URL to the operating system: shell.openExternal, enableBlinkFeatures and allowpopups are never used', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const hits: string[] = [];
    const scan = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) scan(p);
        else if (/\.(ts|tsx|html)$/.test(e.name) && /openExternal|enableBlinkFeatures|allowpopups|openPath\(/.test(fs.readFileSync(p, 'utf8'))) hits.push(p);
      }
    };
    for (const d of ['electron', 'renderer/src', 'renderer/index.html', 'shared']) {
      const p = path.join(root, d);
      if (fs.statSync(p).isDirectory()) scan(p);
      else if (/openExternal|enableBlinkFeatures|allowpopups/.test(fs.readFileSync(p, 'utf8'))) hits.push(p);
    }
    expect(hits).toEqual([]);
  });

  it('a <webview> is never attached', () => {
    expect(prevented(contents, 'will-attach-webview')).toBe(true);
  });
});

describe('no permission for a hostile page', () => {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  hardenSession({
    setPermissionRequestHandler: (h: never) => (handlers.request = h),
    setPermissionCheckHandler: (h: never) => (handlers.check = h),
    setDevicePermissionHandler: (h: never) => (handlers.device = h),
    setSpellCheckerEnabled: () => undefined,
    webRequest: { onBeforeRequest: () => undefined },
  } as never);

  it.each([
    'openExternal',
    'fileSystem',
    'media',
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'geolocation',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'midiSysex',
    'window-management',
    'unknown',
  ])('%s is refused, whoever asks', (permission) => {
    for (const origin of ['app://obmin', 'https://example.org', 'file://', 'null']) {
      const callback = vi.fn();
      (handlers.request as (...a: unknown[]) => void)({}, permission, callback, { requestingUrl: `${origin}/` });
      expect(callback).toHaveBeenCalledWith(false);
      expect((handlers.check as (...a: unknown[]) => boolean)(null, permission, origin, {})).toBe(false);
    }
  });

  it('no USB, HID or serial device is granted', () => {
    for (const deviceType of ['usb', 'hid', 'serial'])
      expect((handlers.device as (...a: unknown[]) => boolean)({ deviceType, origin: 'app://obmin' })).toBe(false);
  });
});

describe('a file dropped on the window', () => {
  it('the window does not navigate on drag and drop', () => {
    expect(createWindowOptions({ preload: '/p.cjs' }, { devTools: false }).webPreferences?.navigateOnDragDrop).toBe(false);
  });

  it('the preload cancels the browser default of dragover and drop, in the capture phase', () => {
    const listeners = new Map<string, { listener: (e: { preventDefault(): void }) => void; capture: boolean }>();
    guardFileDrops({ addEventListener: (type, listener, options) => listeners.set(type, { listener, capture: options?.capture ?? false }) });
    expect([...listeners.keys()].sort()).toEqual(['dragover', 'drop']);
    for (const { listener, capture } of listeners.values()) {
      const preventDefault = vi.fn();
      listener({ preventDefault });
      expect(preventDefault).toHaveBeenCalledOnce();
      expect(capture).toBe(true);
    }
  });

  it('outside a window (node) the guard does nothing and does not throw', () => {
    expect(() => guardFileDrops({})).not.toThrow();
  });
});
