// A fictional register and intake list with the same kinds of variation as the dev set, from a seeded PRNG.
import { allGivenNames, transliterateUk } from '../../shared/names';
import type { GivenNameEntry } from '../../shared/names';
import type { RegisteredPerson } from '../../shared/matching';
import type { Expected } from './evaluate';
import { mulberry32 } from '../../shared/random';
import { foreignSpelling, GEN_DIMINUTIVES, handwritingSlip, wholeEntryCell } from './generateHard';

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const chance = (r: Rng, p: number): boolean => r() < p;

// Own surname material (stems × endings), deliberately different from the dev set's names.
const STEMS = [
  'Шевч',
  'Ткач',
  'Мельнич',
  'Бондарч',
  'Кравц',
  'Олійн',
  'Лис',
  'Марч',
  'Кушнір',
  'Павл',
  'Гнат',
  'Семен',
  'Дмитр',
  'Степан',
  'Мартин',
  'Бойч',
  'Пилип',
  'Кирил',
  'Ляш',
  'Ярош',
  'Юрч',
  'Гайд',
  'Дзюб',
  'Зозул',
  'Верес',
  'Гриц',
  'Остров',
  'Вишнев',
  'Явор',
  'Журавл',
  'Савч',
  'Федор',
  'Рудн',
  'Чорнов',
  'Білоц',
  'Сушк',
  'Головч',
  'Щербат',
  'Пономар',
  'Нестер',
  'Коломійч',
  'Ємел',
  'Їжач',
  'Гуцал',
  'Притул',
  'Бережн',
  "Лук'ян",
  'Підгорн',
  'Задорож',
  'Конон',
  'Швайк',
  'Тягн',
  'Гетьман',
  'Костюч',
  'Дорош',
  'Максим',
  'Сидор',
  'Захарч',
  'Єрмол',
  'Ґудз',
  'Цвіт',
  'Жежер',
  'Хомич',
  'Щерб',
  'Чуприн',
  'Голуб',
  'Соловй',
  'Вовч',
  'Горобч',
  'Зінч',
  'Прокоп',
  'Тимч',
  'Фроль',
];
const ENDINGS = ['енко', 'ук', 'ишин', 'ський', 'ов', 'ець', 'ак', 'ик', 'юк', 'ан', 'ій'];

export function makeSurnames(r: Rng, n: number): string[] {
  const set = new Set<string>();
  const max = STEMS.length * ENDINGS.length;
  for (let tries = 0; set.size < n && tries < max * 50; tries++) {
    let s = pick(r, STEMS) + pick(r, ENDINGS);
    s = s
      .replace(/йов$/, 'йов')
      .replace(/ьов$/, 'ьов')
      .replace(/([чшщжц])ий$/, '$1ий')
      .replace(/([^аеиіоуєюяї])ій$/, '$1ий');
    set.add(s);
  }
  return [...set];
}

function femaleSurname(s: string): string {
  if (/ський$/.test(s)) return s.replace(/ський$/, 'ська');
  if (/ий$/.test(s)) return s.replace(/ий$/, 'а');
  if (/ов$/.test(s)) return s + 'а';
  return s;
}

function ukPatronymic(father: string, female: boolean): string {
  if (father === 'Микола') return female ? 'Миколаївна' : 'Миколайович';
  if (father === 'Ілля') return female ? 'Іллівна' : 'Ілліч';
  if (/й$/.test(father)) return female ? father.slice(0, -1) + 'ївна' : father + 'ович';
  if (/ь$/.test(father)) return female ? father.slice(0, -1) + 'івна' : father + 'ович';
  if (/[оа]$/.test(father)) return father.slice(0, -1) + (female ? 'івна' : 'ович');
  return father.replace(/і(\p{L})$/u, 'о$1') + (female ? 'івна' : 'ович');
}

