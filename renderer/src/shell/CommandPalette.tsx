import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can, type Role } from '../../../shared/domain/roles';
import type { PersonRow } from '../../../shared/register';
import { originalName } from '../areas/register/format';
import { useRegister } from '../areas/register/store';
import { useDebounced } from '../areas/register/useDebounced';
import { Dialog } from '../components/Dialog';
import { areaShortcut, visibleAreas } from '../lib/areas';
import { filterPalette, moveSelection, type PaletteItem } from '../lib/palette';
import { useApp } from '../state/app';
import { goHome } from './areaHome';

type Item = PaletteItem & { run(): void };

/** Ctrl+K: the frequent actions, every area, and any person by name — found by typing, run with Enter. */
export function CommandPalette({ role }: { role: Role }) {
  const { t } = useTranslation();
  const app = useApp();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [people, setPeople] = useState<PersonRow[]>([]);
  const canRead = can(role, 'register.read');
  // Two letters or more also look for people: "Ковальов" offers to open him.
  useDebounced(query.trim(), 200, (q) => {
    if (!canRead || q.length < 2) return setPeople([]);
    void window.obmin.persons.search({ query: q, limit: 5 }).then((r) => setPeople(r.ok ? r.value.rows : []));
  });
  useEffect(() => setIndex(0), [people]);

  const items = useMemo<Item[]>(
    () => [
      ...(can(role, 'register.write')
        ? [
            {
              id: 'newPerson',
              label: t('palette.newPerson'),
              keys: 'N',
              run: () => (goHome('register'), useRegister.getState().show({ kind: 'new' }), app.open(null)),
            },
          ]
        : []),
      ...(can(role, 'register.import') ? [{ id: 'import', label: t('palette.import'), run: () => (goHome('register', 'import'), app.open(null)) }] : []),
      ...(can(role, 'lists.write') ? [{ id: 'newList', label: t('palette.newList'), run: () => (goHome('lists', 'newList'), app.open(null)) }] : []),
      ...visibleAreas(role).map((a) => ({
        id: `area:${a}`,
        label: t('palette.goTo', { area: t(`nav.${a}`) }),
        keys: areaShortcut(a),
        run: () => (goHome(a), app.open(null)),
      })),
      { id: 'lock', label: t('palette.lock'), keys: 'Ctrl+L', run: () => void app.lock('manual') },
      { id: 'passphrase', label: t('palette.changePassphrase'), run: () => app.open('changePassphrase') },
      { id: 'language', label: t('palette.switchLanguage'), run: () => void app.setLocale(app.locale === 'uk' ? 'en' : 'uk').then(() => app.open(null)) },
    ],
    [role, t, app],
  );
  const found: Item[] = people.map((p) => ({
    id: `person:${p.id}`,
    label: t('palette.openPerson', { name: originalName(p) + (p.ref ? ` · ${p.ref}` : '') }),
    run: () => (goHome('register'), useRegister.getState().show({ kind: 'person', id: p.id }), app.open(null)),
  }));
  const shown = [...filterPalette(items, query), ...found];
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
