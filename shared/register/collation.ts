// Ukrainian alphabetical order for SQL sorting (SQLite's NOCASE sorts by code point: ґ, є, і, ї land after я).
const UK = 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя';
// Russian-only letters sort beside their nearest Ukrainian neighbour, as a Ukrainian reader would look for them.
const EXTRA: Record<string, string> = { ё: 'е', ъ: 'ь', ы: 'и', э: 'е' };
const RANK = new Map<string, number>([...UK].map((c, i) => [c, i]));
// Cyrillic letters map into the private-use area in alphabet order, after Latin letters and digits.
const BASE = 0xe000;

/** A string whose binary order is Ukrainian alphabetical order (case-insensitive; apostrophes and hyphens ignored). */
export function ukSortKey(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  let out = '';
  for (const ch of s.normalize('NFC').toLocaleLowerCase('uk')) {
    if (ch === '’' || ch === "'" || ch === 'ʼ' || ch === '-' || ch === '\u2019') continue;
    const c = EXTRA[ch] ?? ch;
    const r = RANK.get(c);
    out += r === undefined ? c : String.fromCharCode(BASE + r * 2 + (EXTRA[ch] ? 1 : 0));
  }
  return out;
}
