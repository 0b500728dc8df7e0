// Builds window.obmin from the contract. No Node, no Electron: the e2e harness bundles this file into a plain page.
import { z } from 'zod';
import { ERROR_CODES, type ObminErrorShape, type Result } from '../../shared/errors';
import { CHANNELS, contract, events, type Channel, type EventName } from '../../shared/ipc/contract';
import { splitChannel, type ObminApi } from '../../shared/ipc/api';

export type Invoke = (channel: string, args: unknown) => Promise<unknown>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

const ErrorShape = z
  .object({
    code: z.enum(ERROR_CODES),
    messageKey: z.string().min(1).max(200),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: ErrorShape }).strict(),
]);

function failure(code: 'VALIDATION' | 'INTERNAL', details?: Record<string, unknown>): Result<never> {
  const error: ObminErrorShape = { code, messageKey: `errors.${code}` };
  if (details !== undefined) error.details = details;
  return { ok: false, error };
}

// Issue paths and codes only: zod messages and inputs could echo a passphrase back to the page.
function issuesOf(error: z.ZodError): Record<string, unknown> {
  return { issues: error.issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code })) };
}

function callFor(channel: Channel, invoke: Invoke): (args: unknown) => Promise<Result<unknown>> {
  const schema = contract[channel];
  return async function call(args: unknown): Promise<Result<unknown>> {
    const parsedArgs = schema.args.safeParse(args ?? {});
    if (!parsedArgs.success) return failure('VALIDATION', issuesOf(parsedArgs.error));
    let raw: unknown;
    try {
      raw = await invoke(channel, parsedArgs.data);
    } catch {
      return failure('INTERNAL', { reason: 'invoke' });
    }
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) return failure('INTERNAL', { reason: 'malformed-result' });
    if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
    const value = schema.result.safeParse(envelope.data.value);
    if (!value.success) return failure('INTERNAL', { reason: 'malformed-result' });
    return { ok: true, value: value.data };
  };
}

function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

function onFor(subscribe: Subscribe) {
  return function on(event: EventName, listener: (payload: unknown) => void): () => void {
    if (!isEventName(event)) throw new TypeError('Unknown event');
    if (typeof listener !== 'function') throw new TypeError('Listener must be a function');
    const schema = events[event];
    return subscribe(event, (payload) => {
      const parsed = schema.safeParse(payload);
      // A malformed payload is dropped: the page only ever sees shapes the contract promises.
      if (parsed.success) listener(parsed.data);
    });
  };
}

/** window.obmin: one named function per contract channel, grouped by area, plus `events.on`. */
export function buildObminApi(invoke: Invoke, subscribe: Subscribe): ObminApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNELS) {
    const [area, verb] = splitChannel(channel);
    const group = (api[area] ??= {});
    group[verb] = callFor(channel, invoke);
  }
  for (const group of Object.values(api)) Object.freeze(group);
  api.events = Object.freeze({ on: onFor(subscribe) });
  return Object.freeze(api) as unknown as ObminApi;
}
