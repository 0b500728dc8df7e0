import type { Locale } from '../ipc/schemas';
import { en } from './en';
import type { MessageTree } from './types';
import { uk } from './uk';

export const sharedMessages: Record<Locale, MessageTree> = { uk, en };
export type { MessageTree };

/** A tiny lookup for non-React callers (the CLI): `{{name}}` placeholders, the key itself when missing. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), sharedMessages[locale]);
  const template = typeof found === 'string' ? found : key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (params[name] === undefined ? '' : String(params[name])));
}
