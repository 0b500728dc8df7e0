// The conflict queue's entry as the screen, the CLI and IPC see it: one kept concurrent value against the shown one.
import { z } from 'zod';
import { camelCase } from '../register/columns';
import { MAX_FIELD_CHARS, PersonPatch, RelativePatch, SightingInput, SourceInput } from '../register/schemas';
import { scalarSchema } from './schemas';

export const ConflictSide = z.object({
  value: scalarSchema,
  /** Full HLC stamp of the write (time, counter, site id). */
  stamp: z.string(),
  at: z.string(),
  site: z.string(),
  /** The writing site's code: this site's, or another's as verified transfer files named it; null when unknown. */
  siteCode: z.string().nullable(),
  /** The write was made at this site. */
  here: z.boolean(),
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

/** A resolver's own third value, as the record's form gives it (the form's schema below decides whether it fits). */
export const EditValue = z.union([z.string().max(MAX_FIELD_CHARS), z.number().finite(), z.boolean(), z.null()]);
export type EditValue = z.infer<typeof EditValue>;

// The forms' own schemas judge an edited value: one rule per field, its home in shared/register.
type FormSchema = { shape: Record<string, unknown>; safeParse(v: unknown): z.ZodSafeParseResult<Record<string, unknown>> };
const EDIT_SCHEMAS: Partial<Record<string, FormSchema>> = {
  persons: PersonPatch,
  relatives: RelativePatch,
  sightings: SightingInput.omit({ personId: true, sourceId: true }).partial().strict(),
  sources: SourceInput.partial().strict(),
};

/** The form's name of a conflict's field when a resolver may type a value for it, else null (keep either only). */
export function editableField(tbl: string, field: string): string | null {
  const key = camelCase(field);
  return EDIT_SCHEMAS[tbl]?.shape[key] ? key : null;
}

/** Parses an edited value with the field's form schema: `{ [formField]: value }` on success, the zod issues otherwise. */
export function parseEdit(tbl: string, field: string, value: EditValue): z.ZodSafeParseResult<Record<string, unknown>> {
  const key = editableField(tbl, field);
  // Each schema is partial and strict: one named field is judged by its own rule, a field the form lacks is refused.
  return (key ? EDIT_SCHEMAS[tbl]! : z.object({}).strict()).safeParse({ [key ?? field]: value });
}
