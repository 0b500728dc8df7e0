import { AREAS, type AreaId } from './areas';

export type ShellCommand = { kind: 'lock' } | { kind: 'palette' } | { kind: 'area'; area: AreaId };

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** The shell's global shortcuts. Uses `code` for digits and letters so a Ukrainian keyboard layout works too. */
export function shellCommandFor(e: KeyLike): ShellCommand | null {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey && !e.shiftKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l')) return { kind: 'lock' };
  if (ctrl && !e.altKey && !e.shiftKey && (e.code === 'KeyK' || e.key.toLowerCase() === 'k')) return { kind: 'palette' };
  if (e.altKey && !ctrl && !e.shiftKey) {
    const digit = e.code?.startsWith('Digit') ? e.code.slice(5) : e.key;
    const n = Number.parseInt(digit, 10);
    const area = Number.isInteger(n) ? AREAS[n] : undefined;
    if (area) return { kind: 'area', area };
  }
  return null;
}

/** Ctrl+Enter submits the form being edited (UI.md: keyboard first). */
export function isSubmitChord(e: KeyLike): boolean {
  return (e.ctrlKey || e.metaKey) && e.key === 'Enter';
}

/** A key in a table of `count` rows with row `sel` selected: the row to select next, 'open', or null (not ours). */
export function tableKeyAction(key: string, sel: number, count: number): number | 'open' | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return Math.min(sel + 1, count - 1);
  if (key === 'ArrowUp') return Math.max(sel - 1, 0);
  if (key === 'Enter') return 'open';
  return null;
}
