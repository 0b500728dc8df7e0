import type { uk } from './uk';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every language has exactly the Ukrainian screen keys (a missing or extra key fails to compile). */
export type ScreenMessages = Widen<typeof uk>;
