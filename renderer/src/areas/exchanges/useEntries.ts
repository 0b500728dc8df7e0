import { useCallback, useEffect, useState } from 'react';
import type { Direction, EntryView } from '../../../../shared/exchanges';
import type { UiError } from '../../components/FormError';

export const PAGE = 100;

/** One list of a round, page by page: the first page from the round's read, more on request (`all` reads to the end). */
export function useEntries(
  roundId: string,
  direction: Direction,
  stamp: number,
  all = false,
  initial?: { total: number; rows: EntryView[] },
): { rows: EntryView[]; total: number; more(): void; error: UiError | null } {
  const [rows, setRows] = useState<EntryView[]>([]);
  const [total, setTotal] = useState(0);
  const [want, setWant] = useState(initial ? Math.max(initial.rows.length, 1) : PAGE);
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    // The round's own read already brought the first page: paint it without another call.
    if (!all && initial && (want <= initial.rows.length || initial.rows.length >= initial.total)) {
      setRows(initial.rows);
      setTotal(initial.total);
      return;
    }
    let live = true;
    void (async () => {
      const got: EntryView[] = [];
      for (;;) {
        const r = await window.obmin.exchanges.entries({ roundId, direction, offset: got.length, limit: all ? 500 : Math.min(PAGE, want - got.length) });
        if (!live) return;
        if (!r.ok) return setError(r.error);
        got.push(...r.value.rows);
        setTotal(r.value.total);
        if (r.value.rows.length === 0 || got.length >= r.value.total || (!all && got.length >= want)) break;
        if (all) setRows([...got]);
      }
      setRows(got);
    })();
    return () => {
      live = false;
    };
  }, [roundId, direction, stamp, want, all, initial]);
  const more = useCallback(() => setWant((w) => w + PAGE), []);
  return { rows, total, more, error };
}
