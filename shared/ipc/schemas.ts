import { z } from 'zod';
import { AuditPerson } from '../audit/filter';
import { ROLES } from '../domain/roles';

export const Locale = z.enum(['uk', 'en']);
export type Locale = z.infer<typeof Locale>;

export const RoleSchema = z.enum(ROLES);

export const SiteCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'siteCode');
export const OperatorName = z.string().trim().min(2).max(64);
export const Passphrase = z.string().min(1).max(1024);

export const SiteInfo = z.object({ code: z.string(), name: z.string() });
export type SiteInfo = z.infer<typeof SiteInfo>;

export const OperatorInfo = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type OperatorInfo = z.infer<typeof OperatorInfo>;

export const Settings = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
  locale: Locale,
});
export type Settings = z.infer<typeof Settings>;

export const Session = z.object({
  site: SiteInfo,
  operator: OperatorInfo,
  settings: Settings,
  unsyncedChanges: z.number().int().nonnegative(),
});
export type Session = z.infer<typeof Session>;

/** Site, operator and register counts (the CLI's `status`). */
export const WorkstationStatus = z.object({
  site: SiteInfo,
  operator: z.object({ name: z.string(), role: RoleSchema }),
  persons: z.number().int().nonnegative(),
  schemaVersion: z.number().int(),
});
export type WorkstationStatus = z.infer<typeof WorkstationStatus>;

export const AppState = z.object({
  initialised: z.boolean(),
  unlocked: z.boolean(),
  session: Session.nullable(),
  /** Non-secret preferences readable while locked (the lock screen's language). */
  locale: Locale,
  /** A fatal start-up problem (corrupt file, newer version) to show on a recovery screen. */
  startupError: z.object({ code: z.string(), messageKey: z.string(), details: z.record(z.string(), z.unknown()).optional() }).nullable(),
});
export type AppState = z.infer<typeof AppState>;

/** What `audit verify` found wrong, each named so a person can act on it (shared/i18n `audit.problems.*`). */
export const AuditProblem = z.object({
  kind: z.enum(['chain', 'signature', 'unsigned', 'unknownKey', 'wrongSigner', 'missing', 'rewritten']),
  seq: z.number().int().optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  peer: z.string().optional(),
  since: z.string().optional(),
  file: z.string().nullable().optional(),
});
export type AuditProblem = z.infer<typeof AuditProblem>;

export const AuditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  /** Entries written before signatures existed (a prefix of the chain only). */
  unsigned: z.number().int().default(0),
  witnesses: z.number().int().default(0),
  problems: z.array(AuditProblem).default([]),
});
export type AuditVerifyResult = z.infer<typeof AuditVerifyResult>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  operatorId: z.string().nullable(),
  operatorName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  /** the person the entry concerns, when there is one */
  person: AuditPerson.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
