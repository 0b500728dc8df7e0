import { describe, it, expect, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { buildObminApi } from '../../electron/preload/api';

const session = {
  site: { code: 'KYIV-1', name: 'Kyiv' },
  operator: { id: 'op1', name: 'Ivan', role: 'admin', disabled: false, createdAt: '2025-01-01T00:00:00Z' },
  settings: { idleLockMinutes: 5, locale: 'uk' },
  unsyncedChanges: 0,
};

function build(reply: unknown = { ok: true, value: null }) {
  const invoke = vi.fn(async () => reply);
  const listeners = new Map<string, (payload: unknown) => void>();
  const unsubscribe = vi.fn();
  const subscribe = vi.fn((event: string, l: (payload: unknown) => void) => {
    listeners.set(event, l);
    return unsubscribe;
  });
  // The api is typed from the contract; tests also call it the way a hostile page could.
  const api = buildObminApi(invoke, subscribe) as unknown as Record<string, Record<string, (a?: unknown, b?: unknown) => unknown>>;
  return { api, invoke, subscribe, listeners, unsubscribe };
}

describe('buildObminApi shape', () => {
  it('exposes exactly the contract channels as functions, plus events.on, and nothing else', () => {
    const { api } = build();
    const names = Object.keys(api)
      .filter((a) => a !== 'events')
      .flatMap((area) => Object.keys(api[area] ?? {}).map((verb) => `${area}.${verb}`));
    expect(names.sort()).toEqual([...CHANNELS].sort());
    for (const name of names) {
      const [area = '', verb = ''] = name.split('.');
      expect(typeof api[area]?.[verb], name).toBe('function');
    }
    expect(Object.keys(api.events ?? {})).toEqual(['on']);
    expect(Object.keys(api)).not.toContain('invoke');
    expect(Object.keys(api)).not.toContain('ipcRenderer');
  });

  it('is frozen, so a page script cannot swap a function for its own', () => {
    const { api } = build();
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.vault)).toBe(true);
  });
});

describe('calls', () => {
  it('refuses bad arguments with VALIDATION before sending anything', async () => {
    const { api, invoke } = build();
    const bad: [string, string, unknown][] = [
      ['vault', 'lock', { reason: 'because' }],
      ['vault', 'lock', { reason: 'manual', extra: 1 }],
      ['vault', 'unlock', { operator: 'Ivan' }],
      ['vault', 'unlock', { operator: 'Ivan', passphrase: 'x'.repeat(2000) }],
      ['app', 'setLocale', { locale: 'ru' }],
      ['audit', 'list', { limit: 0 }],
      ['app', 'state', 'string'],
    ];
    for (const [area, verb, args] of bad) {
      const result = (await api[area]?.[verb]?.(args)) as { ok: boolean; error: { code: string; messageKey: string; details: unknown } };
      expect(result.ok, `${area}.${verb}`).toBe(false);
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.messageKey).toBe('errors.VALIDATION');
      expect(result.error.details).toBeDefined();
    }
    expect(invoke).not.toHaveBeenCalled();
  });

  it('never echoes a refused passphrase back in the details', async () => {
    const { api } = build();
    const secret = `correct horse ${'x'.repeat(1100)}`;
    const result = await api.vault?.unlock?.({ operator: 'Ivan', passphrase: secret });
    expect(JSON.stringify(result)).not.toContain('correct horse');
  });

  it('sends the parsed arguments on the bare channel and returns the parsed value', async () => {
    const { api, invoke } = build({ ok: true, value: session });
    const result = await api.vault?.unlock?.({ operator: 'Ivan', passphrase: 'pass' });
    expect(invoke).toHaveBeenCalledWith('vault.unlock', { operator: 'Ivan', passphrase: 'pass' });
    expect(result).toEqual({ ok: true, value: session });
  });

  it('applies contract defaults before sending', async () => {
    const { api, invoke } = build({ ok: true, value: [] });
    await api.audit?.list?.({});
    expect(invoke).toHaveBeenCalledWith('audit.list', { limit: 200 });
  });

  it('passes a typed error from the main process through', async () => {
    const error = { code: 'WRONG_CREDENTIALS', messageKey: 'errors.WRONG_CREDENTIALS', details: { remaining: 2 } };
    const { api } = build({ ok: false, error });
    expect(await api.vault?.unlock?.({ operator: 'Ivan', passphrase: 'nope' })).toEqual({ ok: false, error });
  });

  it.each([
    ['a value of the wrong shape', { ok: true, value: { site: 'x' } }],
    ['no envelope at all', 'hello'],
    ['null', null],
    ['an error with an unknown code', { ok: false, error: { code: 'HACKED', messageKey: 'x' } }],
    ['an error carrying a stack', { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL', stack: 'at /x' } }],
    ['an envelope with extra fields', { ok: true, value: session, leaked: 'key' }],
  ])('turns %s into INTERNAL', async (_name, reply) => {
    const { api } = build(reply);
    const result = (await api.vault?.unlock?.({ operator: 'Ivan', passphrase: 'pass' })) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('INTERNAL');
    expect(JSON.stringify(result)).not.toMatch(/at \/x|leaked|HACKED/);
  });

  it('turns a rejected invoke into INTERNAL instead of throwing into the page', async () => {
    const { api, invoke } = build();
    invoke.mockRejectedValue(new Error("Error invoking remote method 'obmin:vault.lock': /home/op"));
    const result = (await api.vault?.lock?.({ reason: 'manual' })) as { ok: boolean; error: { code: string } };
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL', details: { reason: 'invoke' } } });
  });
});

describe('events', () => {
  it('subscribes to contract events and delivers only valid payloads', () => {
    const { api, subscribe, listeners, unsubscribe } = build();
    const listener = vi.fn();
    const off = api.events?.on?.('locked', listener) as () => void;
    expect(subscribe).toHaveBeenCalledWith('locked', expect.any(Function));
    listeners.get('locked')?.({ reason: 'idle' });
    listeners.get('locked')?.({ reason: 'nonsense' });
    listeners.get('locked')?.('not an object');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith({ reason: 'idle' });
    off();
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('refuses names the contract does not list', () => {
    const { api, subscribe } = build();
    for (const name of ['secret', '__proto__', 'toString', 'vault.unlock']) {
      expect(() => api.events?.on?.(name, () => undefined), name).toThrow(TypeError);
    }
    expect(subscribe).not.toHaveBeenCalled();
  });
});
