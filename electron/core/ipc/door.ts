// The front door's shape, declared once: the core's router, the worker host and main's wrappers all implement it.
import type { Result } from '../../../shared/errors';
import type { ArgsOf, Channel, ResultOf } from '../../../shared/ipc/contract';

export interface Router {
  /** Untyped on purpose: the window's IPC hands any name and arguments here, and the router checks them. */
  handle(channel: string, args: unknown): Promise<Result<unknown>>;
}

/** A typed call through any router: the channel's arguments and result as the contract declares them. */
export function call<C extends Channel>(router: Router, channel: C, args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
  return router.handle(channel, args) as Promise<Result<ResultOf<C>>>;
}
