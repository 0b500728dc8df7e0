// "Prepare the field laptop": the round's exchange package (profile `exchange`, docs/replication.md) written for one
// trusted site through transfer.export; main's save dialog chooses the drive.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA, type ExportResult } from '../../../../shared/transfer/schemas';
import { FormError, type UiError } from '../../components/FormError';
import { useTransfer } from '../transfer/store';

const CANCELLED = 'transfer.cancelled';

export function FieldPackage({ exchange }: { exchange: number }) {
  const { t } = useTranslation();
  const overview = useTransfer((s) => s.overview);
  const refresh = useTransfer((s) => s.refresh);
  const trusted = overview?.peers.filter((p) => p.status === 'trusted') ?? [];
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState<ExportResult | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const taskId = useRef(`field-package-${Date.now()}`);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // The core reports the package's records written of its total while it writes (phase transfer.export).
  useEffect(
    () =>
      window.obmin.events.on('progress', (p) => {
        if (p.taskId === taskId.current) setPercent(p.total > 0 ? Math.floor((100 * p.done) / p.total) : 0);
      }),
    [],
  );
  const site = to || trusted[0]?.site || '';
  const write = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    setPercent(null);
    const r = await window.obmin.transfer.export({ to: [site], kind: 'changes', exchange, file: MEDIA.folder, taskId: taskId.current });
    setBusy(false);
    if (!r.ok) return r.error.messageKey === CANCELLED ? undefined : setError(r.error);
    setDone(r.value);
    await refresh();
  };
  return (
    <section className="card field-package" aria-label={t('rounds.field.title')} data-testid="field-package">
      <h2>{t('rounds.field.title')}</h2>
      <p className="muted">{t('rounds.field.intro')}</p>
      {trusted.length === 0 ? (
        <p className="muted">{t('rounds.field.noPeers')}</p>
      ) : (
        <div className="form-actions">
          <label>
            {t('rounds.field.site')}{' '}
            <select value={site} onChange={(e) => setTo(e.target.value)} disabled={busy}>
              {trusted.map((p) => (
                <option key={p.site} value={p.site}>
                  {p.site} — {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={busy || !site} onClick={() => void write()}>
            {t('rounds.field.write')}
          </button>
        </div>
      )}
      {busy ? (
        <div className="import-progress" role="status" data-testid="field-package-progress">
          <progress value={percent ?? 0} max={100} aria-label={t('rounds.field.writing')} />
          <span>{percent === null ? t('rounds.field.writing') : t('rounds.field.progress', { percent })}</span>
        </div>
      ) : null}
      <FormError error={error} />
      {done ? (
        <p role="status" data-testid="field-package-written">
          {t('rounds.field.written', { file: done.file, site })}
          <br />
          <span className="muted">{t('rounds.field.summary', { records: done.records, bytes: done.bytes, sha: done.sha256.slice(0, 16) })}</span>
        </p>
      ) : null}
    </section>
  );
}
