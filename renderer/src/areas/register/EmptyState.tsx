import { useTranslation } from 'react-i18next';

/** An empty register teaches the two ways in: import a list, or add someone by hand (and where the demo data is). */
export function EmptyState({ onImport, onNew }: { onImport: (() => void) | null; onNew: (() => void) | null }) {
  const { t } = useTranslation();
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
      <p className="muted small">{t('register.empty.demo')}</p>
    </div>
  );
}
