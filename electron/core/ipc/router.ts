// The typed IPC router: one handler per contract channel; arguments and results are validated against the contract.
import { knownError, type Result } from '../../../shared/errors';
import { contract, isChannel } from '../../../shared/ipc/contract';
import type { Core } from '../core';
import { conflictsHandlers } from './handlers/conflicts';
import { exchangesHandlers } from './handlers/exchanges';
import { foundationHandlers } from './handlers/foundation';
import { listsHandlers } from './handlers/lists';
import { manifestHandlers } from './handlers/manifest';
import { registerHandlers } from './handlers/register';
import { transferHandlers } from './handlers/transfer';
import type { Handlers } from './handlers/types';
import type { Router } from './door';

/** Every area's handlers; the type makes a channel without a handler a compile error. */
export function handlersFor(core: Core): Handlers {
  return {
    ...foundationHandlers(core),
    ...registerHandlers(core),
    ...listsHandlers(core),
    ...exchangesHandlers(core),
    ...manifestHandlers(core),
    ...conflictsHandlers(core),
    ...transferHandlers(core),
  };
}

export function toErrorShape(e: unknown): Result<never> {
  const known = knownError(e);
  if (known) return { ok: false, error: known.toShape() };
  // Never a stack trace across the boundary, and nothing from the data in the log line.
  console.error(`obmin: internal error (${(e as Error)?.name ?? 'unknown'})`);
  return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } };
}

export function createRouter(core: Core, handlers: Handlers = handlersFor(core)): Router {
  // Calls are serialised, one at a time; only a lock skips the queue (below) and ends any long work in flight.
  let queue: Promise<unknown> = Promise.resolve();
  const run = async (channel: string, args: unknown): Promise<Result<unknown>> => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'USAGE', messageKey: 'errors.USAGE', details: { detail: channel } } };
    const spec = contract[channel];
    const parsed = spec.args.safeParse(args ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; ');
      return { ok: false, error: { code: 'VALIDATION', messageKey: 'errors.VALIDATION', details: { detail } } };
    }
    try {
      const handler = handlers[channel] as (a: unknown) => Promise<unknown> | unknown;
      const value = await handler(parsed.data);
      const checked = spec.result.safeParse(value);
      if (!checked.success) return toErrorShape(new Error('result does not match the contract'));
      return { ok: true, value: checked.data };
    } catch (e) {
      return toErrorShape(e);
    }
  };
  return {
    handle(channel, args) {
      // A lock (suspend, idle, Ctrl+L) never waits behind long work: it ends that work's transaction and closes.
      if (channel === 'vault.lock') return run(channel, args);
      const next = queue.then(() => run(channel, args));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
