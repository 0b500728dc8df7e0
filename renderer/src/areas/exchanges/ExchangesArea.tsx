import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/domain/roles';
import { MEDIATORS, sumCounts, type Mediator, type Round } from '../../../../shared/exchanges';
import type { Session } from '../../../../shared/ipc/schemas';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FormError, type UiError } from '../../components/FormError';
import { useTableKeys } from '../../components/useTableKeys';
import { Handover } from './Handover';
import { RoundPage } from './RoundPage';
import { Tasks } from './Tasks';
import './exchanges.css';

type View = { kind: 'home' } | { kind: 'round'; id: string } | { kind: 'handover'; id: string } | { kind: 'tasks' };

/** The Exchanges area: the rounds, one round's page, its handover mode, and the liaison's tasks. */
export function ExchangesArea({ session }: { session: Session }) {
  const [view, setView] = useState<View>({ kind: 'home' });
  const home = () => setView({ kind: 'home' });
  if (view.kind === 'round') return <RoundPage id={view.id} session={session} onBack={home} onHandover={() => setView({ kind: 'handover', id: view.id })} />;
  if (view.kind === 'handover') return <Handover id={view.id} session={session} onExit={() => setView({ kind: 'round', id: view.id })} />;
  if (view.kind === 'tasks') return <Tasks session={session} onBack={home} />;
  return <RoundsHome session={session} open={(id) => setView({ kind: 'round', id })} tasks={() => setView({ kind: 'tasks' })} />;
}

function RoundsHome({ session, open, tasks }: { session: Session; open(id: string): void; tasks(): void }) {
  const { t } = useTranslation();
  const [rounds, setRounds] = useState<Round[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [dialog, setDialog] = useState(false);
  const { sel, onKey } = useTableKeys(rounds, (r) => open(r.id));
  const canWrite = can(session.operator.role, 'exchanges.write');
  const load = useCallback(async () => {
    const r = await window.obmin.exchanges.list({});
    if (r.ok) setRounds(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="area exchanges" aria-labelledby="area-title">
      <div className="area-head">
        <h1 id="area-title">{t('rounds.title')}</h1>
        <div className="actions">
          <button type="button" onClick={tasks}>
            {t('rounds.tasks')}
          </button>
          {canWrite ? (
            <button type="button" className="primary" onClick={() => setDialog(true)}>
              {t('rounds.newRound')}
            </button>
          ) : null}
        </div>
      </div>
      <p className="muted">{t('rounds.intro')}</p>
      <FormError error={error} />
      {rounds === null ? <p className="muted">{t('rounds.loading')}</p> : null}
      {rounds?.length === 0 ? <p className="notice">{t('rounds.empty')}</p> : null}
      {rounds && rounds.length > 0 ? (
        <div className="table-wrap" tabIndex={0} onKeyDown={onKey} aria-label={t('rounds.title')}>
          <table className="data" data-testid="rounds-table">
            <thead>
              <tr>
                <th className="num">{t('rounds.col.number')}</th>
                <th>{t('rounds.col.status')}</th>
                <th>{t('rounds.col.date')}</th>
                <th>{t('rounds.col.place')}</th>
                <th>{t('rounds.col.mediators')}</th>
                <th className="num">{t('rounds.col.receive')}</th>
                <th className="num">{t('rounds.col.give')}</th>
                <th>{t('rounds.col.result')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r, i) => (
                <tr key={r.id} className={i === sel ? 'lists-sel' : undefined} onClick={() => open(r.id)} aria-selected={i === sel} data-round={r.number}>
                  <td className="num">
                    <button type="button" className="link" onClick={() => open(r.id)}>
                      {r.number}
                    </button>
                  </td>
                  <td>
                    <RoundStatus status={r.status} />
                  </td>
                  <td className="mono">{r.actualDate ?? r.plannedDate ?? '—'}</td>
                  <td>{r.place ?? '—'}</td>
                  <td>{r.mediators.map((m) => t(`exchanges.mediator.${m}`)).join(', ') || '—'}</td>
                  <td className="num">{sumCounts(r.totals.listed.receive)}</td>
                  <td className="num">{sumCounts(r.totals.listed.give)}</td>
                  <td className="round-summary">{r.summary ? r.summary[session.settings.locale] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {dialog ? (
        <NewRoundDialog
          next={(rounds ?? []).reduce((m, r) => Math.max(m, r.number), 0) + 1}
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

export function RoundStatus({ status }: { status: Round['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`round-status rs-${status}`} data-status={status}>
      {t(`exchanges.status.${status}`)}
    </span>
  );
}

function NewRoundDialog({ next, onClose, onDone }: { next: number; onClose(): void; onDone(id: string): void }) {
  const { t } = useTranslation();
  const [number, setNumber] = useState(String(next));
  const [place, setPlace] = useState('');
  const [date, setDate] = useState('');
  const [mediators, setMediators] = useState<Mediator[]>([]);
  const [error, setError] = useState<UiError | null>(null);
  const submit = async (e?: React.FormEvent) => {
    e?.preventDefault();
    const r = await window.obmin.exchanges.create({ number: Number(number), place: place.trim() || null, plannedDate: date || null, mediators });
    if (r.ok) onDone(r.value.id);
    else setError(r.error);
  };
  return (
    <Dialog title={t('rounds.newRound')} onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} onKeyDown={(e) => (e.key === 'Enter' && e.ctrlKey ? void submit() : undefined)}>
        <Field label={t('rounds.form.number')} value={number} onChange={setNumber} inputMode="numeric" autoFocus required />
        <Field label={t('rounds.form.place')} value={place} onChange={setPlace} />
        <Field label={t('rounds.form.plannedDate')} value={date} onChange={setDate} type="date" />
        <fieldset className="mediators">
          <legend>{t('rounds.form.mediators')}</legend>
          {MEDIATORS.map((m) => (
            <label key={m} className="check">
              <input
                type="checkbox"
                checked={mediators.includes(m)}
                onChange={(e) => setMediators((s) => (e.target.checked ? [...s, m] : s.filter((x) => x !== m)))}
              />
              {t(`exchanges.mediator.${m}`)}
            </label>
          ))}
        </fieldset>
        <FormError error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('rounds.form.cancel')}
          </button>
          <button type="submit" className="primary" title="Ctrl+Enter">
            {t('rounds.form.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
