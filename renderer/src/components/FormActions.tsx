import { useTranslation } from 'react-i18next';

/** The footer every form dialog shares: the Ctrl+Enter hint, Cancel, and the submit button (busy while saving). */
export function FormActions({ onCancel, submitLabel, busy = false }: { onCancel(): void; submitLabel?: string; busy?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="actions">
      <span className="muted small">{t('common.submitHint')}</span>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('common.saving') : (submitLabel ?? t('common.save'))}
      </button>
    </div>
  );
}
