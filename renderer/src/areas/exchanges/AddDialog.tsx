import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SIDE_OF, type Direction } from '../../../../shared/exchanges';
import type { IntakeList } from '../../../../shared/lists';
import type { PersonRow } from '../../../../shared/register';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError, type UiError } from '../../components/FormError';

/** Adds people to one list: from a register search (chosen ones, or everyone found), or from an intake list. */
export function AddDialog({ roundId, direction, onClose, onDone }: { roundId: string; direction: Direction; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'register' | 'list'>('register');
  const [query, setQuery] = useState('');
  const [wounded, setWounded] = useState(false);
  const [found, setFound] = useState<{ total: number; rows: PersonRow[] }>({ total: 0, rows: [] });
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [lists, setLists] = useState<IntakeList[] | null>(null);
  const [listId, setListId] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const filters = { side: SIDE_OF[direction], ...(wounded ? { seriouslyWounded: true } : {}) };

  useEffect(() => {
    if (tab !== 'register') return;
    let live = true;
    const timer = setTimeout(() => {
      void window.obmin.persons.search({ query, filters, limit: 200 }).then((r) => {
        if (!live) return;
        if (r.ok) setFound(r.value);
        else setError(r.error);
      });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, wounded, tab]);
  useEffect(() => {
    if (tab === 'list' && lists === null) void window.obmin.lists.list({ limit: 500 }).then((r) => (r.ok ? setLists(r.value) : setError(r.error)));
  }, [tab, lists]);

  const done = (r: { ok: true; value: { added: number } } | { ok: false; error: UiError }) => {
    if (!r.ok) return setError(r.error);
    setError(null);
    setAdded(r.value.added);
    setPicked(new Set());
    onDone();
  };
  const addPicked = async () => done(await window.obmin.exchanges.add({ roundId, direction, personIds: [...picked] }));
  const addAll = async () => done(await window.obmin.exchanges.addFromSearch({ roundId, direction, query, filters, limit: Math.min(found.total, 5000) }));
  const addList = async () => done(await window.obmin.exchanges.addFromList({ roundId, direction, listId }));

  return (
    <Dialog title={t('rounds.add.title', { direction: t(`exchanges.direction.${direction}`) })} onClose={onClose} wide>
      <div className="tabs" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={tab === 'register'}
          className={tab === 'register' ? 'tab tab-on' : 'tab'}
          onClick={() => setTab('register')}
        >
          {t('rounds.add.fromRegister')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'list'} className={tab === 'list' ? 'tab tab-on' : 'tab'} onClick={() => setTab('list')}>
          {t('rounds.add.fromList')}
        </button>
      </div>
      {tab === 'register' ? (
        <>
          <Field label={t('rounds.add.query')} value={query} onChange={setQuery} autoFocus />
          <label className="check">
            <input type="checkbox" checked={wounded} onChange={(e) => setWounded(e.target.checked)} /> {t('rounds.add.wounded')}
          </label>
          <p className="muted">{t('rounds.add.found', { count: found.total })}</p>
          <div className="table-wrap add-results">
            <table className="data compact" data-testid="add-results">
              <tbody>
                {found.rows.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={picked.has(p.id)}
                          onChange={(e) =>
                            setPicked((s) => {
                              const n = new Set(s);
                              if (e.target.checked) n.add(p.id);
                              else n.delete(p.id);
                              return n;
                            })
                          }
                        />
                        {p.surname} {p.givenName ?? ''} {p.patronymic ?? ''}
                      </label>
                    </td>
                    <td className="mono">{p.ref ?? '—'}</td>
                    <td className="mono">{p.dateOfBirth ?? '—'}</td>
                    <td>{t(`register.status.${p.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="actions">
            {added !== null ? <span className="muted">{t('rounds.add.added', { count: added })}</span> : null}
            <button type="button" disabled={found.total === 0} onClick={() => void addAll()}>
              {t('rounds.add.addAll', { count: Math.min(found.total, 5000) })}
            </button>
            <button type="button" className="primary" disabled={picked.size === 0} onClick={() => void addPicked()}>
              {t('rounds.add.addSelected', { count: picked.size })}
            </button>
          </div>
        </>
      ) : (
        <>
          {lists?.length === 0 ? <p className="notice">{t('rounds.add.noLists')}</p> : null}
          <div className="field">
            <label htmlFor="add-list">{t('rounds.add.list')}</label>
            <select id="add-list" value={listId} onChange={(e) => setListId(e.target.value)}>
              <option value="">—</option>
              {(lists ?? []).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title} ({l.counts.linked + l.counts.created})
                </option>
              ))}
            </select>
          </div>
          <div className="actions">
            {added !== null ? <span className="muted">{t('rounds.add.added', { count: added })}</span> : null}
            <button type="button" className="primary" disabled={!listId} onClick={() => void addList()}>
              {t('rounds.add.addList')}
            </button>
          </div>
        </>
      )}
      <FormError error={error} />
    </Dialog>
  );
}
