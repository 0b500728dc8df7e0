// What the audit screen can narrow the log by: who did it, whom it concerned, and when.
import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const AuditFilter = z
  .object({
    /** part of the operator's name */
    operator: z.string().trim().min(1).max(128).optional(),
    /** part of the person's name or their case number */
    person: z.string().trim().min(1).max(128).optional(),
    /** first and last day, inclusive (UTC) */
    from: Day.optional(),
    to: Day.optional(),
  })
  .strict();
export type AuditFilter = z.infer<typeof AuditFilter>;

/** The person an entry concerns, named instead of a raw id. */
export const AuditPerson = z.object({ id: z.string(), name: z.string(), ref: z.string().nullable() });
export type AuditPerson = z.infer<typeof AuditPerson>;
