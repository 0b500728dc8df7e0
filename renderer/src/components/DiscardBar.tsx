import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** "Throw away what you typed?" — asked when Esc or Cancel would leave a form with unsaved changes. Focus on keep. */
export function DiscardBar({ onDiscard, onKeep }: { onDiscard(): void; onKeep(): void }) {
  const { t } = useTranslation();
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="discard-bar" role="alertdialog" aria-label={t('common.discardTitle')} data-testid="discard-bar">
      <span>{t('common.discardQuestion')}</span>
      <button type="button" ref={keep} onClick={onKeep}>
        {t('common.keepEditing')}
      </button>
      <button type="button" className="danger" onClick={onDiscard}>
        {t('common.discard')}
      </button>
    </div>
  );
}
