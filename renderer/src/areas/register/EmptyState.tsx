import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, type UiError } from '../../components/FormError';

/** An empty register teaches the ways in: import a list, add someone by hand, or look around with fictional people. */
export function EmptyState({ onImport, onNew, onDemoDone }: { onImport: (() => void) | null; onNew: (() => void) | null; onDemoDone: (() => void) | null }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const demo = async () => {
    setBusy(true);
    setError(null);
    const r = await window.obmin.demo.fill({ count: 3000 });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDemoDone?.();
  };
  return (
    <div className="reg-empty" data-testid="register-empty">
      <h2>{t('register.empty.title')}</h2>
      <p>{t('register.empty.body')}</p>
      <div className="reg-empty-actions">
        {onImport ? (
          <button type="button" className="primary" onClick={onImport}>
            {t('register.import')}
          </button>
        ) : null}
        {onNew ? (
          <button type="button" onClick={onNew}>
            {t('register.newPerson')}
          </button>
        ) : null}
      </div>
      {onDemoDone ? (
        <div className="reg-empty-demo">
          <p className="muted small">{t('register.empty.demo')}</p>
          <button type="button" onClick={() => void demo()} disabled={busy}>
            {busy ? t('register.empty.demoBusy') : t('register.empty.demoButton')}
          </button>
          <FormError error={error} />
        </div>
      ) : null}
    </div>
  );
}
