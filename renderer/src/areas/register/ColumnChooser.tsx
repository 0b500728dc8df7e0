import { useTranslation } from 'react-i18next';
import { COLUMN_IDS, useRegister } from './store';

/** Which columns the table shows; the choice is kept between sessions (store.ts persists it). */
export function ColumnChooser() {
  const { t } = useTranslation();
  const columns = useRegister((s) => s.columns);
  const toggle = useRegister((s) => s.toggleColumn);
  return (
    <details className="filter-drop column-chooser">
      <summary>{t('register.columns')}</summary>
      <div className="filter-menu filter-menu-right">
        {COLUMN_IDS.map((c) => (
          <label key={c} className="check">
            <input type="checkbox" checked={columns.includes(c)} disabled={c === 'name'} onChange={() => toggle(c)} />
            {t(`register.col.${c}`)}
          </label>
        ))}
      </div>
    </details>
  );
}
