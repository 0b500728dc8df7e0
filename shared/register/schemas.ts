// Records of the register as they cross the IPC boundary (camelCase). The database uses snake_case columns.
import { z } from 'zod';
import {
  AttachmentKind,
  Category,
  ContactChannel,
  ContactKind,
  Credibility,
  IcrcStatus,
  PartialDate,
  Reliability,
  Sex,
  Side,
  SourceKind,
  Status,
  statusFitsSide,
} from './enums';

/** No NUL or other control characters in any field; single-line fields (names, ranks) refuse line breaks too. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const ONE_LINE = /^[^\u0000-\u001f\u007f\u2028\u2029]*$/;
const text = (max: number) => z.string().trim().max(max).regex(NO_CONTROL);
const line = (max: number) => z.string().trim().max(max).regex(ONE_LINE);
const opt = (max: number) => text(max).nullable().optional();
const optLine = (max: number) => line(max).nullable().optional();
/** The longest any field may be (notes): a file cell longer than this is refused while reading, before any parsing. */
export const MAX_FIELD_CHARS = 8000;
export const Id = z.string().min(1).max(64);
export const Ref = z.string().trim().min(1).max(64);
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** A person's height in centimetres: the form, the import and the schema refuse anything outside. */
export const HEIGHT_CM = { min: 30, max: 260 } as const;

/** Every field of a person an operator can write; identity in the original script plus Latin and variants. */
export const PersonFields = z.object({
  ref: Ref.nullable().optional(),
  surname: line(128).min(1),
  givenName: optLine(128),
  patronymic: optLine(128),
  surnameLatin: optLine(128),
  givenNameLatin: optLine(128),
  patronymicLatin: optLine(128),
  nameVariants: z.array(line(256).min(1)).max(50).optional(),
  dateOfBirth: PartialDate.nullable().optional(),
  placeOfBirth: opt(256),
  sex: Sex.nullable().optional(),
  citizenship: optLine(64),
  documentNumbers: opt(512),
  fatherName: optLine(128),
  motherMaidenName: optLine(128),
  personToInform: opt(1024),
  side: Side,
  category: Category,
  rank: optLine(128),
  unit: optLine(128),
  serviceNumber: optLine(64),
  heightCm: z.number().int().min(HEIGHT_CM.min).max(HEIGHT_CM.max).nullable().optional(),
  build: optLine(64),
  eyeColour: optLine(64),
  hairColour: optLine(64),
  distinguishingMarks: opt(4000),
  bloodType: optLine(16),
  captureDate: PartialDate.nullable().optional(),
  capturePlace: opt(256),
  captureCircumstances: opt(4000),
  lastKnownLocation: opt(256),
  facility: opt(256),
  health: opt(4000),
  seriouslyWounded: z.boolean().optional(),
  legalStatus: opt(4000),
  icrcStatus: IcrcStatus.optional(),
  icrcRef: optLine(64),
  icrcDate: PartialDate.nullable().optional(),
  status: Status.optional(),
  remainsTag: optLine(128),
  recoveryPlace: opt(256),
  recoveryDate: PartialDate.nullable().optional(),
  personalEffects: opt(4000),
  dnaLabRef: optLine(128),
  dnaMatchResult: opt(1024),
  notes: opt(8000),
});
export type PersonFields = z.infer<typeof PersonFields>;

/** A new person's status belongs to their side (statusFitsSide): the form, the CLI, the import and IPC all parse this. */
export const PersonInput = PersonFields.strict().refine((p) => p.status === undefined || statusFitsSide(p.status, p.side), {
  message: 'statusFitsSide',
  path: ['status'],
});
export type PersonInput = z.infer<typeof PersonInput>;
/** An update names only the fields it changes; status changes go through persons.changeStatus (they cite a source). */
export const PersonPatch = PersonFields.omit({ status: true }).partial().strict();
export type PersonPatch = z.infer<typeof PersonPatch>;

const Person0 = PersonFields.required();
export const Person = Person0.extend({
  id: Id,
  ref: z.string().nullable(),
  nameVariants: z.array(z.string()),
  seriouslyWounded: z.boolean(),
  icrcStatus: IcrcStatus,
  status: Status,
  createdAt: z.string(),
  updatedAt: z.string(),
  deleted: z.boolean(),
});
export type Person = z.infer<typeof Person>;

