import type { Result } from '../errors';
import type { ArgsOf, Channel, EventName, EventPayload, ResultOf } from './contract';

type AreaOf<C extends string> = C extends `${infer A}.${string}` ? A : never;
type Area = AreaOf<Channel>;
type VerbsOf<A extends string> = {
  [C in Channel as C extends `${A}.${infer V}` ? V : never]: (args: ArgsOf<C>) => Promise<Result<ResultOf<C>>>;
};

/** The shape of `window.obmin`: named functions per area, derived from the contract. */
export type ObminApi = { [A in Area]: VerbsOf<A> } & {
  events: { on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void };
};

export function splitChannel(channel: Channel): [string, string] {
  const dot = channel.indexOf('.');
  return [channel.slice(0, dot), channel.slice(dot + 1)];
}
