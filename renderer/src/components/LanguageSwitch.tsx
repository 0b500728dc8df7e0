import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/ipc/schemas';
import { LOCALES } from '../i18n';
import { useApp } from '../state/app';
import { FormError, type UiError } from './FormError';

/** Persisted through app.setLocale, so the lock screen keeps the choice too. */
export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const locale = useApp((s) => s.locale);
  const setLocale = useApp((s) => s.setLocale);
  const [error, setError] = useState<UiError | null>(null);
  const choose = async (next: Locale) => {
    if (next === locale) return;
    const r = await setLocale(next);
    setError(r.ok ? null : r.error);
  };
  return (
    <div className={compact ? 'lang lang-compact' : 'lang'} role="group" aria-label={t('common.language')}>
      {LOCALES.map((l) => (
        <button key={l} type="button" lang={l} className={l === locale ? 'lang-on' : undefined} aria-pressed={l === locale} onClick={() => void choose(l)}>
          {t(`languages.${l}`)}
        </button>
      ))}
      <FormError error={error} />
    </div>
  );
}
