import { passphraseStrength, type PassphraseStrength } from '../../../shared/domain/passphrase';

export interface NewPassphraseProblem {
  messageKey: string;
  details?: Record<string, unknown>;
}

/** The same rule the core enforces, checked before the (slow) KDF call so the operator hears why at once. */
export function checkNewPassphrase(
  value: string,
  confirm: string,
  userInputs: string[],
): { strength: PassphraseStrength; problem: NewPassphraseProblem | null } {
  const strength = passphraseStrength(value, userInputs);
  if (!strength.acceptable) return { strength, problem: { messageKey: 'setup.weak', details: { reasons: strength.reasons } } };
  if (value !== confirm) return { strength, problem: { messageKey: 'setup.mismatch' } };
  return { strength, problem: null };
}
