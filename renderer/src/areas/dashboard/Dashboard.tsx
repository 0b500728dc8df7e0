import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard as DashboardData } from '../../../../shared/exchanges';
import { CATEGORIES } from '../../../../shared/register/enums';
import { FormError, type UiError } from '../../components/FormError';
import { goHome } from '../../shell/areaHome';
import { useApp } from '../../state/app';
import { RoundsChart } from './RoundsChart';
import './dashboard.css';

/** The home screen: who is still held and for how long, what the rounds brought home, and the open work. */
export function Dashboard() {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  const [d, setD] = useState<DashboardData | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    void window.obmin.dashboard.get({}).then((r) => (r.ok ? setD(r.value) : setError(r.error)));
  }, []);
  // After unlocking the keyboard starts here, not on the page body.
  useEffect(() => {
    if (d && document.activeElement === document.body) first.current?.focus();
  }, [d]);
  const labels = useMemo(
    () => ({
      received: t('rounds.dashboard.received'),
      given: t('rounds.dashboard.given'),
      title: t('rounds.dashboard.chartLabel'),
      round: t('rounds.dashboard.round'),
    }),
    [t],
  );
  const max = d ? Math.max(1, ...d.captivity.map((b) => b.military + b.civilian + b.remains + b.other)) : 1;
  return (
    <section className="area dashboard" aria-labelledby="area-title" data-testid="dashboard">
      <h1 id="area-title">{t('rounds.dashboard.title')}</h1>
      <FormError error={error} />
      {d && d.persons === 0 ? (
        <div className="dash-empty" data-testid="dashboard-empty">
          <h2>{t('rounds.dashboard.empty.title')}</h2>
          <p>{t('rounds.dashboard.empty.body')}</p>
          <button ref={first} type="button" className="primary" onClick={() => goHome('register')}>
            {t('rounds.dashboard.empty.open')}
          </button>
        </div>
      ) : null}
      {d && d.persons > 0 ? (
        <>
          <div className="dash-cards">
            <button ref={first} type="button" className="dash-card" onClick={() => go('exchanges')} data-testid="dash-tasks">
              <span className="dash-num">{d.openTasks}</span>
              <span>{t('rounds.dashboard.openTasks')}</span>
            </button>
            <button type="button" className="dash-card" onClick={() => go('exchanges')} data-testid="dash-missing">
              <span className="dash-num">{d.missingData}</span>
              <span>{t('rounds.dashboard.missingData')}</span>
            </button>
          </div>
          <section aria-labelledby="dash-captivity">
            <h2 id="dash-captivity">{t('rounds.dashboard.captivity')}</h2>
            <table className="data compact dash-captivity" data-testid="dash-captivity">
              <thead>
                <tr>
                  <th />
                  {CATEGORIES.map((c) => (
                    <th key={c} className="num">
                      {t(`rounds.category.${c}`)}
                    </th>
                  ))}
                  <th className="num">{t('rounds.dashboard.total')}</th>
                  <th className="bar-col" />
                </tr>
              </thead>
              <tbody>
                {d.captivity.map((b) => {
                  const total = b.military + b.civilian + b.remains + b.other;
                  return (
                    <tr key={b.bucket} data-bucket={b.bucket}>
                      <th scope="row">{t(`rounds.dashboard.bucket.${b.bucket}`)}</th>
                      {CATEGORIES.map((c) => (
                        <td key={c} className="num">
                          {b[c]}
                        </td>
                      ))}
                      <td className="num strong">{total}</td>
                      <td className="bar-col">
                        <meter min={0} max={max} value={total} aria-label={`${total}`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="dash-rounds">
            <h2 id="dash-rounds">{t('rounds.dashboard.rounds')}</h2>
            {d.rounds.length === 0 ? <p className="muted">{t('rounds.dashboard.noRounds')}</p> : <RoundsChart rounds={d.rounds} labels={labels} />}
          </section>
        </>
      ) : null}
    </section>
  );
}
