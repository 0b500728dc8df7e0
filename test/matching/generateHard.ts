// The hard kinds of variation for the generated set (lists as they really arrive), written independently of the
// matcher's own tables: how comrades shorten names, how German, French and Polish writers spell Ukrainian names,
// handwriting slips, and whole entries with a rank pasted into one cell.
type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/**
 * Diminutives of given names the development sets do not use (Олександр, Іван, Євген … are left out on purpose),
 * as a released soldier or a relative would say them.
 */
export const GEN_DIMINUTIVES: Record<string, string[]> = {
  Микола: ['Коля', 'Миколка', 'Колян'],
  Сергій: ['Серьожа', 'Сергійко', 'Серёжа'],
  Михайло: ['Миша', 'Михась', 'Мишко'],
  Юрій: ['Юра', 'Юрко', 'Юрась'],
  Григорій: ['Гриша', 'Грицько'],
  Петро: ['Петя', 'Петрик', 'Петрусь'],
  Анатолій: ['Толя', 'Толік'],
  Олексій: ['Льоша', 'Альоша', 'Лёша'],
  Максим: ['Макс', 'Максимко'],
  Станіслав: ['Стас', 'Стасик'],
  Антон: ['Антоша', 'Тоша'],
  Денис: ['Деня', 'Дениска'],
  Степан: ['Стьопа', 'Степанко'],
  Федір: ['Федя', 'Федько'],
  Тарас: ['Тарасик'],
  Леонід: ['Льоня', 'Лёня'],
  Валерій: ['Валера'],
  Віталій: ['Віталік', 'Виталик'],
  Борис: ['Боря'],
  Кирило: ['Кирюша', 'Кирюха'],
  Данило: ['Даня', 'Данилко'],
  Тимофій: ['Тимоха', 'Тимко'],
  Ілля: ['Ілюша'],
  Яків: ['Яша'],
  Георгій: ['Жора'],
  Владислав: ['Влад', 'Владик'],
  Ростислав: ['Ростик'],
  Олег: ['Олежка'],
  Антоніна: ['Тоня'],
  Тетяна: ['Таня', 'Танюша'],
  Наталія: ['Наташа', 'Наталка'],
  Марія: ['Маша', 'Марічка', 'Маруся'],
  Катерина: ['Катя', 'Катруся'],
  Ольга: ['Оля', 'Олечка'],
  Людмила: ['Люда', 'Люся'],
  Анастасія: ['Настя'],
  Юлія: ['Юля'],
  Лариса: ['Лара'],
  Надія: ['Надя'],
  Любов: ['Люба'],
  Ксенія: ['Ксюша'],
  Раїса: ['Рая'],
  Єлизавета: ['Ліза'],
  Поліна: ['Поля'],
  Уляна: ['Уля'],
  Христина: ['Христя'],
};

export const GEN_RANKS = [
  'солдат',
  'ст. солдат',
  'старший солдат',
  'мол. сержант',
  'сержант',
  'ст. сержант',
  'головний сержант',
  'штаб-сержант',
  'лейтенант',
  'ст. лейтенант',
  'капітан',
  'майор',
  'рядовой',
  'ефрейтор',
  'мл. сержант',
  'старший лейтенант',
  'капитан',
  'прапорщик',
  'матрос',
];

const VOWELS = 'аеєиіїоуюяь';
type Table = Record<string, string>;
const DE: Table = {
  а: 'a',
  б: 'b',
  в: 'w',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'je',
  ж: 'sch',
  з: 's',
  и: 'y',
  і: 'i',
  ї: 'ji',
  й: 'j',
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
  х: 'ch',
  ц: 'z',
  ч: 'tsch',
  ш: 'sch',
  щ: 'schtsch',
  ь: '',
  ю: 'ju',
  я: 'ja',
  "'": '',
};
const FR: Table = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'j',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'ï',
  й: 'ï',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'ou',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'tch',
  ш: 'ch',
  щ: 'chtch',
  ь: '',
  ю: 'iou',
  я: 'ia',
  "'": '',
};
const PL: Table = {
  а: 'a',
  б: 'b',
  в: 'w',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'je',
  ж: 'ż',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'ji',
  й: 'j',
  к: 'k',
  л: 'ł',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'ch',
  ц: 'c',
  ч: 'cz',
  ш: 'sz',
  щ: 'szcz',
  ь: '',
  ю: 'ju',
  я: 'ja',
  "'": '',
};

/** A Ukrainian name as a German, French or Polish writer spells it. */
export function foreignSpelling(word: string, style: 'de' | 'fr' | 'pl'): string {
  const table = style === 'de' ? DE : style === 'fr' ? FR : PL;
  const chars = [...word.toLowerCase()];
  let out = '';
  chars.forEach((ch, i) => {
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    let t = table[ch] ?? ch;
    // Between vowels с is doubled (German, French) so it is not read as з; Polish ł softens to l before і/я/ю/є.
    if (ch === 'с' && style !== 'pl' && VOWELS.includes(prev) && prev !== '' && VOWELS.includes(next) && next !== '') t = 'ss';
    if (ch === 'л' && style === 'pl' && /[іяюєь]/.test(next)) t = 'l';
    if (ch === 'й' && style === 'fr' && !VOWELS.includes(prev)) t = 'i';
    out += t;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

// Letters handwriting and text recognition confuse, both ways.
const CONFUSE: [string, string][] = [
  ['и', 'н'],
  ['ш', 'щ'],
  ['п', 'н'],
  ['е', 'є'],
  ['к', 'х'],
  ['т', 'г'],
  ['і', 'ї'],
];

/** One handwriting slip in a Cyrillic word (the first letter kept), or the word itself when it has none to make. */
export function handwritingSlip(r: Rng, word: string): string {
  const chars = [...word];
  const spots: [number, string][] = [];
  chars.forEach((ch, i) => {
    if (i === 0) return;
    for (const [a, b] of CONFUSE) {
      if (ch === a) spots.push([i, b]);
      else if (ch === b) spots.push([i, a]);
    }
  });
  if (spots.length === 0) return word;
  const [i, to] = pick(r, spots);
  chars[i] = to;
  return chars.join('');
}

/** A rank and the whole entry in one cell: "ст. сержант Прізвище Ім'я По батькові, 12.03.1985 р.н., в/ч А1234". */
export function wholeEntryCell(r: Rng, name: string, date: string, unit: string): string {
  const parts = [`${pick(r, GEN_RANKS)} ${name}`];
  if (date) parts.push(/^\d{4}$/.test(date) || r() < 0.5 ? `${date} р.н.` : date);
  if (unit) parts.push(`в/ч ${unit.replace(/^в\/ч\s*/, '')}`);
  return parts.join(', ');
}
