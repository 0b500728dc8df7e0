// The typed IPC router: one handler per contract channel; arguments and results are validated against the contract.
import { ObminError, type Result } from '../../../shared/errors';
import { contract, isChannel, type Channel, type ParsedArgsOf, type ResultOf } from '../../../shared/ipc/contract';
import type { Core } from '../core';

type Handlers = { [C in Channel]: (args: ParsedArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C> };

export function handlersFor(core: Core): Handlers {
  return {
    'app.state': () => core.state(),
    'app.setLocale': ({ locale }) => {
      core.setLocale(locale);
      return null;
    },
    'vault.init': (a) => core.init(a),
    'vault.unlock': (a) => core.unlock(a.operator, a.passphrase),
    'vault.lock': ({ reason }) => {
      core.lock(reason);
      return null;
    },
    'vault.changePassphrase': async ({ current, next }) => {
      await core.changePassphrase(current, next);
      return null;
    },
    'operators.list': () => core.listOperators(),
    'operators.add': (a) => core.addOperator(a),
    'operators.disable': ({ id }) => {
      core.disableOperator(id);
      return null;
    },
    'operators.resetPassphrase': async ({ id, passphrase }) => {
      await core.resetPassphrase(id, passphrase);
      return null;
    },
    'settings.update': (patch) => core.updateSettings(patch),
    'audit.list': ({ limit, beforeSeq }) => core.auditList(limit, beforeSeq),
    'audit.verify': () => core.auditVerify(),
  };
}

export function toErrorShape(e: unknown): Result<never> {
  if (e instanceof ObminError) return { ok: false, error: e.toShape() };
  // Never a stack trace across the boundary, and nothing from the data in the log line.
  console.error(`obmin: internal error (${(e as Error)?.name ?? 'unknown'})`);
  return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.INTERNAL' } };
}

export interface Router {
  handle(channel: string, args: unknown): Promise<Result<unknown>>;
}

export function createRouter(core: Core, handlers: Handlers = handlersFor(core)): Router {
  // Calls are serialised: a lock arriving mid-import waits for it, and the session never changes under a handler.
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
      const next = queue.then(() => run(channel, args));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
