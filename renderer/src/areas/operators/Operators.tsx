import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorInfo, Session } from '../../../../shared/ipc/schemas';
import { FormError, type UiError } from '../../components/FormError';
import { formatDate } from '../../lib/format';
import { useData } from '../../state/data';
import { AddOperatorDialog, DisableOperatorDialog, ResetPassphraseDialog } from './OperatorDialogs';

type Open = { kind: 'add' } | { kind: 'reset' | 'disable'; operator: OperatorInfo } | null;

/** Admin only (the nav hides it from other roles; the core refuses them anyway). */
export function Operators({ session }: { session: Session }) {
  const { t } = useTranslation();
  const operators = useData((s) => s.operators);
  const setOperators = useData((s) => s.setOperators);
  const [error, setError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const siteInputs = [session.site.code, session.site.name];

  const reload = useCallback(async () => {
    const r = await window.obmin.operators.list({});
    if (r.ok) setOperators(r.value);
    setError(r.ok ? null : r.error);
  }, [setOperators]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
    void reload();
  };

  return (
    <section className="area" aria-labelledby="area-title">
      <div className="area-head">
        <h1 id="area-title">{t('operators.title')}</h1>
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'add' })}>
          {t('operators.add')}
        </button>
      </div>
      <p className="muted">{t('operators.intro')}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <FormError error={error} />
      {operators && operators.length === 0 ? <p className="muted">{t('operators.empty')}</p> : null}
      {operators && operators.length > 0 ? (
        <div className="table-wrap">
          <table className="data" data-testid="operators-table">
            <thead>
              <tr>
                <th>{t('operators.name')}</th>
                <th>{t('operators.role')}</th>
                <th>{t('operators.state')}</th>
                <th>{t('operators.created')}</th>
                <th className="actions-col">{t('operators.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {operators.map((o) => {
                const self = o.id === session.operator.id;
                return (
                  <tr key={o.id} className={o.disabled ? 'row-muted' : undefined}>
                    <td>
                      {o.name} {self ? <span className="muted">{t('operators.you')}</span> : null}
                    </td>
                    <td>{t(`roles.${o.role}`)}</td>
                    <td>
                      <span className={o.disabled ? 'state state-off' : 'state state-on'}>{o.disabled ? t('operators.disabled') : t('operators.active')}</span>
                    </td>
                    <td className="mono">{formatDate(o.createdAt)}</td>
                    <td className="actions-col">
                      {!o.disabled && !self ? (
                        <>
                          <button type="button" className="small" onClick={() => setOpen({ kind: 'reset', operator: o })}>
                            {t('operators.reset')}
                          </button>
                          <button type="button" className="small danger-quiet" onClick={() => setOpen({ kind: 'disable', operator: o })}>
                            {t('operators.disable')}
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {open?.kind === 'add' ? <AddOperatorDialog siteInputs={siteInputs} onDone={done} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'reset' ? <ResetPassphraseDialog operator={open.operator} siteInputs={siteInputs} onDone={done} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'disable' ? <DisableOperatorDialog operator={open.operator} onDone={done} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
