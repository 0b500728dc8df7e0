// Every failure that crosses a boundary carries one of these codes and a translation key, never a stack trace.
export const ERROR_CODES = [
  'USAGE',
  'VALIDATION',
  'NOT_INITIALISED',
  'ALREADY_INITIALISED',
  'LOCKED',
  'WRONG_CREDENTIALS',
  'THROTTLED',
  'NOT_ALLOWED',
  'WEAK_PASSPHRASE',
  'OPERATOR_EXISTS',
  'LAST_ADMIN',
  'NOT_FOUND',
  'CONFLICT',
  'DB_CORRUPT',
  'DB_PLAINTEXT',
  'DB_NEWER_VERSION',
  'SLOTS_CORRUPT',
  'BACKUP_INVALID',
  'VERIFICATION_FAILED',
  'FILE_TOO_LARGE',
  'INPUT_TOO_LARGE',
  'FILE_MALFORMED',
  'SLOT_STALE',
  'FOLDER_NOT_EMPTY',
  'VAULT_BUSY',
  'CORE_RESTARTED',
  'IO',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ObminErrorShape {
  code: ErrorCode;
  messageKey: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ObminErrorShape };

/** Thrown inside core; turned into `{ ok: false, error }` at every boundary. */
export class ObminError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, details?: Record<string, unknown>, messageKey?: string) {
    super(messageKey ?? `errors.${code}`);
    this.name = 'ObminError';
    this.code = code;
    this.messageKey = messageKey ?? `errors.${code}`;
    this.details = details;
  }
  toShape(): ObminErrorShape {
    return this.details === undefined
      ? { code: this.code, messageKey: this.messageKey }
      : { code: this.code, messageKey: this.messageKey, details: this.details };
  }
}

export function isObminError(e: unknown): e is ObminError {
  return e instanceof ObminError;
}

/** SQLite's "database is locked/busy" from another process, once the busy timeout ran out: the vault is busy, not broken. */
export function knownError(e: unknown): ObminError | null {
  if (e instanceof ObminError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) return new ObminError('VAULT_BUSY');
  return null;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: ObminErrorShape): Result<never> => ({ ok: false, error });

/** CLI exit codes (a contract): 0 ok, 1 other, 2 usage, 3 wrong passphrase / not allowed, 4 verification failed. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'USAGE':
      return 2;
    case 'WRONG_CREDENTIALS':
    case 'THROTTLED':
    case 'NOT_ALLOWED':
    case 'SLOT_STALE':
      return 3;
    case 'VERIFICATION_FAILED':
    case 'FILE_MALFORMED':
    case 'FILE_TOO_LARGE':
    case 'INPUT_TOO_LARGE':
    case 'BACKUP_INVALID':
    case 'DB_CORRUPT':
    case 'SLOTS_CORRUPT':
    case 'DB_PLAINTEXT':
      return 4;
    default:
      return 1;
  }
}
