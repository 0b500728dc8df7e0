// Writing a file for chosen sites, receiving one (the verification result in plain words, the preview, then apply
// with progress), and the history of files sent and received.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEDIA, type ExportResult, type HistoryEntry, type ImportSummary, type VerifyResult } from '../../../../shared/transfer/schemas';
import { FormError, type UiError } from '../../components/FormError';
import { formatDateTime } from '../../lib/format';
import { useTransfer } from './store';

const CANCELLED = 'transfer.cancelled';

export function Send() {
  const { t } = useTranslation();
  const overview = useTransfer((s) => s.overview);
  const refresh = useTransfer((s) => s.refresh);
  const trusted = overview?.peers.filter((p) => p.status === 'trusted') ?? [];
  const [to, setTo] = useState<string[]>([]);
  const [kind, setKind] = useState<'changes' | 'ack'>('changes');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState<ExportResult | null>(null);
  if (trusted.length === 0) return <p className="muted">{t('transferUi.send.noPeers')}</p>;
  const write = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    const r = await window.obmin.transfer.export({ to, kind, file: MEDIA.folder });
    setBusy(false);
    if (!r.ok) return r.error.messageKey === CANCELLED ? undefined : setError(r.error);
    setDone(r.value);
    await refresh();
  };
  return (
    <section className="card" data-testid="transfer-send">
      <fieldset>
        <legend>{t('transferUi.send.to')}</legend>
        {trusted.map((p) => (
          <label key={p.site} className="check">
            <input
              type="checkbox"
              checked={to.includes(p.site)}
              disabled={kind === 'ack' && to.length === 1 && !to.includes(p.site)}
              onChange={(e) => setTo(e.target.checked ? [...to, p.site] : to.filter((x) => x !== p.site))}
            />
            {p.site} — {p.name} ({t('transferUi.peers.waiting')}: {p.waiting})
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('transferUi.send.kind')}</legend>
        {(['changes', 'ack'] as const).map((k) => (
          <label key={k} className="check">
            <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
            {t(`transferUi.send.${k}`)}
          </label>
        ))}
      </fieldset>
      <FormError error={error} />
      {done ? (
        <p role="status" data-testid="transfer-written">
          {t('transferUi.send.written', { file: done.file })}
          <br />
          <span className="muted">{t('transferUi.send.summary', { records: done.records, bytes: done.bytes, sha: done.sha256.slice(0, 16) })}</span>
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy || to.length === 0 || (kind === 'ack' && to.length !== 1)} onClick={() => void write()}>
          {t('transferUi.send.write')}
        </button>
      </div>
    </section>
  );
}

export function Receive({ canImport }: { canImport: boolean }) {
  const { t } = useTranslation();
  const refresh = useTransfer((s) => s.refresh);
  const [phase, setPhase] = useState<'idle' | 'checking' | 'checked' | 'applying' | 'applied'>('idle');
  const [verified, setVerified] = useState<VerifyResult | null>(null);
  const [preview, setPreview] = useState<ImportSummary | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [acceptMass, setAcceptMass] = useState(false);
  const taskId = useRef(`transfer-${Date.now()}`);
  useEffect(() => window.obmin.events.on('progress', (p) => (p.taskId === taskId.current ? setProgress({ done: p.done, total: p.total }) : undefined)), []);

  const pick = async () => {
    setError(null);
    setVerified(null);
    setPreview(null);
    setResult(null);
    setAcceptMass(false);
    setPhase('checking');
    const v = await window.obmin.transfer.verify({ file: MEDIA.open });
    if (!v.ok) {
      setPhase('idle');
      return v.error.messageKey === CANCELLED ? undefined : setError(v.error);
    }
    setVerified(v.value);
    if (!v.value.alreadyImported && canImport) {
      const p = await window.obmin.transfer.import({ file: MEDIA.last, dryRun: true, taskId: taskId.current });
      if (!p.ok) {
        setPhase('idle');
        return setError(p.error);
      }
      setPreview(p.value);
    }
    setPhase('checked');
  };
  const apply = async () => {
    setPhase('applying');
    setProgress(null);
    const r = await window.obmin.transfer.import({ file: MEDIA.last, dryRun: false, acceptMassChange: acceptMass, taskId: taskId.current });
    if (!r.ok) {
      setPhase('checked');
      return setError(r.error);
    }
    setResult(r.value);
    setPhase('applied');
    await refresh();
  };
  return (
    <section className="card" data-testid="transfer-receive">
      <div className="form-actions">
        <button type="button" className={phase === 'idle' ? 'primary' : ''} disabled={phase === 'checking' || phase === 'applying'} onClick={() => void pick()}>
          {t('transferUi.receive.pick')}
        </button>
      </div>
      {phase === 'checking' ? <p role="status">{t('transferUi.receive.checking')}</p> : null}
      {error ? (
        <div className="transfer-refused" data-testid="transfer-refused">
          <p>
            <strong>{t('transferUi.receive.refused')}</strong>
          </p>
          <FormError error={error} />
        </div>
      ) : null}
      {verified ? (
        <p className="transfer-verified" data-testid="transfer-verified">
          {t('transferUi.receive.verified', {
            site: verified.sender.site,
            name: verified.sender.name,
            seq: verified.seq,
            at: formatDateTime(verified.createdAt),
          })}
        </p>
      ) : null}
      {verified?.alreadyImported ? <p>{t('transferUi.receive.already')}</p> : null}
      {preview && phase === 'checked' ? (
        <p data-testid="transfer-preview">
          {preview.kind === 'ack'
            ? t('transferUi.receive.ack', { site: preview.sender.site, seq: preview.acknowledgedSeq ?? 0 })
            : t('transferUi.receive.preview', preview)}
        </p>
      ) : null}
      {phase === 'applying' ? (
        <div className="import-progress">
          <progress value={progress?.done ?? 0} max={Math.max(1, progress?.total ?? 1)} aria-label={t('transferUi.receive.applying')} />
          {progress ? <span className="muted">{t('transferUi.receive.progress', progress)}</span> : null}
        </div>
      ) : null}
      {result ? (
        <p role="status" data-testid="transfer-applied">
          {t('transferUi.receive.applied', result)}
        </p>
      ) : null}
      {preview?.massChange && phase === 'checked' && canImport ? (
        <div className="transfer-refused" role="alert" data-testid="transfer-mass-change">
          <p>
            <strong>{t('replication.massChange.warning', preview.massChange)}</strong>
          </p>
          <label className="check">
            <input type="checkbox" checked={acceptMass} onChange={(e) => setAcceptMass(e.target.checked)} /> {t('replication.massChange.confirm')}
          </label>
        </div>
      ) : null}
      {preview && phase === 'checked' && canImport ? (
        <div className="form-actions">
          <button type="button" className="primary" disabled={Boolean(preview.massChange) && !acceptMass} onClick={() => void apply()}>
            {t('transferUi.receive.apply')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

export function History() {
  const { t } = useTranslation();
  const [rows, setRows] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    void window.obmin.transfer.history({}).then((r) => setRows(r.ok ? r.value : []));
  }, []);
  if (!rows) return null;
  if (rows.length === 0) return <p className="muted">{t('transferUi.history.empty')}</p>;
  return (
    <table className="data" data-testid="transfer-history">
      <thead>
        <tr>
          <th>{t('transferUi.history.when')}</th>
          <th>{t('transferUi.history.direction')}</th>
          <th>{t('transferUi.history.kind')}</th>
          <th>{t('transferUi.history.peer')}</th>
          <th className="num">{t('transferUi.history.seq')}</th>
          <th className="num">{t('transferUi.history.records')}</th>
          <th>{t('transferUi.history.sha')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.fileId}-${r.peer}-${r.direction}`}>
            <td>{formatDateTime(r.processedAt)}</td>
            <td>{t(`transferUi.history.${r.direction}`)}</td>
            <td>{t(`transferUi.history.kinds.${r.kind}`)}</td>
            <td>{r.peer}</td>
            <td className="num">{r.seq}</td>
            <td className="num">{r.records}</td>
            <td className="mono" title={r.sha256}>
              {r.sha256.slice(0, 16)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
