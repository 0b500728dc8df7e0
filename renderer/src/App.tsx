import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Recovery } from './screens/Recovery';
import { Setup } from './screens/Setup';
import { Unlock } from './screens/Unlock';
import { Shell } from './shell/Shell';
import { useApp } from './state/app';

export function App() {
  const { t } = useTranslation();
  const phase = useApp((s) => s.phase);
  const session = useApp((s) => s.session);

  useEffect(() => {
    void useApp.getState().start();
    // The main process locks on suspend or its own idle timer; the window must follow at once.
    return window.obmin.events.on('locked', (p) => useApp.getState().markLocked(p.reason));
  }, []);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  switch (phase) {
    case 'loading':
      return <div className="gate muted">{t('common.loading')}</div>;
    case 'recovery':
      return <Recovery />;
    case 'setup':
      return <Setup />;
    case 'locked':
      return <Unlock />;
    case 'unlocked':
      return session ? <Shell session={session} /> : <Unlock />;
  }
}
