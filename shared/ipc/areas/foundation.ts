import { z } from 'zod';
import { AuditFilter } from '../../audit/filter';
import { LockReason } from '../events';
import {
  AppState,
  AuditEntry,
  AuditVerifyResult,
  Locale,
  OperatorInfo,
  OperatorName,
  Passphrase,
  RoleSchema,
  Session,
  Settings,
  SiteCode,
  WorkstationStatus,
} from '../schemas';

export const Empty = z.object({}).strict();
export const Void = z.null();

/** The foundation's channels: app state, vault, operators, settings, audit. */
export const foundationContract = {
  'app.state': { args: Empty, result: AppState },
  'app.setLocale': { args: z.object({ locale: Locale }).strict(), result: Void },

  'vault.init': {
    args: z.object({ siteCode: SiteCode, siteName: z.string().trim().min(2).max(128), operator: OperatorName, passphrase: Passphrase }).strict(),
    result: Session,
  },
  'vault.unlock': { args: z.object({ operator: OperatorName, passphrase: Passphrase }).strict(), result: Session },
  'vault.lock': { args: z.object({ reason: LockReason }).strict(), result: Void },
  'vault.changePassphrase': { args: z.object({ current: Passphrase, next: Passphrase }).strict(), result: Void },
  /** A new database key; older copies of the key slots (backups) stop opening this database. */
  'vault.rotateKey': { args: Empty, result: Void },
  'app.status': { args: Empty, result: WorkstationStatus },

  'operators.list': { args: Empty, result: z.array(OperatorInfo) },
  'operators.add': {
    args: z.object({ name: OperatorName, role: RoleSchema, passphrase: Passphrase }).strict(),
    result: OperatorInfo,
  },
  'operators.disable': { args: z.object({ id: z.string().min(1) }).strict(), result: Void },
  'operators.resetPassphrase': { args: z.object({ id: z.string().min(1), passphrase: Passphrase }).strict(), result: Void },

  'settings.update': { args: Settings.partial().strict(), result: Settings },

  'audit.list': {
    args: z.object({ limit: z.number().int().min(1).max(1000).default(200), beforeSeq: z.number().int().optional(), filter: AuditFilter.optional() }).strict(),
    result: z.array(AuditEntry),
  },
  'audit.verify': { args: Empty, result: AuditVerifyResult },
} as const;
