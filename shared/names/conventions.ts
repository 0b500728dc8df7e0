// German, French and Polish spellings of Ukrainian/Russian names, re-spelled the English way the skeleton reads.
// Only letters whose sound differs between conventions need this (German z = ц, French ch = ш, Polish c = ц …);
// what all conventions agree on (w = в, tsch/sch, sz/cz, ou) the skeleton folds itself.

export type LatinConvention = 'de' | 'fr' | 'pl';

const LATIN_WORD = /[A-Za-z\u00C0-\u024F']+/g;

/**
 * Which convention the Latin words of one entry follow, when their letters say so clearly; null: English-style.
 * Strong marks decide (tsch/sch; sz/cz/rz/ł; tch/ï); weak ones (w, z, c, ch, ou) only together; the English
 * digraphs sh/zh/kh rule the others out.
 */
export function detectConvention(text: string): LatinConvention | null {
  const words = (text.match(LATIN_WORD) ?? []).map((w) => w.toLowerCase());
  if (words.length === 0) return null;
  const all = words.join(' ');
  if (/sh|zh|kh/.test(all.replace(/sch|szcz|sz/g, ''))) return null;
  const w = /w/.test(all);
  // w with z is as often Polish (Wasyl Kobzar) as German, so only ch (х) or -ij joins w as German.
  const de = /sch/.test(all) || (w && /(^|[^st])ch|ij\b/.test(all));
  const pl = /sz|cz|rz|[łżźśćńąęó]/.test(all) || (w && /c(?![hkz])/.test(all));
  const fr = /tch|[ïë]/.test(all) || words.filter((x) => x.includes('ou')).length >= 2;
  const hits = [de && 'de', fr && 'fr', pl && 'pl'].filter(Boolean) as LatinConvention[];
  if (hits.length === 1) return hits[0] as LatinConvention;
  // tsch (German) and szcz/sz (Polish) outrank a stray tch.
  if (de && /sch/.test(all) && !/sz|cz/.test(all)) return 'de';
  if (pl && /sz|cz|rz|ł/.test(all) && !/sch/.test(all)) return 'pl';
  return null;
}

function respellWord(w: string, conv: LatinConvention, germanS: boolean): string {
  // Lower case first, so the capitals Q, C, S can stand for щ, ч, ш while the rules run.
  let s = w.toLowerCase();
  if (conv === 'de') {
    s = s.replace(/tz|z(?!h)/g, 'ts');
    // German writes з as s between vowels (Nasar) and с as ss; only trusted where tsch/sch made the style certain.
    if (germanS) s = s.replace(/([aeiouy])s(?=[aeiouy])/g, '$1z');
    s = s
      .replace(/schtsch/g, 'Q')
      .replace(/tsch/g, 'C')
      .replace(/sch/g, 'S')
      .replace(/ch/g, 'kh')
      .replace(/ss/g, 's')
      .replace(/Q/g, 'shch')
      .replace(/C/g, 'ch')
      .replace(/S/g, 'sh');
  } else if (conv === 'fr') {
    s = s
      .replace(/chtch/g, 'Q')
      .replace(/tch/g, 'C')
      .replace(/ch/g, 'sh')
      .replace(/ou/g, 'u')
      .replace(/dj/g, 'dzh')
      .replace(/j/g, 'zh')
      .replace(/gu(?=[eiy])/g, 'g')
      .replace(/ss/g, 's')
      .replace(/Q/g, 'shch')
      .replace(/C/g, 'ch');
  } else {
    s = s
      .replace(/szcz/g, 'Q')
      .replace(/sz/g, 'S')
      .replace(/cz/g, 'C')
      .replace(/rz/g, 'zh')
      .replace(/[żź]/g, (c) => (c === 'ż' ? 'zh' : 'z'))
      .replace(/ch/g, 'kh')
      .replace(/ó/g, 'u')
      .replace(/ć/g, 'ts')
      .replace(/c/g, 'ts')
      .replace(/Q/g, 'shch')
      .replace(/C/g, 'ch')
      .replace(/S/g, 'sh');
  }
  if (w === w.toUpperCase()) return s.toUpperCase();
  return w.charAt(0) === w.charAt(0).toUpperCase() ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** The Latin words of a text re-spelled from a convention to the English style; Cyrillic words stay as they are. */
export function respell(text: string, conv: LatinConvention): string {
  const germanS = conv === 'de' && /sch/i.test(text);
  return text.replace(LATIN_WORD, (w) => respellWord(w, conv, germanS));
}

/** detectConvention + respell: what the parser does to every name it reads. */
export function toCommonLatin(text: string): string {
  const conv = detectConvention(text);
  return conv ? respell(text, conv) : text;
}

/**
 * When no convention is certain, the letters that differ between them are read the other way once more, as an
 * alternative reading the scorer weighs (with its small penalty): French ou = у (Rousnak), German/Polish ch = х
 * (Prichodko), German sch = ж at the start (Schuk), French jo/ju = жо/жу (Jovnir), German z = ц at a word's edge
 * (Zymbaljuk, Orobez). null when nothing would change.
 */
export function otherLatinReading(text: string): string | null {
  const conv = detectConvention(text);
  // An English-style digraph anywhere (Prykhodko) says how the rest is written.
  if (conv === 'fr' || conv === 'pl' || /sh|zh|kh/i.test(conv ? '' : text.replace(/sch/gi, ''))) return null;
  const out = text.replace(LATIN_WORD, (w) => {
    let s = w.toLowerCase();
    s =
      conv === 'de'
        ? s.replace(/^sch(?=[aeiouy])/, 'zh')
        : s
            .replace(/ou/g, 'u')
            .replace(/^sch(?=[aeiouy])/, 'zh')
            .replace(/(^|[^st])ch(?!$)/g, '$1kh')
            .replace(/^j(?=[ou])/, 'zh')
            .replace(/^z(?=[yi])|z$/g, 'ts')
            .replace(/([aeiouy])s(?=[aeiouy])/g, '$1z');
    if (s === w.toLowerCase()) return w;
    if (w === w.toUpperCase()) return s.toUpperCase();
    return w.charAt(0) === w.charAt(0).toUpperCase() ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  });
  return out === text ? null : out;
}
