// What a printed document is made from, and what crosses IPC about it (docs/manifest.md).
import { z } from 'zod';
import { Category, Id } from '../register';

export const MANIFEST_VARIANTS = ['field', 'full', 'mediator'] as const;
export const MANIFEST_DIRECTIONS = ['receive', 'give', 'both'] as const;
export const ManifestVariant = z.enum(MANIFEST_VARIANTS);
export const ManifestDirection = z.enum(MANIFEST_DIRECTIONS);
export type ManifestVariant = z.infer<typeof ManifestVariant>;
export type ManifestDirection = z.infer<typeof ManifestDirection>;
export type ListDirection = Exclude<ManifestDirection, 'both'>;

/** One person on a round's list, with the fields a manifest prints (a snapshot keeps exactly these). */
export const ManifestEntry = z.object({
  personId: Id,
  ref: z.string().nullable(),
  direction: z.enum(['receive', 'give']),
  state: z.string(),
  category: Category,
  surname: z.string(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  surnameLatin: z.string().nullable(),
  givenNameLatin: z.string().nullable(),
  patronymicLatin: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  rank: z.string().nullable(),
  unit: z.string().nullable(),
  serviceNumber: z.string().nullable(),
  documentNumbers: z.string().nullable(),
  icrcRef: z.string().nullable(),
  /** SHA-256 of the person's first photo (the full variant prints it); not part of the code. */
  photoSha256: z.string().nullable(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const ManifestRound = z.object({
  number: z.number().int().min(1),
  date: z.string().nullable(),
  place: z.string().nullable(),
  mediators: z.array(z.string()),
  status: z.string(),
  entries: z.array(ManifestEntry),
  /** The exchange package's fingerprint, when one was exported for this round (transfer files: not built yet). */
  packageFingerprint: z.string().nullable(),
});
export type ManifestRound = z.infer<typeof ManifestRound>;

export const PdfDocument = z.object({
  pdfBase64: z.string(),
  code: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  fileName: z.string(),
});
export type PdfDocument = z.infer<typeof PdfDocument>;

export const ManifestDifference = z.object({
  personId: z.string(),
  ref: z.string().nullable(),
  name: z.string(),
  direction: z.enum(['receive', 'give']),
  change: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.string()),
});
export type ManifestDifference = z.infer<typeof ManifestDifference>;

export const ManifestCheck = z.object({
  code: z.string(),
  round: z.number().int().nullable(),
  matches: z.boolean(),
  currentCode: z.string().nullable(),
  /** False when this site holds no snapshot for the code (printed elsewhere, or never printed): no entry list then. */
  snapshotKnown: z.boolean(),
  printedAt: z.string().nullable(),
  differences: z.array(ManifestDifference),
  headerChanged: z.array(z.string()),
});
export type ManifestCheck = z.infer<typeof ManifestCheck>;

/** A code as typed or scanned: generous with case, spaces and dashes; normalised by normaliseCode. */
export const CodeInput = z.string().trim().min(4).max(64);

/** Which document to make: a round's manifest, a person's dossier, or an intake list's report. */
export const DocRequest = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('manifest'),
      exchange: z.number().int().min(1).max(999_999),
      variant: ManifestVariant.default('field'),
      direction: ManifestDirection.default('both'),
    })
    .strict(),
  z.object({ kind: z.literal('dossier'), personId: Id }).strict(),
  z.object({ kind: z.literal('list'), listId: Id }).strict(),
]);
export type DocRequest = z.output<typeof DocRequest>;
export const OutputAction = z.enum(['print', 'save', 'write']);
export type OutputAction = z.infer<typeof OutputAction>;

/** What the window did with a document: done (printed, saved, preview open) or cancelled by the operator. */
export const WindowOutcome = z.object({ done: z.boolean(), code: z.string().nullable(), pages: z.number().int().nullable() });
export type WindowOutcome = z.infer<typeof WindowOutcome>;
