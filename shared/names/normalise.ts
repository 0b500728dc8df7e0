// Text clean-up shared by the name functions: homoglyphs, apostrophes, tokens.

const LATIN_TO_CYR: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
  ï: 'ї',
  Ï: 'Ї',
  ë: 'ё',
  Ë: 'Ё',
};
const CYR_TO_LATIN: Record<string, string> = {};
for (const [lat, cyr] of Object.entries(LATIN_TO_CYR)) {
  // Lower-case 'h' and 'b' only look like Cyrillic capitals, so never map Cyrillic back to them.
  if (lat === 'h' || lat === 'b') continue;
  if (!(cyr in CYR_TO_LATIN)) CYR_TO_LATIN[cyr] = lat;
}

const CYR_RE = /[\u0400-\u04FF]/;
const LAT_RE = /[A-Za-z\u00C0-\u024F]/;
const WORD_RE = /[\p{L}\p{M}'’ʼ`´]+/gu;

/** Latin look-alikes inside a mostly Cyrillic word become Cyrillic, and vice versa. */
export function foldHomoglyphs(s: string): string {
  return s.replace(WORD_RE, (word) => {
    let cyr = 0;
    let lat = 0;
    for (const ch of word) {
      if (CYR_RE.test(ch)) cyr++;
      else if (LAT_RE.test(ch)) lat++;
    }
    if (cyr === 0 || lat === 0) return word;
    const table = cyr >= lat ? LATIN_TO_CYR : CYR_TO_LATIN;
    let out = '';
    for (const ch of word) out += table[ch] ?? ch;
    return out;
  });
}

/** Every apostrophe-like character becomes the typewriter apostrophe. */
export function normaliseApostrophes(s: string): string {
  return s.replace(/[’ʼ`´‘ʹ′]/g, "'");
}

export function hasCyrillic(s: string): boolean {
  return CYR_RE.test(s);
}

/** Lower-case, homoglyph-folded, ё→е form used to tell "exactly as registered" from "same skeleton". */
export function plainForm(s: string): string {
  return normaliseApostrophes(foldHomoglyphs(s.normalize('NFC')))
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}]/gu, '');
}

/** Russian-only letters mark a Cyrillic spelling as a Russian form. */
export function looksRussian(s: string): boolean {
  return /[ыэъё]/i.test(s) || (/[и]/i.test(s) && !/[іїєґ]/i.test(s));
}
