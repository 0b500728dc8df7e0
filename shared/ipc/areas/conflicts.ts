import { z } from 'zod';
import { ConflictEntry, EditValue, KeepSide } from '../../replication/conflicts';

/** The conflict queue (docs/replication.md): concurrent edits of one field kept for a person to confirm or reverse. */
export const conflictsContract = {
  'conflicts.list': {
    args: z.object({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }).strict(),
    result: z.object({ entries: z.array(ConflictEntry), total: z.number().int() }),
  },
  /** Keep one side, or (`value`) write a third value that has seen both; exactly one of the two. */
  'conflicts.resolve': {
    args: z
      .object({ id: z.number().int().min(1), keep: KeepSide.optional(), value: EditValue.optional() })
      .strict()
      .refine((a) => (a.keep === undefined) !== (a.value === undefined), { message: 'keep or value', path: ['keep'] }),
    result: ConflictEntry,
  },
} as const;
