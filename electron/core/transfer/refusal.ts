import { ObminError } from '../../../shared/errors';
import type { Refusal } from '../../../shared/transfer/format';

/** A file refused by verification: exit code 4, one specific reason, a plain-words message (transfer.refused.*). */
export class TransferRefused extends ObminError {
  constructor(
    readonly reason: Refusal,
    details: Record<string, unknown> = {},
  ) {
    super('VERIFICATION_FAILED', { reason, ...details }, `transfer.refused.${reason}`);
  }
}

export function refused(e: unknown): e is TransferRefused {
  return e instanceof TransferRefused;
}