function ruPatronymic(father: string, female: boolean): string {
  const f = father.replace(/ё/g, 'е');
  if (f === 'Илья') return female ? 'Ильинична' : 'Ильич';
  if (f === 'Никита' || f === 'Фома' || f === 'Лука') return f.slice(0, -1) + (female ? 'ична' : 'ич');
  if (f === 'Павел') return female ? 'Павловна' : 'Павлович';
  if (f === 'Лев') return female ? 'Львовна' : 'Львович';
  if (/ий$/.test(f)) return f.slice(0, -2) + (female ? 'ьевна' : 'ьевич');
  if (/[ейь]$/.test(f) || /ай$/.test(f)) return f.replace(/[йь]$/, '') + (female ? 'евна' : 'евич');
  if (/[ая]$/.test(f)) return f.slice(0, -1) + (female ? 'ична' : 'ич');
  return f + (female ? 'овна' : 'ович');
}

/** Russian spelling of a Ukrainian surname, the way a Russian-speaking writer renders it. */
function ruSurname(s: string, r: Rng): string {
  let x = s
    .replace(/ьов/g, 'ьёв')
    .replace(/йов/g, 'ьёв')
    .replace(/ій(?=\p{L})/gu, chance(r, 0.5) ? 'ей' : 'ий');
  x = x.replace(/и/g, 'ы').replace(/і/g, 'и').replace(/ї/g, 'йи').replace(/є/g, 'е').replace(/ґ/g, 'г').replace(/'/g, 'ь');
  x = x.replace(/([цшжч])ы/g, '$1и').replace(/ы(?=[йх])/g, 'и');
  if (/ар$/.test(x) && chance(r, 0.5)) x += 'ь';
  return x
    .replace(/ськый$/, 'ский')
    .replace(/ська$/, 'ская')
    .replace(/ыйи/g, 'ийи');
}

const ICAO: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
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
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  "'": '',
};
const RU_COMMON: Record<string, string> = { ...ICAO, й: 'y', ё: 'yo', ю: 'yu', я: 'ya', ъ: '', є: 'ye', ї: 'yi' };

function latin(s: string, table: Record<string, string>, style: 'icao' | 'common'): string {
  let out = '';
  const chars = [...s];
  chars.forEach((ch, i) => {
    const low = ch.toLowerCase();
    let t = table[low] ?? low;
    const prev = (chars[i - 1] ?? ' ').toLowerCase();
    if (style === 'common' && low === 'е' && (i === 0 || /[аеёиоуыэюяьъ]/.test(prev))) t = 'ye';
    if (style === 'common' && low === 'и' && chars[i + 1]?.toLowerCase() === 'й') t = 'i';
    out += i === 0 || prev === ' ' || prev === '-' ? t.charAt(0).toUpperCase() + t.slice(1) : t;
  });
  return out;
}

interface TruePerson {
  ref: string | null;
  surnameUk: string;
  given: GivenNameEntry;
  father: GivenNameEntry;
  female: boolean;
  dob: { y: number; m: number; d: number };
  unit: string | null;
}

type Style = 'uk' | 'ru' | 'latUk' | 'latIcao' | 'latRu';

function forms(p: TruePerson, style: Style, r: Rng): { s: string; g: string; p: string } {
  const surUk = p.female ? femaleSurname(p.surnameUk) : p.surnameUk;
  const pUk = ukPatronymic(p.father.id, p.female);
  if (style === 'uk') return { s: surUk, g: p.given.id, p: pUk };
  if (style === 'latUk') return { s: transliterateUk(surUk), g: transliterateUk(p.given.id), p: transliterateUk(pUk) };
  const ru = { s: ruSurname(surUk, r), g: p.given.ru[0] as string, p: ruPatronymic(p.father.ru[0] as string, p.female) };
  if (style === 'ru') return ru;
  const [table, st] = style === 'latIcao' ? [ICAO, 'icao' as const] : [RU_COMMON, 'common' as const];
  return { s: latin(ru.s, table, st), g: latin(ru.g, table, st), p: latin(ru.p, table, st) };
}

function typo(r: Rng, w: string): string {
  const c = [...w];
  if (c.length < 5) return w;
  const i = 1 + Math.floor(r() * (c.length - 2));
  const k = r();
  if (k < 0.35) [c[i], c[i + 1]] = [c[i + 1] as string, c[i] as string];
  else if (k < 0.65) c.splice(i, 1);
  else c[i] = c[i + 1] as string;
  return c.join('');
}

const pad = (n: number): string => String(n).padStart(2, '0');

