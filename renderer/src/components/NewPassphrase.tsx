import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { passphraseStrength } from '../../../shared/domain/passphrase';
import { Field } from './Field';
import type { UiError } from './FormError';
import { StrengthMeter } from './StrengthMeter';

interface Props {
  label: string;
  confirmLabel?: string;
  value: string;
  confirm?: string;
  onChange(value: string): void;
  onConfirmChange?(value: string): void;
  userInputs: string[];
  error?: UiError | null;
  hint?: string;
  autoFocus?: boolean;
}

/** A new passphrase with its live strength meter and, when asked, the confirmation field. */
export function NewPassphrase(p: Props) {
  const { t } = useTranslation();
  const strength = useMemo(() => passphraseStrength(p.value, p.userInputs), [p.value, p.userInputs]);
  return (
    <>
      <Field label={p.label} type="password" autoComplete="new-password" value={p.value} onChange={p.onChange} hint={p.hint} autoFocus={p.autoFocus}>
        <StrengthMeter strength={strength} empty={p.value.length === 0} />
      </Field>
      {p.onConfirmChange ? (
        <Field
          label={p.confirmLabel ?? t('setup.confirm')}
          type="password"
          autoComplete="new-password"
          value={p.confirm ?? ''}
          onChange={p.onConfirmChange}
          error={p.error}
        />
      ) : null}
    </>
  );
}
