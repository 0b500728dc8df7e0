import { describe, it, expect, vi } from 'vitest';
import { hardenApp, hardenSession, hardenWebContents, isAllowedNavigation, isAppUrl, shouldCancelRequest } from '../../electron/main/hardening';

describe('isAppUrl', () => {
  it('accepts only our exact origin', () => {
    expect(isAppUrl('app://obmin/index.html')).toBe(true);
    expect(isAppUrl('app://obmin/')).toBe(true);
    for (const url of ['app://other/', 'app://obmin.evil/', 'app://obmin@evil/', 'app://obmin:1/', 'file:///app://obmin/', 'APP://OBMIN/', 'app://obmin']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('shouldCancelRequest', () => {
  it.each([
    'https://example.org/',
    'http://localhost:5173/',
    'http://127.0.0.1/',
    'file:///etc/passwd',
    'ws://localhost:9222/',
    'wss://example.org/',
    'ftp://example.org/',
    'app://other/index.html',
    'blob:https://example.org/uuid',
    'chrome://settings',
    'chrome-extension://abc/x.js',
    '',
  ])('cancels %s', (url) => {
    expect(shouldCancelRequest(url)).toBe(true);
  });

  it.each(['app://obmin/index.html', 'app://obmin/assets/a.js', 'data:image/png;base64,AA==', 'blob:app://obmin/2b1c'])('lets %s through', (url) => {
    expect(shouldCancelRequest(url)).toBe(false);
  });

  it('lets devtools:// through only in a development build, never in a packaged one', () => {
    expect(shouldCancelRequest('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(shouldCancelRequest('devtools://devtools/bundled/inspector.html', false)).toBe(true);
    expect(shouldCancelRequest('devtools://devtools/bundled/inspector.html', true)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('stays inside the app', () => {
    expect(isAllowedNavigation('app://obmin/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('data:text/html,<script>1</script>')).toBe(false);
  });
});

function fakeSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  return {
    handlers,
    setPermissionRequestHandler: vi.fn((h) => (handlers.request = h)),
    setPermissionCheckHandler: vi.fn((h) => (handlers.check = h)),
    setDevicePermissionHandler: vi.fn((h) => (handlers.device = h)),
    setSpellCheckerEnabled: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn((h) => (handlers.beforeRequest = h)) },
  };
}

describe('hardenSession', () => {
  const ses = fakeSession();
  hardenSession(ses as never);

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen']) {
      const callback = vi.fn();
      (ses.handlers.request as (...a: unknown[]) => void)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect((ses.handlers.check as (...a: unknown[]) => boolean)(null, permission, 'app://obmin', {})).toBe(false);
    }
    expect((ses.handlers.device as (...a: unknown[]) => boolean)({ deviceType: 'usb' })).toBe(false);
    expect(ses.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
  });

  it('cancels network requests at the session and lets app:// through', () => {
    const decide = (url: string) => {
      const callback = vi.fn();
      (ses.handlers.beforeRequest as (...a: unknown[]) => void)({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('https://example.org/')).toEqual({ cancel: true });
    expect(decide('app://obmin/index.html')).toEqual({ cancel: false });
  });
});

function fakeContents() {
  const listeners = new Map<string, (event: { url?: string; preventDefault: () => void }) => void>();
  let openHandler: ((details: { url: string }) => unknown) | undefined;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    on: vi.fn((name: string, l: never) => listeners.set(name, l)),
    setWindowOpenHandler: vi.fn((h: never) => (openHandler = h)),
  };
}

function fire(contents: ReturnType<typeof fakeContents>, name: string, url?: string): boolean {
  const preventDefault = vi.fn();
  contents.listeners.get(name)?.({ url, preventDefault });
  return preventDefault.mock.calls.length > 0;
}

describe('hardenWebContents', () => {
  const contents = fakeContents();
  hardenWebContents(contents as never);

  it('prevents navigation and redirects away from the app', () => {
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(contents, event, 'https://example.org/'), event).toBe(true);
      expect(fire(contents, event, 'file:///etc/passwd'), event).toBe(true);
      expect(fire(contents, event, 'app://obmin/index.html'), event).toBe(false);
    }
  });

  it('denies every new window and webview', () => {
    expect(contents.open('app://obmin/index.html')).toEqual({ action: 'deny' });
    expect(contents.open('https://example.org/')).toEqual({ action: 'deny' });
    expect(fire(contents, 'will-attach-webview')).toBe(true);
  });

  it('is applied to every web contents the app creates', () => {
    const on = vi.fn();
    hardenApp({ on } as never);
    expect(on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const created = fakeContents();
    (on.mock.calls[0]?.[1] as (e: unknown, c: unknown) => void)({}, created);
    expect(created.setWindowOpenHandler).toHaveBeenCalled();
    expect(fire(created, 'will-navigate', 'https://example.org/')).toBe(true);
  });
});
