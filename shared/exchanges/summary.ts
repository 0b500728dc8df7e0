// The round's result in the seed's own words, uk and en, with Ukrainian plural forms (1 особа, 2 особи, 5 осіб).
import type { Locale } from '../ipc/schemas';
import { sumCounts, type Totals } from './closing';

export type PluralForm = 'one' | 'few' | 'many';

/** Ukrainian cardinal plural: 1, 21, 101 → one; 2–4, 22–24 → few; 0, 5–20, 25–30, 11–14 → many. */
export function ukPlural(n: number): PluralForm {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return 'one';
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 'few';
  return 'many';
}

type Forms = Record<PluralForm, string>;
const UK: Record<'person' | 'military' | 'civilian' | 'other' | 'body', Forms> = {
  person: { one: 'особа', few: 'особи', many: 'осіб' },
  military: { one: 'військовий', few: 'військових', many: 'військових' },
  civilian: { one: 'цивільний', few: 'цивільних', many: 'цивільних' },
  other: { one: 'інша особа', few: 'інші особи', many: 'інших осіб' },
  body: { one: 'тіло', few: 'тіла', many: 'тіл' },
};
const EN: Record<keyof typeof UK, [string, string]> = {
  person: ['person', 'people'],
  military: ['service member', 'service members'],
  civilian: ['civilian', 'civilians'],
  other: ['other', 'others'],
  body: ['body', 'bodies'],
};

/** "5 осіб", "1 person". */
export function countWord(locale: Locale, n: number, word: keyof typeof UK): string {
  return locale === 'uk' ? `${n} ${UK[word][ukPlural(n)]}` : `${n} ${EN[word][n === 1 ? 0 : 1]}`;
}

function joinAnd(locale: Locale, parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${locale === 'uk' ? 'і' : 'and'} ${parts[parts.length - 1]}`;
}

/** "68-й обмін: повернуто 84 особи — 33 військових і 51 цивільний" / "Round 68: 84 people returned — 33 service members and 51 civilians". */
export function summarySentence(locale: Locale, roundNumber: number, t: Totals): string {
  const r = t.handedOver.receive;
  const living = r.military + r.civilian + r.other;
  const parts = (['military', 'civilian', 'other'] as const).filter((c) => r[c] > 0).map((c) => countWord(locale, r[c], c));
  const given = sumCounts(t.handedOver.give);
  const uk = locale === 'uk';
  let s = uk ? `${roundNumber}-й обмін: ` : `Round ${roundNumber}: `;
  if (living > 0)
    s += uk
      ? `повернуто ${countWord(locale, living, 'person')} — ${joinAnd(locale, parts)}`
      : `${countWord(locale, living, 'person')} returned — ${joinAnd(locale, parts)}`;
  else s += uk ? 'живих не повернуто' : 'no one returned alive';
  if (r.remains > 0)
    s += uk ? `; повернуто ${countWord(locale, r.remains, 'body')} загиблих` : `; ${countWord(locale, r.remains, 'body')} of the fallen repatriated`;
  if (given > 0) s += uk ? `; передано ${countWord(locale, given, 'person')}` : `; ${countWord(locale, given, 'person')} transferred`;
  return s;
}
