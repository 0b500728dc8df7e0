// The compact filter bar: each multi-choice filter is a disclosure of checkboxes, the rest are plain inputs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, ICRC_STATUSES, STATUSES, type SearchFilters } from '../../../../shared/register';
import { useRegister } from './store';
import { useDebounced } from './useDebounced';

function MultiFilter<T extends string>({
  label,
  options,
  selected,
  optionLabel,
  onChange,
}: {
  label: string;
  options: readonly T[];
  selected: T[] | undefined;
  optionLabel(o: T): string;
  onChange(v: T[] | undefined): void;
}) {
  const chosen = selected ?? [];
  return (
    <details className="filter-drop">
      <summary className={chosen.length ? 'filter-on' : undefined}>
        {label}
        {chosen.length ? <span className="filter-count">{chosen.length}</span> : null}
      </summary>
      <div className="filter-menu">
        {options.map((o) => (
          <label key={o} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(o)}
              onChange={(e) => {
                const next = e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o);
                onChange(next.length ? next : undefined);
              }}
            />
            {optionLabel(o)}
          </label>
        ))}
      </div>
    </details>
  );
}

const toDays = (s: string): number | undefined => (s.trim() === '' || !/^\d{1,5}$/.test(s.trim()) ? undefined : Number(s.trim()));

export function FilterBar() {
  const { t } = useTranslation();
  const filters = useRegister((s) => s.filters);
  const setFilters = useRegister((s) => s.setFilters);
  const [facility, setFacility] = useState(filters.facility ?? '');
  const [minDays, setMinDays] = useState(filters.captivityMinDays?.toString() ?? '');
  const [maxDays, setMaxDays] = useState(filters.captivityMaxDays?.toString() ?? '');
  const patch = (p: Partial<SearchFilters>) => {
    const next: Record<string, unknown> = { ...useRegister.getState().filters, ...p };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    setFilters(next as SearchFilters);
  };
  useDebounced(facility, 300, (v) => v.trim() !== (filters.facility ?? '') && patch({ facility: v.trim() || undefined }));
  useDebounced(minDays + '|' + maxDays, 300, () => {
    const min = toDays(minDays);
    const max = toDays(maxDays);
    if (min !== filters.captivityMinDays || max !== filters.captivityMaxDays) patch({ captivityMinDays: min, captivityMaxDays: max });
  });
  const active = Object.keys(filters).length;

  return (
    <div className="filter-bar" role="group" aria-label={t('register.filter.label')}>
      <MultiFilter
        label={t('register.filter.status')}
        options={STATUSES}
        selected={filters.status}
        optionLabel={(o) => t(`register.status.${o}`)}
        onChange={(status) => patch({ status })}
      />
      <MultiFilter
        label={t('register.filter.category')}
        options={CATEGORIES}
        selected={filters.category}
        optionLabel={(o) => t(`register.category.${o}`)}
        onChange={(category) => patch({ category })}
      />
      <MultiFilter
        label={t('register.filter.icrc')}
        options={ICRC_STATUSES}
        selected={filters.icrcStatus}
        optionLabel={(o) => t(`register.icrc.${o}`)}
        onChange={(icrcStatus) => patch({ icrcStatus })}
      />
      <label className="filter-inline">
        <span>{t('register.filter.side')}</span>
        <select value={filters.side ?? ''} onChange={(e) => patch({ side: e.target.value === '' ? undefined : (e.target.value as 'ours' | 'held') })}>
          <option value="">{t('register.filter.any')}</option>
          <option value="ours">{t('register.side.ours')}</option>
          <option value="held">{t('register.side.held')}</option>
        </select>
      </label>
      <label className="filter-inline filter-text">
        <span>{t('register.filter.facility')}</span>
        <input value={facility} onChange={(e) => setFacility(e.target.value)} maxLength={256} />
      </label>
      <label className="filter-inline">
        <span>{t('register.filter.captivity')}</span>
        <input
          className="days"
          inputMode="numeric"
          placeholder={t('register.filter.from')}
          aria-label={`${t('register.filter.captivity')} ${t('register.filter.from')}`}
          value={minDays}
          onChange={(e) => setMinDays(e.target.value)}
        />
        <input
          className="days"
          inputMode="numeric"
          placeholder={t('register.filter.to')}
          aria-label={`${t('register.filter.captivity')} ${t('register.filter.to')}`}
          value={maxDays}
          onChange={(e) => setMaxDays(e.target.value)}
        />
      </label>
      <label className="check filter-inline">
        <input type="checkbox" checked={filters.seriouslyWounded === true} onChange={(e) => patch({ seriouslyWounded: e.target.checked ? true : undefined })} />
        {t('register.filter.wounded')}
      </label>
      {active ? (
        <button
          type="button"
          className="small ghost"
          onClick={() => {
            setFacility('');
            setMinDays('');
            setMaxDays('');
            setFilters({});
          }}
        >
          {t('register.filter.clear')} ({t('register.filter.active', { count: active })})
        </button>
      ) : null}
    </div>
  );
}
