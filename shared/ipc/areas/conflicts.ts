import { z } from 'zod';
import { ConflictEntry, KeepSide } from '../../replication/conflicts';

/** The conflict queue (docs/replication.md): concurrent edits of one field kept for a person to confirm or reverse. */
export const conflictsContract = {
  'conflicts.list': {
    args: z.object({ limit: z.number().int().min(1).max(1000).default(200), offset: z.number().int().min(0).default(0) }).strict(),
    result: z.object({ entries: z.array(ConflictEntry), total: z.number().int() }),
  },
  'conflicts.resolve': { args: z.object({ id: z.number().int().min(1), keep: KeepSide }).strict(), result: ConflictEntry },
} as const;
