// «Передавання»: sites and trust, writing a file, receiving one, and the history (docs/transfer-format.md).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/domain/roles';
import type { Session } from '../../../../shared/ipc/schemas';
import { History, Receive, Send } from './Files';
import { Sites } from './Sites';
import { useTransfer } from './store';

const TABS = ['sites', 'send', 'receive', 'history'] as const;
type Tab = (typeof TABS)[number];

export function TransferArea({ session, initial = 'receive' }: { session: Session; initial?: Tab }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>(initial);
  const refresh = useTransfer((s) => s.refresh);
  useEffect(() => void refresh(), [refresh, tab]);
  const role = session.operator.role;
  const tabs = TABS.filter((x) => x !== 'send' || (can(role, 'register.export') && can(role, 'family.read')));
  return (
    <section className="area area-transfer" aria-labelledby="area-title">
      <h1 id="area-title">{t('transferUi.title')}</h1>
      <div className="tabs" role="tablist" aria-label={t('transferUi.title')}>
        {tabs.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`tab-${x}`}
            aria-selected={tab === x}
            aria-controls="transfer-tab"
            className={tab === x ? 'tab tab-on' : 'tab'}
            onClick={() => setTab(x)}
          >
            {t(`transferUi.tabs.${x}`)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id="transfer-tab" aria-labelledby={`tab-${tab}`}>
        {tab === 'sites' ? <Sites admin={can(role, 'settings.manage')} /> : null}
        {tab === 'send' ? <Send /> : null}
        {tab === 'receive' ? <Receive canImport={can(role, 'register.import') && can(role, 'family.write')} /> : null}
        {tab === 'history' ? <History /> : null}
      </div>
    </section>
  );
}
