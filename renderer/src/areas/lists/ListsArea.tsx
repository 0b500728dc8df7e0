import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeList } from '../../../../shared/lists';
import type { Session } from '../../../../shared/ipc/schemas';
import { can } from '../../../../shared/domain/roles';
import { FormError, type UiError } from '../../components/FormError';
import { useTableKeys } from '../../components/useTableKeys';
import { useVisits } from '../../shell/areaHome';
import '../../styles/lists.css';
import { Duplicates } from './Duplicates';
import { NewListDialog } from './NewListDialog';
import { Review } from './Review';

type View = { kind: 'home' } | { kind: 'review'; listId: string } | { kind: 'duplicates' };

/** The Lists area's home: the intake lists, a new list, the review of one list, the register's possible duplicates. */
export function ListsArea({ session }: { session: Session }) {
  const [view, setView] = useState<View>({ kind: 'home' });
  const home = () => setView({ kind: 'home' });
  if (view.kind === 'review') return <Review listId={view.listId} canWrite={can(session.operator.role, 'lists.write')} onBack={home} />;
  if (view.kind === 'duplicates') return <Duplicates canMerge={can(session.operator.role, 'register.write')} onBack={home} />;
  return <ListsHome session={session} open={(listId) => setView({ kind: 'review', listId })} duplicates={() => setView({ kind: 'duplicates' })} />;
}

function ListsHome({ session, open, duplicates }: { session: Session; open(id: string): void; duplicates(): void }) {
  const { t } = useTranslation();
  const [lists, setLists] = useState<IntakeList[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  // The palette's "new list" arrives here as a request.
  const [dialog, setDialog] = useState(() => useVisits.getState().take() === 'newList' && can(session.operator.role, 'lists.write'));
  const { sel, onKey } = useTableKeys(lists, (l) => open(l.id));
  const canWrite = can(session.operator.role, 'lists.write');

  const load = useCallback(async () => {
    const r = await window.obmin.lists.list({ limit: 500 });
    if (r.ok) setLists(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="area lists" aria-labelledby="area-title">
      <div className="area-head">
        <h1 id="area-title">{t('lists.title')}</h1>
        <div className="actions">
          <button type="button" onClick={duplicates}>
            {t('lists.duplicates')}
          </button>
          {canWrite ? (
            <button type="button" className="primary" onClick={() => setDialog(true)} title="N">
              {t('lists.newList')}
            </button>
          ) : null}
        </div>
      </div>
      <p className="muted">{t('lists.intro')}</p>
      <FormError error={error} />
      {lists === null ? <p className="muted">{t('lists.loading')}</p> : null}
      {lists?.length === 0 ? <p className="notice">{t('lists.empty')}</p> : null}
      {lists && lists.length > 0 ? (
        <div className="table-wrap" tabIndex={0} onKeyDown={onKey} aria-label={t('lists.title')}>
          <table className="data" data-testid="lists-table">
            <thead>
              <tr>
                <th>{t('lists.col.title')}</th>
                <th>{t('lists.col.kind')}</th>
                <th>{t('lists.col.received')}</th>
                <th>{t('lists.col.grade')}</th>
                <th className="num">{t('lists.col.entries')}</th>
                <th className="num">{t('lists.col.progress')}</th>
                <th>{t('lists.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {lists.map((l, i) => (
                <tr key={l.id} className={i === sel ? 'lists-sel' : undefined} onClick={() => open(l.id)} aria-selected={i === sel}>
                  <td>
                    <button type="button" className="link" onClick={() => open(l.id)}>
                      {l.title}
                    </button>
                  </td>
                  <td>{t(`lists.kind.${l.kind}`)}</td>
                  <td className="mono">{l.receivedDate ?? '—'}</td>
                  <td className="mono">{`${l.reliability}${l.credibility}`}</td>
                  <td className="num">{l.counts.total}</td>
                  <td className="num">{l.counts.total - l.counts.pending}</td>
                  <td>{t(`lists.status.${l.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {dialog ? (
        <NewListDialog
          onClose={() => setDialog(false)}
          onDone={(id) => {
            setDialog(false);
            open(id);
          }}
        />
      ) : null}
    </section>
  );
}
