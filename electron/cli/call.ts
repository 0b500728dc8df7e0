// The CLI's one door into the core: the window's router in-process, so validation, roles and audit are one path.
import { ObminError } from '../../shared/errors';
import { contract, type ArgsOf, type Channel, type ParsedArgsOf, type ResultOf } from '../../shared/ipc/contract';
import { call, createRouter, type Core } from '../core';

/** One use case through the contract: the typed result, or the core's ObminError thrown. */
export type Call = <C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<ResultOf<C>>;

/** A flag the contract refuses, caught before anything is opened: a usage error (exit 2). */
function usage(detail: unknown): ObminError {
  return new ObminError('USAGE', { detail: typeof detail === 'string' ? detail : '' });
}

export function callerFor(core: Core): Call {
  const router = createRouter(core);
  return async <C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> => {
    const r = await call(router, channel, args);
    if (r.ok) return r.value;
    const { code, messageKey, details } = r.error;
    throw new ObminError(code, details, messageKey);
  };
}

/** Checks a command's arguments against the contract before anything is asked or opened (no passphrase prompt). */
export function checkArgs<C extends Channel>(channel: C, args: ArgsOf<C>): ParsedArgsOf<C> {
  const parsed = contract[channel].args.safeParse(args);
  if (!parsed.success) throw usage(parsed.error.issues.map((i) => `${i.path.join('.') || '(args)'}: ${i.message}`).join('; '));
  return parsed.data as ParsedArgsOf<C>;
}
