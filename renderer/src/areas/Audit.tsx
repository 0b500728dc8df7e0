import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyResult } from '../../../shared/ipc/schemas';
import { FormError, type UiError } from '../components/FormError';
import { formatDateTime } from '../lib/format';
import { useData } from '../state/data';

/** The newest entries first, and a check that the hash chain is unbroken. */
export function Audit() {
  const { t } = useTranslation();
  const entries = useData((s) => s.audit);
  const setAudit = useData((s) => s.setAudit);
  const [error, setError] = useState<UiError | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void window.obmin.audit.list({ limit: 200 }).then((r) => {
      if (!live) return;
      if (r.ok) setAudit(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [setAudit]);

  const runVerify = async () => {
    setBusy(true);
    const r = await window.obmin.audit.verify({});
    setBusy(false);
    if (r.ok) setVerify(r.value);
    else setError(r.error);
  };

  return (
    <section className="area" aria-labelledby="area-title">
      <div className="area-head">
        <h1 id="area-title">{t('audit.title')}</h1>
        <button type="button" className="primary" onClick={() => void runVerify()} disabled={busy}>
          {busy ? t('audit.verifying') : t('audit.verify')}
        </button>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      {verify ? (
        <p className={verify.ok ? 'notice' : 'form-error'} role="status" data-testid="verify-result">
          {verify.ok
            ? t('audit.verifyOk', { entries: t('count.entries', { count: verify.entries }) })
            : t('audit.verifyBroken', { seq: verify.firstBrokenSeq ?? '?' })}
        </p>
      ) : null}
      <FormError error={error} />
      {entries && entries.length === 0 ? <p className="muted">{t('audit.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th className="num">{t('audit.seq')}</th>
                  <th>{t('audit.at')}</th>
                  <th>{t('audit.operator')}</th>
                  <th>{t('audit.action')}</th>
                  <th>{t('audit.target')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.seq}>
                    <td className="num">{e.seq}</td>
                    <td className="mono">{formatDateTime(e.at)}</td>
                    <td>{e.operatorName ?? t('audit.system')}</td>
                    <td className="mono">{e.action}</td>
                    <td>{e.target ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small">{t('audit.shown', { entries: t('count.entries', { count: entries.length }) })}</p>
        </>
      ) : null}
    </section>
  );
}
