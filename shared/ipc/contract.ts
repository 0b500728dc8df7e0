import { z } from 'zod';
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
} from './schemas';

const Empty = z.object({}).strict();
const Void = z.null();

/**
 * The one IPC contract: channel → zod schemas for arguments and result. The preload, the main process binding,
 * the core router and the renderer's types are all derived from this object.
 */
export const contract = {
  'app.state': { args: Empty, result: AppState },
  'app.setLocale': { args: z.object({ locale: Locale }).strict(), result: Void },

  'vault.init': {
    args: z
      .object({ siteCode: SiteCode, siteName: z.string().trim().min(2).max(128), operator: OperatorName, passphrase: Passphrase })
      .strict(),
    result: Session,
  },
  'vault.unlock': { args: z.object({ operator: OperatorName, passphrase: Passphrase }).strict(), result: Session },
  'vault.lock': { args: z.object({ reason: z.enum(['manual', 'idle', 'suspend']) }).strict(), result: Void },
  'vault.changePassphrase': { args: z.object({ current: Passphrase, next: Passphrase }).strict(), result: Void },

  'operators.list': { args: Empty, result: z.array(OperatorInfo) },
  'operators.add': {
    args: z.object({ name: OperatorName, role: RoleSchema, passphrase: Passphrase }).strict(),
    result: OperatorInfo,
  },
  'operators.disable': { args: z.object({ id: z.string().min(1) }).strict(), result: Void },
  'operators.resetPassphrase': { args: z.object({ id: z.string().min(1), passphrase: Passphrase }).strict(), result: Void },

  'settings.update': { args: Settings.partial().strict(), result: Settings },

  'audit.list': {
    args: z.object({ limit: z.number().int().min(1).max(1000).default(200), beforeSeq: z.number().int().optional() }).strict(),
    result: z.array(AuditEntry),
  },
  'audit.verify': { args: Empty, result: AuditVerifyResult },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;

export const CHANNELS = Object.keys(contract) as Channel[];
/** Every IPC message travels on this prefix; the main process refuses anything else. */
export const CHANNEL_PREFIX = 'obmin:';

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from the main process to the window. */
export const events = {
  locked: z.object({ reason: z.enum(['manual', 'idle', 'suspend']) }),
  progress: z.object({ taskId: z.string(), phase: z.string(), done: z.number(), total: z.number() }),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
