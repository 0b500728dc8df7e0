import { useEffect, useRef } from 'react';

/** Calls commit(value) once the value has rested for `ms`; typing faster than that costs no queries. */
export function useDebounced<T>(value: T, ms: number, commit: (v: T) => void): void {
  const latest = useRef(commit);
  latest.current = commit;
  useEffect(() => {
    const id = setTimeout(() => latest.current(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
}
