import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/ipc/schemas';
import { useApp } from '../state/app';

/** One glance: site, operator and role, lock state, unsynced changes (UI.md). */
export function Header({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lock = useApp((s) => s.lock);
  const open = useApp((s) => s.open);
  const { site, operator, unsyncedChanges } = session;
  return (
    <header className="topbar">
      <div className="topbar-site" title={site.name}>
        <span className="brand">{t('app.name')}</span>
        <span className="site-code" data-testid="site-code">
          {site.code}
        </span>
        <span className="site-name">{site.name}</span>
      </div>
      <div className="topbar-status">
        <span className={unsyncedChanges > 0 ? 'pill pill-warn' : 'pill'} data-testid="unsynced">
          {unsyncedChanges > 0 ? t('shell.unsynced', { count: unsyncedChanges }) : t('shell.synced')}
        </span>
        <button type="button" className="ghost" onClick={() => open('palette')} title={t('common.shortcut', { keys: 'Ctrl+K' })}>
          {t('shell.palette')} <kbd>Ctrl+K</kbd>
        </button>
        <button type="button" className="ghost user" data-testid="operator" onClick={() => open('changePassphrase')} title={t('shell.changePassphrase')}>
          <span className="user-name">{operator.name}</span>
          <span className="user-role">{t(`roles.${operator.role}`)}</span>
        </button>
        <span className="lock-state" aria-live="polite">
          <span className="lock-dot" aria-hidden="true" />
          {t('shell.unlocked')}
        </span>
        <button type="button" className="lock-button" onClick={() => void lock('manual')} title={t('common.shortcut', { keys: 'Ctrl+L' })}>
          {t('shell.lock')} <kbd>Ctrl+L</kbd>
        </button>
      </div>
    </header>
  );
}
