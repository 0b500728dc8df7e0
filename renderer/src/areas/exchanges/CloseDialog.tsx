import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail } from '../../../../shared/exchanges';
import type { Locale } from '../../../../shared/ipc/schemas';
import { Dialog } from '../../components/Dialog';
import { FormError, type UiError } from '../../components/FormError';

/** Closing is irreversible: say what it will do, count the marks, ask once, then show the round's sentence. */
export function CloseDialog({ detail, locale, onClose, onDone }: { detail: RoundDetail; locale: Locale; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<UiError | null>(null);
  const [result, setResult] = useState<{ sentence: string; changed: number; tasks: number } | null>(null);
  const tt = detail.round.totals;
  const handed = Object.values(tt.handedOver.receive).reduce((a, b) => a + b, 0) + Object.values(tt.handedOver.give).reduce((a, b) => a + b, 0);
  const close = async () => {
    const r = await window.obmin.exchanges.close({ id: detail.round.id });
    if (!r.ok) return setError(r.error);
    setResult({ sentence: r.value.round.summary?.[locale] ?? '', changed: r.value.changed, tasks: r.value.tasks });
    onDone();
  };
  return (
    <Dialog title={t('rounds.close.title', { number: detail.round.number })} onClose={onClose}>
      {result ? (
        <>
          <p className="round-sentence" data-testid="close-summary">
            {result.sentence}
          </p>
          <p className="muted">{t('rounds.close.result', result)}</p>
        </>
      ) : (
        <>
          <p>{t('rounds.close.explain')}</p>
          <p className="strong">
            {t('rounds.close.counts', {
              handed,
              missing: tt.notDelivered.receive + tt.notDelivered.give,
              refused: tt.refusedReturn.receive + tt.refusedReturn.give,
            })}
          </p>
          <FormError error={error} />
          <div className="actions">
            <button type="button" onClick={onClose}>
              {t('rounds.form.cancel')}
            </button>
            <button type="button" className="danger" onClick={() => void close()}>
              {t('rounds.close.confirm')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
