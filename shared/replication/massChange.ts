// The mass-change guard: a file that would change or delete more than this share of the register (and more than a
// handful of people) is stopped with the numbers, and applied only on a deliberate confirmation.
import { z } from 'zod';

export const MASS_CHANGE_SHARE = 0.1;
/** Below this many people a file is never "mass": a small register's ordinary sync would trip a pure share. */
export const MASS_CHANGE_FLOOR = 50;

export const MassChange = z.object({ changed: z.number().int(), register: z.number().int(), limit: z.number().int() });
export type MassChange = z.infer<typeof MassChange>;

/** The guard's verdict for a file that changes or deletes `changed` of the `register` people already here. */
export function massChange(changed: number, register: number): MassChange | null {
  const limit = Math.max(MASS_CHANGE_FLOOR, Math.floor(register * MASS_CHANGE_SHARE));
  return changed > limit ? { changed, register, limit } : null;
}
