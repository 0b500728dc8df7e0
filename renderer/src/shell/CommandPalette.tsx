import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain/roles';
import { Dialog } from '../components/Dialog';
import { areaShortcut, visibleAreas } from '../lib/areas';
import { filterPalette, moveSelection, type PaletteItem } from '../lib/palette';
import { useApp } from '../state/app';

type Item = PaletteItem & { run(): void };

/** Ctrl+K: every area and action, found by typing, run with Enter. */
export function CommandPalette({ role }: { role: Role }) {
  const { t } = useTranslation();
  const app = useApp();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);

  const items = useMemo<Item[]>(
    () => [
      ...visibleAreas(role).map((a) => ({ id: `area:${a}`, label: t('palette.goTo', { area: t(`nav.${a}`) }), keys: areaShortcut(a), run: () => app.go(a) })),
      { id: 'lock', label: t('palette.lock'), keys: 'Ctrl+L', run: () => void app.lock('manual') },
      { id: 'passphrase', label: t('palette.changePassphrase'), run: () => app.open('changePassphrase') },
      { id: 'language', label: t('palette.switchLanguage'), run: () => void app.setLocale(app.locale === 'uk' ? 'en' : 'uk').then(() => app.open(null)) },
    ],
    [role, t, app],
  );
  const shown = filterPalette(items, query);
  const selected = shown[Math.min(index, shown.length - 1)];

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setIndex((i) => moveSelection(Math.min(i, shown.length - 1), e.key === 'ArrowDown' ? 1 : -1, shown.length));
    } else if (e.key === 'Enter' && selected) {
      e.preventDefault();
      selected.run();
    }
  };

  return (
    <Dialog title={t('palette.title')} onClose={() => app.open(null)}>
      <div className="palette" onKeyDown={onKeyDown}>
        <input
          className="palette-input"
          autoFocus
          value={query}
          placeholder={t('palette.placeholder')}
          aria-label={t('palette.placeholder')}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
        />
        <ul className="palette-list" role="listbox" aria-label={t('palette.title')}>
          {shown.map((item) => (
            <li key={item.id} role="option" aria-selected={item === selected}>
              <button type="button" className={item === selected ? 'palette-item palette-on' : 'palette-item'} onClick={() => item.run()} tabIndex={-1}>
                <span>{item.label}</span>
                {item.keys ? <kbd>{item.keys}</kbd> : null}
              </button>
            </li>
          ))}
          {shown.length === 0 ? <li className="muted">{t('palette.empty')}</li> : null}
        </ul>
      </div>
    </Dialog>
  );
}
