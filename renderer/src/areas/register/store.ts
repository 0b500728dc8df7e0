// The register area's view state. Only the operator's column choice persists (no personal data in localStorage).
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { SearchFilters, SortField } from '../../../../shared/register';

export const COLUMN_IDS = [
  'name',
  'ref',
  'dateOfBirth',
  'status',
  'category',
  'side',
  'icrcStatus',
  'rank',
  'unit',
  'facility',
  'captureDate',
  'captivityDays',
  'seriouslyWounded',
  'updatedAt',
  'score',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];
// Fits 1366 px beside the navigation; more columns scroll sideways.
export const DEFAULT_COLUMNS: ColumnId[] = ['name', 'ref', 'dateOfBirth', 'status', 'category', 'icrcStatus', 'facility', 'captivityDays'];

export type RegisterView = { kind: 'home' } | { kind: 'person'; id: string } | { kind: 'new' } | { kind: 'edit'; id: string };
export type Sort = { field: SortField; dir: 'asc' | 'desc' } | null;

interface RegisterStore {
  view: RegisterView;
  query: string;
  filters: SearchFilters;
  sort: Sort;
  columns: ColumnId[];
  /** the row the keyboard is on, kept so returning from a person lands on the same row */
  focusIndex: number;
  /** bumped after a write so the table drops its cached windows */
  revision: number;
  show(view: RegisterView): void;
  setQuery(query: string): void;
  setFilters(filters: SearchFilters): void;
  setSort(sort: Sort): void;
  toggleColumn(id: ColumnId): void;
  setFocusIndex(i: number): void;
  changed(): void;
}

export const useRegister = create<RegisterStore>()(
  persist(
    (set, get) => ({
      view: { kind: 'home' },
      query: '',
      filters: {},
      sort: null,
      columns: DEFAULT_COLUMNS,
      focusIndex: 0,
      revision: 0,
      show: (view) => set({ view }),
      setQuery: (query) => set({ query, focusIndex: 0 }),
      setFilters: (filters) => set({ filters, focusIndex: 0 }),
      setSort: (sort) => set({ sort, focusIndex: 0 }),
      toggleColumn: (id) => {
        const cols = get().columns;
        // The name column is the row's identity: it never goes away.
        if (id === 'name') return;
        set({ columns: cols.includes(id) ? cols.filter((c) => c !== id) : COLUMN_IDS.filter((c) => c === id || cols.includes(c)) });
      },
      setFocusIndex: (focusIndex) => set({ focusIndex }),
      changed: () => set({ revision: get().revision + 1 }),
    }),
    {
      name: 'obmin.register.columns',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ columns: s.columns }),
      merge: (saved, current) => {
        const cols = (saved as { columns?: unknown } | undefined)?.columns;
        const valid = Array.isArray(cols) ? COLUMN_IDS.filter((c) => cols.includes(c)) : [];
        return { ...current, columns: valid.includes('name') ? valid : DEFAULT_COLUMNS };
      },
    },
  ),
);

/** Lock clears what the operator looked at; the column choice stays. */
export function resetRegisterView(): void {
  useRegister.setState({ view: { kind: 'home' }, query: '', filters: {}, sort: null, focusIndex: 0 });
}
