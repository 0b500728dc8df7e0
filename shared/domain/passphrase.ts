import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

export const MIN_PASSPHRASE_LENGTH = 12;
export const MIN_PASSPHRASE_SCORE = 3;

export interface PassphraseStrength {
  /** 0 (useless) … 4 (strong). */
  score: 0 | 1 | 2 | 3 | 4;
  acceptable: boolean;
  /** i18n keys that say why a passphrase is refused. */
  reasons: string[];
}

/** One rule for the set-up form, the operators screen, the CLI and the core that enforces it. */
export function passphraseStrength(passphrase: string, userInputs: string[] = []): PassphraseStrength {
  const reasons: string[] = [];
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) reasons.push('passphrase.tooShort');
  const result = estimator.check(
    passphrase.slice(0, 256),
    userInputs.filter((s) => s.length > 0),
  );
  let score = result.score as PassphraseStrength['score'];
  if (length < MIN_PASSPHRASE_LENGTH && score > 2) score = 2;
  if (result.score < MIN_PASSPHRASE_SCORE) reasons.push('passphrase.tooGuessable');
  if (userInputs.some((u) => u.length >= 3 && passphrase.toLowerCase().includes(u.toLowerCase()))) {
    reasons.push('passphrase.containsName');
  }
  return { score, acceptable: reasons.length === 0, reasons };
}
