import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/ipc/schemas';
import { badgeOf } from '../../../shared/transfer/badge';
import { useTransfer } from '../areas/transfer/store';
import { formatDateTime } from '../lib/format';
import { useApp } from '../state/app';

/** The synchronisation badge: per peer, the last file sent and received and the changes waiting (from the core). */
function SyncBadge() {
  const { t } = useTranslation();
  const go = useApp((s) => s.go);
  const overview = useTransfer((s) => s.overview);
  const refresh = useTransfer((s) => s.refresh);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 30_000);
    return () => clearInterval(timer);
  }, [refresh]);
  if (!overview) return null;
  const b = badgeOf(overview.peers);
  const label =
    b.state === 'none'
      ? t('transferUi.badge.none')
      : b.state === 'waiting'
        ? t('transferUi.badge.waiting', { count: b.waiting })
        : t(`transferUi.badge.${b.state}`);
  const title = b.peers
    .map((p) =>
      t('transferUi.badge.peer', {
        site: p.site,
        sent: p.lastSent ? `№ ${p.lastSent.seq}, ${formatDateTime(p.lastSent.at)}` : t('transferUi.badge.never'),
        received: p.lastReceived ? `№ ${p.lastReceived.seq}, ${formatDateTime(p.lastReceived.at)}` : t('transferUi.badge.never'),
        waiting: p.waiting,
      }),
    )
    .join('\n');
  return (
    <button
      type="button"
      className={b.state === 'synced' ? 'pill' : 'pill pill-warn'}
      data-testid="unsynced"
      data-state={b.state}
      title={title || label}
      onClick={() => go('transfers')}
    >
      {label}
    </button>
  );
}

/** One glance: site, operator and role, lock state, unsynced changes (UI.md). */
export function Header({ session }: { session: Session }) {
  const { t } = useTranslation();
  const lock = useApp((s) => s.lock);
  const open = useApp((s) => s.open);
  const { site, operator } = session;
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
        <SyncBadge />
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
