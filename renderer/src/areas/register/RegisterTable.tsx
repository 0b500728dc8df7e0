// The register's virtualised grid: TanStack Table gives the column model, TanStack Virtual renders only what is seen;
// rows come from the server in windows (useRowWindows), so 100 000 people cost what one screen costs.
import { flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../../shared/register';
import { gridTemplate, metaOf, registerColumns } from './columns';
import { RegisterRow } from './RegisterRow';
import { COLUMN_IDS, useRegister } from './store';
import { WINDOW, type RowWindows } from './useRowWindows';

const ROW_H = 32;
const PAGE = 15;
const NO_ROWS: PersonRow[] = [];

export function RegisterTable({ rows, onOpen }: { rows: RowWindows; onOpen(id: string): void }) {
  const { t } = useTranslation();
  const columns = useRegister((s) => s.columns);
  const sort = useRegister((s) => s.sort);
  const setSort = useRegister((s) => s.setSort);
  const focus = useRegister((s) => s.focusIndex);
  const setFocus = useRegister((s) => s.setFocusIndex);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rows.total ?? 0;

  // The sticky header sits above the rows inside the same scroller: scrollMargin and scrollPaddingStart account for it.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 12,
    scrollMargin: ROW_H,
    scrollPaddingStart: ROW_H,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  // Half a window of look-ahead both ways: the next window is on its way before the viewport reaches it.
  useEffect(() => rows.ensure(first - WINDOW / 2, last + WINDOW / 2), [rows, first, last]);

  const defs = useMemo(() => registerColumns(t), [t]);
  const columnVisibility = useMemo(() => Object.fromEntries(COLUMN_IDS.map((c) => [c, columns.includes(c)])), [columns]);
  // The table holds the column model and the header; rows live on the server and render through RegisterRow.
  const table = useReactTable({
    data: NO_ROWS,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    autoResetAll: false,
    state: { columnVisibility },
  });
  const cols = table.getVisibleLeafColumns();
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const onPick = useCallback(
    (i: number, id: string | undefined) => {
      setFocus(i);
      if (id) openRef.current(id);
    },
    [setFocus],
  );

  // Coming back from a person, the table opens where the operator left it.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || count === 0) return;
    restored.current = true;
    if (focus > 0) virtualizer.scrollToIndex(Math.min(focus, count - 1), { align: 'center' });
  }, [count, focus, virtualizer]);

  const moveTo = (i: number) => {
    const next = Math.max(0, Math.min(count - 1, i));
    setFocus(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE };
    if (e.key in step) moveTo(focus + step[e.key]!);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(count - 1);
    else if (e.key === 'Enter') {
      const r = rows.rowAt(focus);
      if (r) onOpen(r.id);
    } else return;
    e.preventDefault();
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  return (
    <div
      ref={scrollRef}
      className="reg-grid"
      role="grid"
      tabIndex={0}
      aria-label={t('register.tableLabel')}
      aria-rowcount={count + 1}
      aria-activedescendant={count > 0 ? `reg-row-${focus}` : undefined}
      title={t('register.tableHelp')}
      onKeyDown={onKeyDown}
      data-testid="register-grid"
      // Column widths depend on the operator's column choice: two CSS variables, set through the CSSOM.
      style={gridTemplate(COLUMN_IDS.filter((c) => columns.includes(c))) as CSSProperties}
    >
      <div className="reg-head" role="row" aria-rowindex={1}>
        {headers.map((h) => {
          const meta = metaOf(h.column.columnDef);
          const flip = (d: 'asc' | 'desc') => (meta.inverted ? (d === 'asc' ? 'desc' : 'asc') : d);
          // Shown in the column's own terms: "days in captivity ▲" is the capture date descending.
          const on = sort && meta.sortField && sort.field === meta.sortField ? flip(sort.dir) : null;
          const label = flexRender(h.column.columnDef.header, h.getContext());
          return (
            <div
              key={h.id}
              role="columnheader"
              className={`reg-cell col-${h.column.id}${meta.numeric ? ' num' : ''}`}
              aria-sort={on === 'asc' ? 'ascending' : on === 'desc' ? 'descending' : undefined}
            >
              {meta.sortField ? (
                <button
                  type="button"
                  className="sort"
                  tabIndex={-1}
                  onClick={() =>
                    setSort(on === 'asc' ? { field: meta.sortField!, dir: flip('desc') } : on === 'desc' ? null : { field: meta.sortField!, dir: flip('asc') })
                  }
                >
                  {label}
                  <span className="sort-mark" aria-hidden="true">
                    {on === 'asc' ? '▲' : on === 'desc' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                label
              )}
            </div>
          );
        })}
      </div>
      {/* The body's height comes from the virtualiser: an inline style set through the CSSOM. */}
      <div className="reg-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => (
          <RegisterRow
            key={v.key}
            index={v.index}
            top={v.start - ROW_H}
            data={rows.rowAt(v.index)}
            cols={cols}
            focused={v.index === focus}
            t={t}
            onPick={onPick}
          />
        ))}
      </div>
    </div>
  );
}