/** One line of the register table: what the virtualised list shows and sorts. */
export const PersonRow = z.object({
  id: Id,
  ref: z.string().nullable(),
  surname: z.string(),
  givenName: z.string().nullable(),
  patronymic: z.string().nullable(),
  surnameLatin: z.string().nullable(),
  givenNameLatin: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  sex: Sex.nullable(),
  side: Side,
  category: Category,
  status: Status,
  icrcStatus: IcrcStatus,
  rank: z.string().nullable(),
  unit: z.string().nullable(),
  facility: z.string().nullable(),
  captureDate: z.string().nullable(),
  seriouslyWounded: z.boolean(),
  /** days from capture to release, repatriation or death, else to today (shared/register/captivity.ts) */
  captivityDays: z.number().int().nullable(),
  updatedAt: z.string(),
  /** 0…1 when the rows answer a text query, else null. */
  score: z.number().nullable(),
});
export type PersonRow = z.infer<typeof PersonRow>;

export const SourceInput = z
  .object({
    kind: SourceKind,
    title: text(512).min(1),
    summary: opt(8000),
    reliability: Reliability,
    credibility: Credibility,
    receivedDate: PartialDate.nullable().optional(),
    url: z.string().trim().max(2048).url().nullable().optional(),
    platform: opt(128),
    capturedAt: z.string().datetime({ offset: true }).nullable().optional(),
    mediaSha256: Sha256.nullable().optional(),
  })
  .strict();
export type SourceInput = z.infer<typeof SourceInput>;
export const Source = SourceInput.required().extend({ id: Id, createdAt: z.string() });
export type Source = z.infer<typeof Source>;

export const SightingInput = z
  .object({
    personId: Id,
    sourceId: Id,
    place: text(256).min(1),
    date: PartialDate.nullable().optional(),
    note: opt(4000),
  })
  .strict();
export const Sighting = SightingInput.required().extend({ id: Id, createdAt: z.string(), source: Source.nullable() });
export type Sighting = z.infer<typeof Sighting>;

export const RelativeInput = z
  .object({
    personId: Id,
    name: text(256).min(1),
    relation: text(64).min(1),
    phone: opt(64),
    address: opt(1024),
    consent: z.boolean().default(false),
    consentDate: PartialDate.nullable().optional(),
    dnaLabRef: optLine(128),
    notes: opt(4000),
  })
  .strict();
export type RelativeInput = z.input<typeof RelativeInput>;
export const RelativePatch = RelativeInput.omit({ personId: true }).partial().strict();

export const ContactLogInput = z
  .object({
    relativeId: Id,
    at: z.string().datetime({ offset: true }),
    channel: ContactChannel,
    kind: ContactKind,
    summary: text(4000).min(1),
  })
  .strict();
export const ContactLogEntry = ContactLogInput.extend({ id: Id, operatorId: z.string().nullable() });
export type ContactLogEntry = z.infer<typeof ContactLogEntry>;

export const Relative = RelativeInput.required().extend({ id: Id, createdAt: z.string(), contacts: z.array(ContactLogEntry) });
export type Relative = z.infer<typeof Relative>;

/** Attachments cross IPC as base64; the cap keeps one message well inside Electron's limits. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_MIMES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml', 'application/pdf'] as const;
export const AttachmentInput = z
  .object({
    personId: Id,
    kind: AttachmentKind,
    mime: z.enum(ATTACHMENT_MIMES),
    filename: text(256).min(1),
    caption: opt(1024),
    sourceId: Id.nullable().optional(),
    dataBase64: z.string().max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4),
    /** optional small preview made by the caller (the renderer can draw one on a canvas) */
    thumbBase64: z
      .string()
      .max(512 * 1024)
      .nullable()
      .optional(),
  })
  .strict();
export const Attachment = z.object({
  id: Id,
  personId: Id,
  kind: AttachmentKind,
  mime: z.string(),
  filename: z.string(),
  caption: z.string().nullable(),
  sourceId: z.string().nullable(),
  sha256: Sha256,
  size: z.number().int(),
  hasThumb: z.boolean(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof Attachment>;

export const StatusChange = z.object({
  id: Id,
  personId: Id,
  fromStatus: Status.nullable(),
  toStatus: Status,
  sourceId: Id,
  source: Source.nullable(),
  at: z.string(),
  note: z.string().nullable(),
  operatorId: z.string().nullable(),
});
export type StatusChange = z.infer<typeof StatusChange>;

/** A person with everything around them; `relatives` is null for roles without `family.read`. */
export const PersonDetail = z.object({
  person: Person,
  sources: z.array(Source),
  sightings: z.array(Sighting),
  relatives: z.array(Relative).nullable(),
  attachments: z.array(Attachment),
  statusHistory: z.array(StatusChange),
});
export type PersonDetail = z.infer<typeof PersonDetail>;
