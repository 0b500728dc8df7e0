// The register's home: search, filters, the virtualised table; shortcuts / and Ctrl+F (search), n and Ctrl+N (new).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { useVisits } from '../../shell/areaHome';
import { ColumnChooser } from './ColumnChooser';
import { EmptyState } from './EmptyState';
import { ExportDialog } from './ExportDialog';
import { FilterBar } from './FilterBar';
import { ImportDialog } from './ImportDialog';
import type { RegisterPerms } from './perms';
import { RegisterTable } from './RegisterTable';
import { useRegister } from './store';
import { useCloseDrops } from './useCloseDrops';
import { useDebounced } from './useDebounced';
import { useRowWindows } from './useRowWindows';

const typing = (el: EventTarget | null) => el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function RegisterHome({ perms }: { perms: RegisterPerms }) {
  const { t } = useTranslation();
  const { query, filters, sort, revision, setQuery, show, changed } = useRegister();
  const [text, setText] = useState(query);
  const [dialog, setDialog] = useState<'import' | 'export' | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const rows = useRowWindows({ query, filters, sort, revision });
  useDebounced(text, 150, (v) => v !== useRegister.getState().query && setQuery(v));
  useCloseDrops();
  // The palette's "import" arrives here as a request.
  useEffect(() => {
    if (useVisits.getState().take() === 'import' && perms.import) setDialog('import');
  }, [perms.import]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (dialog || document.querySelector('dialog[open]')) return;
      const ctrl = e.ctrlKey || e.metaKey;
      if ((e.key === '/' && !typing(e.target)) || (ctrl && (e.code === 'KeyF' || e.key.toLowerCase() === 'f'))) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (
        perms.write &&
        ((!ctrl && !e.altKey && (e.code === 'KeyN' || e.key === 'n') && !typing(e.target)) || (ctrl && (e.code === 'KeyN' || e.key.toLowerCase() === 'n')))
      ) {
        e.preventDefault();
        show({ kind: 'new' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, perms.write, show]);

  const empty = rows.total === 0 && query === '' && Object.keys(filters).length === 0;
  // On arrival (after set-up, unlock or a nav click) the keyboard has a place to start: the table, or the empty state's
  // first action — never the page body. Shortcuts still work there (neither is a text box).
  const arrived = rows.total !== null;
  useEffect(() => {
    if (!arrived || document.activeElement !== document.body) return;
    document.querySelector<HTMLElement>('[data-testid="register-grid"], [data-testid="register-empty"] button')?.focus();
  }, [arrived]);
  return (
    <section className="area reg-home" aria-labelledby="area-title">
      <div className="area-head reg-toolbar">
        <h1 id="area-title">{t('register.title')}</h1>
        <span className="muted reg-total" data-testid="register-total" aria-live="polite">
          {rows.total === null
            ? ''
            : rows.good === null
              ? t('register.people', { count: rows.total })
              : t('register.fit', { good: t('register.fitGood', { count: rows.good }), similar: t('register.fitSimilar', { count: rows.total - rows.good }) })}
        </span>
        <label className="reg-search">
          <span className="sr-only">{t('register.search')}</span>
          <input
            ref={searchRef}
            type="search"
            value={text}
            placeholder={t('register.searchPlaceholder')}
            aria-label={t('register.search')}
            title={t('common.shortcut', { keys: t('register.searchHint') })}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Down arrow leaves the search for the table, as in a list box.
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                document.querySelector<HTMLElement>('[data-testid="register-grid"]')?.focus();
              } else if (e.key === 'Escape') setText('');
            }}
            maxLength={256}
          />
        </label>
        <div className="reg-actions">
          <ColumnChooser />
          {perms.import ? (
            <button type="button" onClick={() => setDialog('import')}>
              {t('register.import')}
            </button>
          ) : null}
          {perms.export ? (
            <button
              type="button"
              onClick={() => {
                // The export names exactly what it will write: the query as typed, not one still waiting for the debounce.
                if (text !== query) setQuery(text);
                setDialog('export');
              }}
            >
              {t('register.export')}
            </button>
          ) : null}
          {perms.write ? (
            <button type="button" className="primary" onClick={() => show({ kind: 'new' })} title={t('common.shortcut', { keys: 'N, Ctrl+N' })}>
              {t('register.newPerson')}
            </button>
          ) : null}
        </div>
      </div>
      <FilterBar />
      <FormError error={rows.error} />
      {empty ? (
        <EmptyState
          onImport={perms.import ? () => setDialog('import') : null}
          onNew={perms.write ? () => show({ kind: 'new' }) : null}
          onDemoDone={perms.import ? changed : null}
        />
      ) : rows.total === 0 ? (
        <p className="reg-none muted">{t('register.noMatches')}</p>
      ) : (
        <RegisterTable rows={rows} onOpen={(id) => show({ kind: 'person', id })} />
      )}
      {dialog === 'import' ? <ImportDialog onClose={() => setDialog(null)} onApplied={() => changed()} /> : null}
      {dialog === 'export' ? <ExportDialog query={text.trim()} filters={filters} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}
