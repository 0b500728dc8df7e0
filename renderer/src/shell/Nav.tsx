import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain/roles';
import { areaShortcut, visibleAreas } from '../lib/areas';
import { useApp } from '../state/app';
import { goHome } from './areaHome';

export function Nav({ role }: { role: Role }) {
  const { t } = useTranslation();
  const area = useApp((s) => s.area);
  return (
    <nav className="sidenav" aria-label={t('shell.navigation')}>
      <ul>
        {visibleAreas(role).map((a) => (
          <li key={a}>
            <button
              type="button"
              className={a === area ? 'nav-item nav-on' : 'nav-item'}
              aria-current={a === area ? 'page' : undefined}
              onClick={() => goHome(a)}
              title={areaShortcut(a) ? t('common.shortcut', { keys: areaShortcut(a) }) : undefined}
              data-area={a}
            >
              <span>{t(`nav.${a}`)}</span>
              {areaShortcut(a) ? <kbd>{areaShortcut(a)}</kbd> : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
