// The conflict queue's entry as the screen, the CLI and IPC see it: one kept concurrent value against the shown one.
import { z } from 'zod';
import { scalarSchema } from './schemas';

export const ConflictSide = z.object({
  value: scalarSchema,
  /** Full HLC stamp of the write (time, counter, site id). */
  stamp: z.string(),
  at: z.string(),
  site: z.string(),
  /** This site's code when the write was made here; otherwise null (the site id names it). */
  siteCode: z.string().nullable(),
  operator: z.string().nullable(),
  operatorName: z.string().nullable(),
});
export type ConflictSide = z.infer<typeof ConflictSide>;

export const ConflictEntry = z.object({
  id: z.number().int(),
  tbl: z.string(),
  row: z.string(),
  /** The person's case number (or id) the record belongs to. */
  ref: z.string().nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  field: z.string(),
  /** The value this register shows now (the newest by hybrid clock, the same on every site). */
  mine: ConflictSide,
  /** The concurrent value kept for a person to confirm or reverse. */
  theirs: ConflictSide,
});
export type ConflictEntry = z.infer<typeof ConflictEntry>;

export const KeepSide = z.enum(['mine', 'theirs']);
export type KeepSide = z.infer<typeof KeepSide>;
