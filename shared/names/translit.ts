// Transliteration (Ukrainian national 2010 rules) and the script-neutral skeleton of a name token.
import { foldHomoglyphs, normaliseApostrophes } from './normalise';

// Cabinet of Ministers of Ukraine resolution No. 55 of 27.01.2010; first value word-initial, second elsewhere.
const UK_2010: Record<string, [string, string]> = {
  а: ['a', 'a'],
  б: ['b', 'b'],
  в: ['v', 'v'],
  г: ['h', 'h'],
  ґ: ['g', 'g'],
  д: ['d', 'd'],
  е: ['e', 'e'],
  є: ['ye', 'ie'],
  ж: ['zh', 'zh'],
  з: ['z', 'z'],
  и: ['y', 'y'],
  і: ['i', 'i'],
  ї: ['yi', 'i'],
  й: ['y', 'i'],
  к: ['k', 'k'],
  л: ['l', 'l'],
  м: ['m', 'm'],
  н: ['n', 'n'],
  о: ['o', 'o'],
  п: ['p', 'p'],
  р: ['r', 'r'],
  с: ['s', 's'],
  т: ['t', 't'],
  у: ['u', 'u'],
  ф: ['f', 'f'],
  х: ['kh', 'kh'],
  ц: ['ts', 'ts'],
  ч: ['ch', 'ch'],
  ш: ['sh', 'sh'],
  щ: ['shch', 'shch'],
  ь: ['', ''],
  ю: ['yu', 'iu'],
  я: ['ya', 'ia'],
  "'": ['', ''],
  // Russian-only letters, for Russian-form names shown in the UI (not part of the 2010 rules).
  ё: ['yo', 'io'],
  ы: ['y', 'y'],
  э: ['e', 'e'],
  ъ: ['', ''],
};

function applyCase(src: string, out: string, nextIsUpper: boolean): string {
  if (out === '' || src === src.toLowerCase()) return out;
  // A capital digraph stays "Zh" inside a capitalised word and "ZH" inside an upper-case one.
  return nextIsUpper ? out.toUpperCase() : out.charAt(0).toUpperCase() + out.slice(1);
}

/** Ukrainian national Latin transliteration (2010): what the UI shows beside a Cyrillic name. */
export function transliterateUk(s: string): string {
  const chars = [...normaliseApostrophes(foldHomoglyphs(s.normalize('NFC')))];
  let out = '';
  let wordStart = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const lower = ch.toLowerCase();
    const rule = UK_2010[lower];
    if (!rule) {
      out += ch;
      wordStart = true;
      continue;
    }
    if (lower === "'") {
      continue; // the apostrophe is dropped and does not start a new word
    }
    let lat = wordStart ? rule[0] : rule[1];
    const next = chars[i + 1] ?? '';
    const prev = chars[i - 1] ?? '';
    // зг is written zgh so that it is not read as ж.
    if (lower === 'г' && prev.toLowerCase() === 'з') lat = 'gh';
    const nextIsUpper = next !== '' && next !== next.toLowerCase();
    const prevIsUpper = prev !== '' && prev !== prev.toLowerCase() && !wordStart;
    out += applyCase(ch, lat, nextIsUpper || prevIsUpper);
    wordStart = false;
  }
  return out;
}

// Cyrillic straight to skeleton symbols (not via Latin digraphs, so тщ is never read as ts+ch).
const CYR_SYMBOLS: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'h',
  д: 'd',
  е: 'e',
  ё: 'yo',
  є: 'ye',
  ж: 'j',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'c',
  ч: 'q',
  ш: 'w',
  щ: 'w',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

// Latin letters with diacritics that carry a sound of their own (Czech/Polish/German/French styles).
const LATIN_SPECIAL: Record<string, string> = {
  š: 'sh',
  č: 'ch',
  ž: 'zh',
  ł: 'l',
  ß: 'ss',
  ŝ: 'sh',
  ĉ: 'ch',
  ẑ: 'zh',
  ä: 'a',
  ö: 'o',
  ü: 'u',
};

// Longest first; output symbols: h = г/х/g, c = ц, q = ч, w = ш/щ, j = ж, y = й/и/і-like.
const LATIN_RULES: [string, string][] = [
  ['schtsch', 'w'],
  ['chtch', 'w'],
  ['tshch', 'tw'],
  ['shtch', 'w'],
  ['shch', 'w'],
  ['szcz', 'w'],
  ['tsch', 'q'],
  ['sch', 'w'],
  ['tch', 'q'],
  ['sh', 'w'],
  ['sz', 'w'],
  ['ch', 'q'],
  ['cz', 'q'],
  ['zh', 'j'],
  ['kh', 'h'],
  ['gh', 'h'],
  ['ts', 'c'],
  ['tz', 'c'],
  ['ck', 'k'],
  ['ph', 'f'],
  ['x', 'ks'],
  ['w', 'v'],
  ['q', 'k'],
  ['g', 'h'],
  ['j', 'y'],
];

function latinSymbols(s: string): string {
  let out = '';
  let i = 0;
  outer: while (i < s.length) {
    for (const [from, to] of LATIN_RULES) {
      if (s.startsWith(from, i)) {
        out += to;
        i += from.length;
        continue outer;
      }
    }
    out += s[i];
    i++;
  }
  return out;
}

function collapse(s: string): string {
  return s.replace(/(.)\1+/g, '$1');
}

const skeletonCache = new Map<string, string>();

/** Script-neutral key of one name token: Олексій, Oleksii, Oleksiy → "oleksi"; Ковальов, Kovalev → "kovalov". */
export function skeleton(token: string): string {
  const cached = skeletonCache.get(token);
  if (cached !== undefined) return cached;
  const chars = [...normaliseApostrophes(foldHomoglyphs(token.normalize('NFC'))).toLowerCase()];
  let sym = '';
  let latin = '';
  const flushLatin = (): void => {
    if (!latin) return;
    sym += latinSymbols(
      latin
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z]/g, ''),
    );
    latin = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const cyr = CYR_SYMBOLS[ch];
    if (cyr !== undefined) {
      flushLatin();
      // ьо/йо spell ё in Ukrainian; elsewhere the soft sign is silent.
      sym += ch === 'ь' && chars[i + 1] === 'о' ? 'y' : cyr;
    } else {
      latin += LATIN_SPECIAL[ch] ?? ch;
    }
  }
  flushLatin();
  let s = sym.replace(/y/g, 'i');
  s = collapse(s);
  // Iotated vowels fold onto the plain vowel (ya/ia/ja, yu/iu, ye/ie, yo/io=ё), and ей/ій onto і.
  s = s.replace(/i([aueo])/g, (_m, v: string) => (v === 'o' ? 'e' : v)).replace(/ei/g, 'i');
  s = collapse(s);
  // Russian -ев/-ёв and Ukrainian -ьов/-ов endings are one surname.
  s = s.replace(/ev(a?)$/, 'ov$1');
  if (skeletonCache.size > 50_000) skeletonCache.clear();
  skeletonCache.set(token, s);
  return s;
}

/** Skeleton without the gender ending: Соловйова/Соловйов, Осадча/Осадчий, Ковальська/Kovalskyi share it. */
export function surnameBase(sk: string): string {
  if (sk.length > 4 && /[^aeiou][ai]$/.test(sk)) return sk.slice(0, -1);
  return sk;
}
