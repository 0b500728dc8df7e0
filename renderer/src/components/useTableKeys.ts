// Arrow keys move the selected row of an area's home table, Enter opens it (Lists and Exchanges share this).
import { useState } from 'react';
import { tableKeyAction } from '../lib/keys';

export function useTableKeys<T>(rows: readonly T[] | null, open: (row: T) => void): { sel: number; onKey(e: React.KeyboardEvent): void } {
  const [sel, setSel] = useState(0);
  const onKey = (e: React.KeyboardEvent) => {
    const action = tableKeyAction(e.key, sel, rows?.length ?? 0);
    if (action === null) return;
    if (action === 'open') open(rows![sel]!);
    else setSel(action);
    e.preventDefault();
  };
  return { sel, onKey };
}
