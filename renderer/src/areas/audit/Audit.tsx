import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter } from '../../../../shared/audit';
import type { AuditEntry, AuditVerifyResult } from '../../../../shared/ipc/schemas';
import { FormError, type UiError } from '../../components/FormError';
import { auditActionKey } from '../../i18n/audit.uk';
import { formatDateTime } from '../../lib/format';
import { useApp } from '../../state/app';
import { useData } from '../../state/data';
import { useRegister } from '../register/store';
import { useDebounced } from '../register/useDebounced';

type FilterText = { operator: string; person: string; from: string; to: string };
const NO_FILTER: FilterText = { operator: '', person: '', from: '', to: '' };

/** Empty boxes narrow nothing; a date box holds a full date or nothing (the input type guarantees the format). */
export function toAuditFilter(f: FilterText): AuditFilter {
  const out: AuditFilter = {};
  if (f.operator.trim()) out.operator = f.operator.trim();
  if (f.person.trim()) out.person = f.person.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(f.from)) out.from = f.from;
  if (/^\d{4}-\d{2}-\d{2}$/.test(f.to)) out.to = f.to;
  return out;
}

function PersonCell({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  const show = useRegister((s) => s.show);
  const p = entry.person;
  if (!p) return <>{entry.target && !/^[a-z_]+:[0-9a-f-]{8,}$/.test(entry.target) ? entry.target : '—'}</>;
  return (
    <button
      type="button"
      className="link"
      title={t('audit.openPerson')}
      onClick={() => {
        show({ kind: 'person', id: p.id });
        go('register');
      }}
    >
      {p.name}
      {p.ref ? <span className="mono muted"> · {p.ref}</span> : null}
    </button>
  );
}

/** The newest entries first, and a check that the hash chain is unbroken. */
export function Audit() {
  const { t, i18n } = useTranslation();
  const entries = useData((s) => s.audit);
  const setAudit = useData((s) => s.setAudit);
  const [error, setError] = useState<UiError | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState<FilterText>(NO_FILTER);
  // A string key: the same filter typed again is the same state, and asks nothing.
  const [filterKey, setFilterKey] = useState('{}');
  useDebounced(JSON.stringify(toAuditFilter(text)), 250, setFilterKey);
  const filter = JSON.parse(filterKey) as AuditFilter;

  useEffect(() => {
    let live = true;
    void window.obmin.audit.list({ limit: 200, filter }).then((r) => {
      if (!live) return;
      if (r.ok) setAudit(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [setAudit, filterKey]);

  const runVerify = async () => {
    setBusy(true);
    const r = await window.obmin.audit.verify({});
    setBusy(false);
    if (r.ok) setVerify(r.value);
    else setError(r.error);
  };
  const actionLabel = (a: string) => {
    const key = `auditAction.${auditActionKey(a)}`;
    return i18n.exists(key) ? t(key) : a;
  };
  const box = (name: keyof FilterText, type: 'text' | 'date' = 'text') => (
    <label className="audit-filter">
      <span>{t(`audit.filter.${name}`)}</span>
      <input type={type} value={text[name]} onChange={(e) => setText((old) => ({ ...old, [name]: e.target.value }))} spellCheck={false} />
    </label>
  );
  const filtered = Object.keys(filter).length > 0;

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
      <div className="audit-filters" role="search" aria-label={t('audit.filter.label')}>
        {box('operator')}
        {box('person')}
        {box('from', 'date')}
        {box('to', 'date')}
        {filtered ? (
          <button type="button" onClick={() => setText(NO_FILTER)}>
            {t('audit.filter.clear')}
          </button>
        ) : null}
      </div>
      <FormError error={error} />
      {entries && entries.length === 0 ? <p className="muted">{filtered ? t('audit.noneFiltered') : t('audit.empty')}</p> : null}
      {entries && entries.length > 0 ? (
        <>
          <div className="table-wrap">
            <table className="data" data-testid="audit-table">
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
                    <td title={e.action}>{actionLabel(e.action)}</td>
                    <td>
                      <PersonCell entry={e} />
                    </td>
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
