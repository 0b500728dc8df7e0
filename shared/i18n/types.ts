import type { uk } from './uk';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Ukrainian is the reference catalogue: every other language must have exactly its keys. */
export type MessageTree = Widen<typeof uk>;