function renderDate(r: Rng, d: { y: number; m: number; d: number }): { text: string; known: 'full' | 'year' } {
  const k = r();
  if (k < 0.25) return { text: String(d.y), known: 'year' };
  if (k < 0.5) return { text: `${pad(d.d)}.${pad(d.m)}.${d.y}`, known: 'full' };
  if (k < 0.65) return { text: `${d.y}-${pad(d.m)}-${pad(d.d)}`, known: 'full' };
  if (k < 0.8) return { text: `${pad(d.d)}/${pad(d.m)}/${d.y}`, known: 'full' };
  if (k < 0.9) return { text: `${pad(d.m)}/${pad(d.d)}/${d.y}`, known: 'full' };
  return { text: `${pad(d.d)}.${pad(d.m)}.${String(d.y).slice(2)}`, known: 'full' };
}

function newPerson(r: Rng, surnames: string[], males: GivenNameEntry[], females: GivenNameEntry[], ref: string | null): TruePerson {
  const female = chance(r, 0.18);
  return {
    ref,
    surnameUk: pick(r, surnames),
    given: pick(r, female ? females : males),
    father: pick(r, males),
    female,
    dob: { y: 1960 + Math.floor(r() * 46), m: 1 + Math.floor(r() * 12), d: 1 + Math.floor(r() * 28) },
    unit: chance(r, 0.7) ? `А${String(Math.floor(r() * 10000)).padStart(4, '0')}` : null,
  };
}

function toRegistered(p: TruePerson): RegisteredPerson {
  return {
    id: p.ref as string,
    ref: p.ref,
    surname: p.female ? femaleSurname(p.surnameUk) : p.surnameUk,
    givenName: p.given.id,
    patronymic: ukPatronymic(p.father.id, p.female),
    dateOfBirth: `${p.dob.y}-${pad(p.dob.m)}-${pad(p.dob.d)}`,
    unit: p.unit,
    sex: p.female ? 'F' : 'M',
  };
}

export interface GeneratedSet {
  persons: RegisteredPerson[];
  rows: { name: string; dateOfBirth: string; unit: string }[];
  expected: Expected[];
}

/**
 * A register of `registerSize` people and a list of `listSize` entries; about 20% of entries are absent people.
 * `hard`: lists as they really arrive too — diminutives, German/French/Polish spellings, handwriting slips, two
 * typos in a surname, whole entries with a rank in one cell (drawn from their own generator, so the ordinary set of
 * the same seed stays the same).
 */
