import { describe, it, expect, vi } from 'vitest';
import { CHANNELS, CHANNEL_PREFIX } from '../../shared/ipc/contract';
import { bindIpc, createSenderCheck, isTrustedSenderUrl } from '../../electron/main/ipc';

type Handler = (event: unknown, args: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, h: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, h);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}

const NOT_ALLOWED = { ok: false, error: { code: 'NOT_ALLOWED', messageKey: 'errors.NOT_ALLOWED' } };

describe('isTrustedSenderUrl', () => {
  it('trusts only app://obmin/', () => {
    expect(isTrustedSenderUrl('app://obmin/index.html')).toBe(true);
    for (const url of ['https://evil.example/', 'file:///index.html', 'app://other/', 'about:blank', 'devtools://devtools/', '']) {
      expect(isTrustedSenderUrl(url), url).toBe(false);
    }
  });
});

describe('bindIpc', () => {
  it('registers exactly one prefixed handler per contract channel, and no catch-all', () => {
    const ipcMain = fakeIpcMain();
    bindIpc(ipcMain as never, { handle: vi.fn() }, () => true);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CHANNELS.map((c) => CHANNEL_PREFIX + c).sort());
  });

  it('refuses an untrusted sender without calling the router', async () => {
    const ipcMain = fakeIpcMain();
    const router = { handle: vi.fn(async () => ({ ok: true as const, value: null })) };
    const event = { senderFrame: { url: 'https://evil.example/' } };
    const isTrusted = vi.fn(() => false);
    bindIpc(ipcMain as never, router, isTrusted);
    const result = await ipcMain.handlers.get(`${CHANNEL_PREFIX}vault.lock`)?.(event, { reason: 'manual' });
    expect(result).toEqual(NOT_ALLOWED);
    expect(isTrusted).toHaveBeenCalledWith(event);
    expect(router.handle).not.toHaveBeenCalled();
  });

  it('forwards a trusted call to the router with the bare channel and the arguments as sent', async () => {
    const ipcMain = fakeIpcMain();
    const router = { handle: vi.fn(async () => ({ ok: true as const, value: { x: 1 } })) };
    bindIpc(ipcMain as never, router, () => true);
    const args = { operator: 'Ivan', passphrase: 'secret', extra: 1 };
    const result = await ipcMain.handlers.get(`${CHANNEL_PREFIX}vault.unlock`)?.({}, args);
    expect(router.handle).toHaveBeenCalledWith('vault.unlock', args);
    expect(result).toEqual({ ok: true, value: { x: 1 } });
  });

  it('turns a router throw into INTERNAL without a stack or message', async () => {
    const ipcMain = fakeIpcMain();
    bindIpc(ipcMain as never, { handle: vi.fn(async () => Promise.reject(new Error('/home/op/secret path'))) }, () => true);
    const result = await ipcMain.handlers.get(`${CHANNEL_PREFIX}app.state`)?.({}, {});
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } });
  });

  it('can be unbound', () => {
    const ipcMain = fakeIpcMain();
    const unbind = bindIpc(ipcMain as never, { handle: vi.fn() }, () => true);
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('createSenderCheck', () => {
  const mainFrame = { url: 'app://obmin/index.html', parent: null, processId: 4, routingId: 1 };
  const webContents = { mainFrame };
  const check = createSenderCheck(() => [{ webContents }] as never);

  it('trusts the main frame of our window showing our origin', () => {
    expect(check({ sender: webContents, senderFrame: mainFrame } as never)).toBe(true);
  });

  it('recognises the main frame by its ids when the wrapper is another object', () => {
    expect(check({ sender: webContents, senderFrame: { ...mainFrame } } as never)).toBe(true);
  });

  it("refuses a top-level frame that is not the window's current main frame", () => {
    const stale = { url: 'app://obmin/index.html', parent: null, processId: 4, routingId: 7 };
    expect(check({ sender: webContents, senderFrame: stale } as never)).toBe(false);
  });

  it('refuses a sub-frame, even one on our origin', () => {
    const child = { url: 'app://obmin/index.html', parent: mainFrame, processId: 4, routingId: 2 };
    expect(check({ sender: webContents, senderFrame: child } as never)).toBe(false);
  });

  it('refuses a destroyed or navigated frame (senderFrame null)', () => {
    expect(check({ sender: webContents, senderFrame: null } as never)).toBe(false);
  });

  it('refuses web contents that are not one of our windows', () => {
    const strangerFrame = { url: 'app://obmin/index.html', parent: null, processId: 9, routingId: 1 };
    const stranger = { mainFrame: strangerFrame };
    expect(check({ sender: stranger, senderFrame: strangerFrame } as never)).toBe(false);
  });

  it('refuses our window once it shows another origin', () => {
    const frame = { url: 'https://evil.example/', parent: null, processId: 4, routingId: 1 };
    const contents = { mainFrame: frame };
    const checkOther = createSenderCheck(() => [{ webContents: contents }] as never);
    expect(checkOther({ sender: contents, senderFrame: frame } as never)).toBe(false);
  });
});
