import { useTranslation } from 'react-i18next';
import type { PassphraseStrength } from '../../../shared/domain/passphrase';

/** Five segments plus a word, never colour alone; the reasons say what to change. */
export function StrengthMeter({ strength, empty }: { strength: PassphraseStrength; empty: boolean }) {
  const { t } = useTranslation();
  if (empty) return <div className="strength-hint">{t('strength.hint')}</div>;
  const { score } = strength;
  return (
    <div className="strength" data-score={score} data-acceptable={strength.acceptable}>
      <div className="strength-bar" role="meter" aria-valuemin={0} aria-valuemax={4} aria-valuenow={score} aria-label={t('strength.label')}>
        {[0, 1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= score ? 'on' : undefined} />
        ))}
      </div>
      <span className="strength-word">
        {t('strength.label')}: {t(`strength.score${score}`)}
      </span>
      {strength.reasons.length > 0 ? (
        <ul className="strength-reasons">
          {strength.reasons.map((r) => (
            <li key={r}>{t(r)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
