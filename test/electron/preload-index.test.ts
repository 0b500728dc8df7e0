import { describe, it, expect, vi } from 'vitest';

const { exposed, ipcRenderer } = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcRenderer: {
    invoke: vi.fn(async () => ({ ok: true, value: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

await import('../../electron/preload/index');

type Api = { vault: { lock(a: unknown): Promise<unknown> }; events: { on(e: string, l: (p: unknown) => void): () => void } };

describe('preload entry', () => {
  const api = exposed.get('obmin') as Api;

  it('exposes only window.obmin, never ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['obmin']);
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('invokes on the prefixed channel', async () => {
    await api.vault.lock({ reason: 'manual' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('obmin:vault.lock', { reason: 'manual' });
  });

  it('listens on the prefixed event channel, hides the IPC event, and unsubscribes', () => {
    const listener = vi.fn();
    const off = api.events.on('locked', listener);
    const [channel, handler] = ipcRenderer.on.mock.calls[0] as unknown as [string, (e: unknown, p: unknown) => void];
    expect(channel).toBe('obmin:event:locked');
    handler({ sender: ipcRenderer }, { reason: 'suspend' });
    expect(listener).toHaveBeenCalledWith({ reason: 'suspend' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('obmin:event:locked', handler);
  });
});
