// Server-side paging for the virtualised table: rows arrive in windows of WINDOW rows as the viewport reaches them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonRow, SearchFilters } from '../../../../shared/register';
import type { UiError } from '../../components/FormError';
import type { Sort } from './store';

export const WINDOW = 200;

export interface RowWindows {
  /** null until the first window of the current query answers (never a figure left from the previous query) */
  total: number | null;
  /** of total, how many fit a text query well; null without a text query */
  good: number | null;
  rowAt(index: number): PersonRow | undefined;
  /** asks for every window the index range touches; already loaded or loading windows are skipped */
  ensure(first: number, last: number): void;
  error: UiError | null;
}

interface Args {
  query: string;
  filters: SearchFilters;
  sort: Sort;
  revision: number;
}

export function useRowWindows({ query, filters, sort, revision }: Args): RowWindows {
  const windows = useRef(new Map<number, PersonRow[]>());
  const loading = useRef(new Set<number>());
  // A new query bumps the generation; answers to an older one are dropped.
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [good, setGood] = useState<number | null>(null);
  const totalRef = useRef<number | null>(null);
  totalRef.current = total;
  const [error, setError] = useState<UiError | null>(null);
  const [, setTick] = useState(0);
  const key = JSON.stringify([query, filters, sort, revision]);

  const load = useCallback(
    (w: number) => {
      if (windows.current.has(w) || loading.current.has(w)) return;
      loading.current.add(w);
      const gen = generation.current;
      const args = { query, filters, offset: w * WINDOW, limit: WINDOW, ...(sort ? { sort } : {}) };
      void window.obmin.persons.search(args).then((r) => {
        if (gen !== generation.current) return;
        // A failed window stays in `loading` until the query changes: no retry loop against a failing core.
        if (!r.ok) return setError(r.error);
        loading.current.delete(w);
        windows.current.set(w, r.value.rows);
        setError(null);
        setTotal(r.value.total);
        setGood(r.value.good);
        setTick((n) => n + 1);
      });
    },
    // key covers query/filters/sort/revision by value; the objects themselves may change identity on every render
    [key],
  );

  useEffect(() => {
    generation.current++;
    windows.current = new Map();
    loading.current = new Set();
    setTotal(null);
    setGood(null);
    load(0);
  }, [load]);

  const ensure = useCallback(
    (first: number, last: number) => {
      const total = totalRef.current;
      const end = total === null ? last : Math.min(last, total - 1);
      for (let w = Math.floor(Math.max(0, first) / WINDOW); w <= Math.floor(Math.max(0, end) / WINDOW); w++) load(w);
    },
    [load],
  );

  const rowAt = useCallback((i: number) => windows.current.get(Math.floor(i / WINDOW))?.[i % WINDOW], []);

  return { total, good, rowAt, ensure, error };
}
