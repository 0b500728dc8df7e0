// Family contacts: phone and address stay blurred until revealed with a click (someone may be looking over a shoulder).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Relative } from '../../../../../shared/register';
import { formatDateTime } from '../../../lib/format';

function Sensitive({ value }: { value: string | null }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  if (!value) return <span className="muted">—</span>;
  if (shown) return <span>{value}</span>;
  return (
    <button
      type="button"
      className="sensitive"
      onClick={() => setShown(true)}
      title={t('register.family.hidden')}
      aria-label={`${t('register.family.reveal')}: ${t('register.family.hidden')}`}
    >
      <span className="blur" aria-hidden="true">
        {value}
      </span>
    </button>
  );
}

export function Family({ relatives, canWrite, onAdd, onLog }: { relatives: Relative[]; canWrite: boolean; onAdd(): void; onLog(r: Relative): void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="family">
      {canWrite ? (
        <div className="tab-actions">
          <button type="button" onClick={onAdd}>
            {t('register.family.add')}
          </button>
        </div>
      ) : null}
      {relatives.length === 0 ? <p className="muted">{t('register.family.none')}</p> : null}
      {relatives.map((r) => (
        <article key={r.id} className="card relative">
          <header className="card-head">
            <strong>{r.name}</strong> <span className="muted">{r.relation}</span>
            {canWrite ? (
              <button type="button" className="small" onClick={() => onLog(r)}>
                {t('register.family.logContact')}
              </button>
            ) : null}
          </header>
          <dl className="facts">
            <div className="fact">
              <dt>{t('register.family.phone')}</dt>
              <dd>
                <Sensitive value={r.phone} />
              </dd>
            </div>
            <div className="fact">
              <dt>{t('register.family.address')}</dt>
              <dd>
                <Sensitive value={r.address} />
              </dd>
            </div>
            <div className="fact">
              <dt>{t('register.family.consent')}</dt>
              <dd>
                {r.consent ? t('register.yes') : t('register.no')} {r.consentDate ? <span className="mono">{r.consentDate}</span> : null}
              </dd>
            </div>
            {r.dnaLabRef ? (
              <div className="fact">
                <dt>{t('register.family.dnaLabRef')}</dt>
                <dd className="mono">{r.dnaLabRef}</dd>
              </div>
            ) : null}
          </dl>
          <h4>{t('register.family.contacts')}</h4>
          {r.contacts.length === 0 ? (
            <p className="muted small">{t('register.family.noContacts')}</p>
          ) : (
            <ul className="contacts">
              {r.contacts.map((c) => (
                <li key={c.id}>
                  <span className="mono">{formatDateTime(c.at)}</span> · {t(`register.family.kinds.${c.kind}`)} · {t(`register.family.channels.${c.channel}`)} —{' '}
                  {c.summary}
                </li>
              ))}
            </ul>
          )}
        </article>
      ))}
    </div>
  );
}
