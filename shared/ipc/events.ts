// Events the core pushes to the window, with the enums they carry; the core's emit is typed by this object.
import { z } from 'zod';

/** Why an operator or the workstation asked for a lock (vault.lock's argument). */
export const LockReason = z.enum(['manual', 'idle', 'suspend']);
export type LockReason = z.infer<typeof LockReason>;

/** Why the window was locked: a lock reason, or the core worker restarted (the session died with it). */
export const LockedReason = z.enum([...LockReason.options, 'restart']);
export type LockedReason = z.infer<typeof LockedReason>;

/** The long tasks that report progress. */
export const ProgressPhase = z.enum(['register.import', 'lists.import', 'transfer.preview', 'transfer.apply', 'transfer.export']);
export type ProgressPhase = z.infer<typeof ProgressPhase>;

export const events = {
  locked: z.object({ reason: LockedReason }),
  progress: z.object({ taskId: z.string(), phase: ProgressPhase, done: z.number(), total: z.number() }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
/** Where the core sends its events; a wrong name or payload is a compile error. */
export type EventSink = <E extends EventName>(name: E, payload: EventPayload<E>) => void;
