import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictEntry, ConflictSide, EditValue as Value, KeepSide } from '../../../../shared/replication/conflicts';
import { camelCase } from '../../../../shared/register/columns';
import { FormError, type UiError } from '../../components/FormError';
import { formatDateTime } from '../../lib/format';
import { canEdit, EditValue } from './EditValue';
import './conflicts.css';

/** The words for a side's value: on the `deleted` field 1 is the delete and 0 the edit that keeps the record. */
function shownValue(t: (k: string) => string, field: string, value: ConflictSide['value'] | Value): string | null {
  if (field === 'deleted') return value === 1 ? t('conflicts.deletedValue') : t('conflicts.standsValue');
  return value === null || value === '' ? null : String(value);
}

function Side({
  side,
  field,
  label,
  onKeep,
  busy,
  testId,
}: {
  side: ConflictSide;
  field: string;
  label: string;
  onKeep: () => void;
  busy: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const words = shownValue(t, field, side.value);
  return (
    <div className="conflict-side" data-testid={testId}>
      <h3>{label}</h3>
      <p className="conflict-value">{words === null ? <span className="muted">{t('conflicts.empty_value')}</span> : words}</p>
      <dl className="conflict-meta">
        <dt>{t('conflicts.site')}</dt>
        <dd>{side.here ? t('conflicts.thisSite', { code: side.siteCode ?? '' }) : t('conflicts.otherSite', { id: side.siteCode ?? side.site.slice(0, 8) })}</dd>
        <dt>{t('conflicts.when')}</dt>
        <dd className="mono">{formatDateTime(side.at)}</dd>
        <dt>{t('conflicts.who')}</dt>
        <dd>{side.operatorName ?? t('conflicts.unknownOperator')}</dd>
      </dl>
      <button type="button" onClick={onKeep} disabled={busy}>
        {label === t('conflicts.shown') ? t('conflicts.keepShown') : t('conflicts.keepOther')}
      </button>
    </div>
  );
}

/** Each conflict side by side: the value every site shows now and the concurrent one kept; keep either. */
export function ConflictsArea() {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<ConflictEntry[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);

  const load = useCallback(async () => {
    const r = await window.obmin.conflicts.list({ limit: 200, offset: 0 });
    if (r.ok) setEntries(r.value.entries);
    else setError(r.error);
  }, []);
  useEffect(() => void load(), [load]);

  const resolve = async (c: ConflictEntry, how: { keep: KeepSide } | { value: Value }) => {
    setBusy(true);
    setError(null);
    const r = await window.obmin.conflicts.resolve({ id: c.id, ...how });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    const value = 'value' in how ? how.value : how.keep === 'mine' ? c.mine.value : c.theirs.value;
    setNotice(t('value' in how ? 'conflicts.edited' : 'conflicts.kept', { value: shownValue(t, c.field, value) ?? t('conflicts.empty_value') }));
    setEditing(null);
    await load();
  };
  const keep = (c: ConflictEntry, side: KeepSide) => resolve(c, { keep: side });
  // The register's own field names (camelCase keys) for the columns the queue names.
  const fieldLabel = (f: string) =>
    f === 'deleted' ? t('conflicts.deletionField') : i18n.exists(`register.field.${camelCase(f)}`) ? t(`register.field.${camelCase(f)}`) : f;

  return (
    <section className="area" aria-labelledby="area-title">
      <div className="area-head">
        <h1 id="area-title">{t('conflicts.title')}</h1>
      </div>
      <p className="muted">{t('conflicts.intro')}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <FormError error={error} />
      {entries && entries.length === 0 ? <p className="muted">{t('conflicts.empty')}</p> : null}
      <ul className="conflict-list" data-testid="conflicts">
        {(entries ?? []).map((c) => (
          <li key={c.id} className="conflict" data-testid={`conflict-${c.id}`}>
            <p>
              <strong>{c.personName ?? c.row}</strong>
              {c.ref ? <span className="mono muted"> · {c.ref}</span> : null} — {t('conflicts.field')}: <strong>{fieldLabel(c.field)}</strong>
            </p>
            <div className="conflict-sides">
              <Side side={c.mine} field={c.field} label={t('conflicts.shown')} busy={busy} onKeep={() => void keep(c, 'mine')} testId="side-mine" />
              <Side side={c.theirs} field={c.field} label={t('conflicts.other')} busy={busy} onKeep={() => void keep(c, 'theirs')} testId="side-theirs" />
            </div>
            {editing === c.id ? (
              <EditValue
                conflict={c}
                label={t('conflicts.editLabel', { field: fieldLabel(c.field) })}
                busy={busy}
                onSave={(value) => void resolve(c, { value })}
                onCancel={() => setEditing(null)}
              />
            ) : canEdit(c) ? (
              <button type="button" className="conflict-edit-open" onClick={() => setEditing(c.id)} disabled={busy}>
                {t('conflicts.edit')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
