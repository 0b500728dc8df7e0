// Text cells that never overflow their column: an unbroken run longer than a column breaks between letters.
import type { Content } from '../pdf/render';

const LONG_TOKEN = /\S{22,}/;

export function cellText(s: string | null | undefined, style: Record<string, unknown> = {}): Content {
  const t = s && s.trim().length ? s : '—';
  return { text: t, ...style, ...(LONG_TOKEN.test(t) ? { wordBreak: 'break-all' } : {}) };
}

export const join = (...parts: (string | null | undefined)[]): string => parts.filter((p) => p && p.trim()).join(' ');