export function generateSet(
  seed: number,
  registerSize: number,
  listSize: number,
  surnameCount = Math.max(60, Math.round(registerSize / 90)),
  opts: { hard?: boolean } = {},
): GeneratedSet {
  const r = mulberry32(seed);
  const h = mulberry32(seed ^ 0x5eed);
  const hard = opts.hard === true;
  const names = allGivenNames();
  const males = names.filter((n) => n.sex === 'M');
  const females = names.filter((n) => n.sex === 'F');
  const surnames = makeSurnames(r, surnameCount);
  const truth: TruePerson[] = [];
  for (let i = 0; i < registerSize; i++) truth.push(newPerson(r, surnames, males, females, `G${String(i).padStart(6, '0')}`));
  const bySurname = new Map<string, TruePerson[]>();
  for (const p of truth) bySurname.set(p.surnameUk, [...(bySurname.get(p.surnameUk) ?? []), p]);
  const rows: GeneratedSet['rows'] = [];
  const expected: Expected[] = [];
  for (let i = 0; i < listSize; i++) {
    let meant: TruePerson;
    if (chance(r, 0.2)) {
      meant = newPerson(r, surnames, males, females, null);
      // Half the absent people share surname, sex and given name with someone registered.
      if (chance(r, 0.5)) {
        const twin = pick(r, truth);
        meant = { ...meant, surnameUk: twin.surnameUk, given: twin.given, female: twin.female };
      }
    } else meant = pick(r, truth);
    const style = pick(r, ['uk', 'uk', 'ru', 'ru', 'ru', 'latUk', 'latUk', 'latIcao', 'latRu', 'latRu'] as const);
    const foreign = hard && chance(h, 0.2) ? pick(h, ['de', 'fr', 'pl'] as const) : null;
    const formsOf = (p: TruePerson, rng: Rng): { s: string; g: string; p: string } => {
      if (!foreign) return forms(p, style, rng);
      const uk = forms(p, 'uk', rng);
      return { s: foreignSpelling(uk.s, foreign), g: foreignSpelling(uk.g, foreign), p: foreignSpelling(uk.p, foreign) };
    };
    const f = formsOf(meant, r);
    const layout = r();
    let gTypo = chance(r, 0.05) ? typo(r, f.g) : f.g;
    const pTypo = chance(r, 0.05) ? typo(r, f.p) : f.p;
    let sTypo = chance(r, 0.15) ? typo(r, f.s) : f.s;
    const cyrillic = !foreign && (style === 'uk' || style === 'ru');
    const dims = GEN_DIMINUTIVES[meant.given.id];
    if (hard && cyrillic && dims && chance(h, 0.35)) gTypo = pick(h, dims);
    if (hard && cyrillic && chance(h, 0.15)) sTypo = handwritingSlip(h, f.s);
    else if (hard && f.s.length >= 7 && chance(h, 0.08)) sTypo = typo(h, typo(h, f.s));
    const ini = (w: string): string => w.charAt(0) + '.';
    let name: string;
    let shows: { g: 'full' | 'initial' | 'none'; p: 'full' | 'initial' | 'none' };
    if (layout < 0.3) [name, shows] = [`${sTypo} ${gTypo} ${pTypo}`, { g: 'full', p: 'full' }];
    else if (layout < 0.45) [name, shows] = [`${gTypo} ${pTypo} ${sTypo}`, { g: 'full', p: 'full' }];
    else if (layout < 0.63) [name, shows] = [`${sTypo} ${gTypo}`, { g: 'full', p: 'none' }];
    else if (layout < 0.75) [name, shows] = [`${gTypo} ${sTypo}`, { g: 'full', p: 'none' }];
    else if (layout < 0.88) [name, shows] = [`${sTypo} ${ini(f.g)} ${ini(f.p)}`, { g: 'initial', p: 'initial' }];
    else if (layout < 0.94) [name, shows] = [`${ini(f.g)}${ini(f.p)} ${sTypo}`, { g: 'initial', p: 'initial' }];
    else [name, shows] = [`${sTypo} ${ini(f.g)}`, { g: 'initial', p: 'none' }];
    if (chance(r, 0.15)) name = name.toUpperCase();
    if (style === 'uk' && chance(r, 0.05)) name = name.replace('о', 'o');
    const date = chance(r, 0.65) ? renderDate(r, meant.dob) : null;
    const unit = meant.unit && chance(r, 0.25) ? pick(r, [meant.unit, `в/ч ${meant.unit}`, meant.unit.replace('А', 'A')]) : '';
    if (hard && chance(h, 0.25)) rows.push({ name: wholeEntryCell(h, name, date?.text ?? '', unit), dateOfBirth: '', unit: '' });
    else rows.push({ name, dateOfBirth: date?.text ?? '', unit });
    // Oracle: who in the register fits everything the entry says, judged on true values, not by the matcher.
    const fits = (bySurname.get(meant.surnameUk) ?? []).filter((c) => {
      if (c.female !== meant.female) return false;
      const cf = formsOf(c, mulberry32(1));
      if (shows.g === 'full' && c.given.id !== meant.given.id) return false;
      if (shows.g === 'initial' && cf.g.charAt(0) !== f.g.charAt(0)) return false;
      if (shows.p === 'full' && c.father.id !== meant.father.id) return false;
      if (shows.p === 'initial' && cf.p.charAt(0) !== f.p.charAt(0)) return false;
      if (date && c.dob.y !== meant.dob.y) return false;
      if (date?.known === 'full' && (c.dob.m !== meant.dob.m || c.dob.d !== meant.dob.d)) return false;
      if (unit && c.unit !== meant.unit) return false;
      return true;
    });
    expected.push({ ref: meant.ref, consistent: fits.length });
  }
  return { persons: truth.map(toRegistered), rows, expected };
}
