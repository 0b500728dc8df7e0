import { useEffect } from 'react';

/** The filter and column drop-downs are <details>: they close on a click elsewhere and on Esc, like menus do. */
export function useCloseDrops(): void {
  useEffect(() => {
    const closeAll = (except?: Node) => {
      for (const d of document.querySelectorAll<HTMLDetailsElement>('details.filter-drop[open]')) if (!except || !d.contains(except)) d.open = false;
    };
    const onDown = (e: PointerEvent) => closeAll(e.target as Node);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && document.querySelector('details.filter-drop[open]')) {
        e.stopPropagation();
        closeAll();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, []);
}
