// The register table's columns: what each shows, how it sorts on the server, and its width class (register.css).
import type { ColumnDef } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { isCaptivityOver, type PersonRow, type SortField } from '../../../../shared/register';
import { dayOf, latinName, originalName } from './format';
import { StatusBadge } from './StatusBadge';
import type { ColumnId } from './store';

export interface ColumnMeta {
  sortField: SortField | null;
  /** numbers and dates right-aligned, in tabular figures */
  numeric: boolean;
  /** the column sorts by its field in the opposite direction (days in captivity grow as the capture date falls) */
  inverted: boolean;
  /** the cell's content; the grid's rows call it directly (no row model for rows that live on the server) */
  render(r: PersonRow, t: TFunction): ReactNode;
  /** the full text on hover, for a cell that may be cut with an ellipsis */
  title(r: PersonRow, t: TFunction): string | undefined;
}

function NameCell({ row, t }: { row: PersonRow; t: TFunction }) {
  const latin = latinName(row);
  return (
    <span className="name-cell">
      {/* Priority for repatriation shows on the name itself, whatever columns are chosen. */}
      {row.seriouslyWounded ? <span className="wounded-mark" title={t('register.wounded')} aria-label={t('register.wounded')} /> : null}
      <span className="name-orig">{originalName(row)}</span>
      {latin ? <span className="name-latin">{latin}</span> : null}
    </span>
  );
}

type Def = {
  id: ColumnId;
  sort: SortField | null;
  numeric?: boolean;
  inverted?: boolean;
  cell(r: PersonRow, t: TFunction): ReactNode;
  title?(r: PersonRow, t: TFunction): string | undefined;
};

const fullName = (r: PersonRow): string => [originalName(r), latinName(r)].filter(Boolean).join(' · ');
const plain = (v: string | null): string | undefined => v ?? undefined;

const DEFS: Def[] = [
  { id: 'name', sort: 'surname', cell: (r, t) => <NameCell row={r} t={t} />, title: fullName },
  { id: 'ref', sort: 'ref', cell: (r) => <span className="mono">{r.ref ?? ''}</span> },
  { id: 'dateOfBirth', sort: 'dateOfBirth', numeric: true, cell: (r) => r.dateOfBirth ?? '' },
  { id: 'status', sort: 'status', cell: (r) => <StatusBadge status={r.status} /> },
  { id: 'category', sort: 'category', cell: (r, t) => t(`register.category.${r.category}`) },
  { id: 'side', sort: 'side', cell: (r, t) => t(`register.side.${r.side}`) },
  { id: 'icrcStatus', sort: 'icrcStatus', cell: (r, t) => <span className={`icrc icrc-${r.icrcStatus}`}>{t(`register.icrc.${r.icrcStatus}`)}</span> },
  { id: 'rank', sort: null, cell: (r) => r.rank ?? '', title: (r) => plain(r.rank) },
  { id: 'unit', sort: null, cell: (r) => r.unit ?? '', title: (r) => plain(r.unit) },
  { id: 'facility', sort: 'facility', cell: (r) => r.facility ?? '', title: (r) => plain(r.facility) },
  { id: 'captureDate', sort: 'captureDate', numeric: true, cell: (r) => r.captureDate ?? '' },
  // Counted by the core (shared/register/captivity.ts): to release, repatriation or death; those home sort apart.
  {
    id: 'captivityDays',
    sort: 'captivityDays',
    numeric: true,
    cell: (r, t) =>
      r.captivityDays === null
        ? ''
        : isCaptivityOver(r.status)
          ? t('register.daysEnded', { days: r.captivityDays.toLocaleString('uk-UA') })
          : r.captivityDays.toLocaleString('uk-UA'),
    title: (r, t) =>
      r.captivityDays !== null && isCaptivityOver(r.status) ? t('register.daysEndedHint', { status: t(`register.status.${r.status}`) }) : undefined,
  },
  {
    id: 'seriouslyWounded',
    sort: null,
    cell: (r, t) =>
      r.seriouslyWounded ? (
        <span className="wounded" title={t('register.wounded')}>
          {t('register.yes')}
        </span>
      ) : (
        ''
      ),
  },
  { id: 'updatedAt', sort: 'updatedAt', numeric: true, cell: (r) => dayOf(r.updatedAt) },
  { id: 'score', sort: 'score', numeric: true, cell: (r) => (r.score === null ? '' : r.score.toFixed(2)) },
];

/** Column widths in px, the one place they are set: the grid's template and its minimum width derive from them. */
export const COLUMN_WIDTH: Record<ColumnId, number> = {
  name: 210,
  ref: 116,
  dateOfBirth: 100,
  status: 190,
  category: 96,
  side: 120,
  icrcStatus: 150,
  rank: 130,
  unit: 120,
  facility: 150,
  captureDate: 100,
  captivityDays: 136,
  seriouslyWounded: 90,
  updatedAt: 100,
  score: 64,
};

/** Text columns share what is left (the name most); the others keep their width; the grid scrolls sideways when narrow. */
const SHARE: Partial<Record<ColumnId, number>> = { name: 3, facility: 2, unit: 1, rank: 1 };

export function gridTemplate(visible: readonly ColumnId[]): { '--reg-cols': string; '--reg-w': string } {
  const cols = visible.map((c) => (SHARE[c] ? `minmax(${COLUMN_WIDTH[c]}px, ${SHARE[c]}fr)` : `${COLUMN_WIDTH[c]}px`)).join(' ');
  const total = visible.reduce((n, c) => n + COLUMN_WIDTH[c], 0);
  return { '--reg-cols': cols, '--reg-w': `${total}px` };
}

export function registerColumns(t: TFunction): ColumnDef<PersonRow>[] {
  return DEFS.map((d) => ({
    id: d.id,
    header: () => t(`register.col.${d.id}`),
    accessorFn: (r) => r.id,
    cell: (c) => d.cell(c.row.original, t),
    meta: {
      sortField: d.sort,
      numeric: d.numeric ?? false,
      inverted: d.inverted ?? false,
      render: d.cell,
      title: d.title ?? (() => undefined),
    } satisfies ColumnMeta,
  }));
}

export function metaOf(def: ColumnDef<PersonRow>): ColumnMeta {
  return (def.meta ?? { sortField: null, numeric: false, inverted: false, render: () => null, title: () => undefined }) as ColumnMeta;
}
