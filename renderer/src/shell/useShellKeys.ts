import { useEffect } from 'react';
import { canSee } from '../lib/areas';
import { shellCommandFor } from '../lib/keys';
import { useApp } from '../state/app';
import { goHome } from './areaHome';

/** Global shortcuts while unlocked; captured before inputs so Ctrl+L locks even mid-typing. */
export function useShellKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const cmd = shellCommandFor(e);
      if (!cmd) return;
      const app = useApp.getState();
      e.preventDefault();
      e.stopPropagation();
      if (cmd.kind === 'lock') void app.lock('manual');
      else if (cmd.kind === 'palette') app.open(app.overlay === 'palette' ? null : 'palette');
      else if (app.session && canSee(app.session.operator.role, cmd.area)) goHome(cmd.area);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
