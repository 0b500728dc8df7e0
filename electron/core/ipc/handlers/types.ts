import type { Channel, ParsedArgsOf, ResultOf } from '../../../../shared/ipc/contract';

export type Handler<C extends Channel> = (args: ParsedArgsOf<C>) => Promise<ResultOf<C>> | ResultOf<C>;
export type AreaHandlers<K extends Channel> = { [C in K]: Handler<C> };
export type Handlers = AreaHandlers<Channel>;
