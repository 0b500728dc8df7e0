// Fictional rounds for the manifest tests: no real person's data.
import type { ManifestEntry, ManifestRound } from '../../shared/manifest';

const SURNAMES = ['Коваленко', 'Ґудзь', 'Єременко', 'Іваненко', 'Їжакевич', 'Шевчук', 'Бондар', 'Ткаченко', 'Яковенко', 'Абраменко', 'Федоренко', 'Олійник'];
const SURNAMES_LAT = [
  'Kovalenko',
  'Hudz',
  'Yeremenko',
  'Ivanenko',
  'Yizhakevych',
  'Shevchuk',
  'Bondar',
  'Tkachenko',
  'Yakovenko',
  'Abramenko',
  'Fedorenko',
  'Oliinyk',
];
const GIVEN = ['Олексій', 'Григорій', 'Марія', 'Юлія', 'Петро', 'Ярослав', 'Оксана', 'Андрій'];
const GIVEN_LAT = ['Oleksii', 'Hryhorii', 'Mariia', 'Yuliia', 'Petro', 'Yaroslav', 'Oksana', 'Andrii'];
const CATS = ['military', 'military', 'civilian', 'remains'] as const;

export function entry(i: number, over: Partial<ManifestEntry> = {}): ManifestEntry {
  const cat = CATS[i % CATS.length]!;
  return {
    personId: `p-${String(i).padStart(5, '0')}`,
    ref: `R-${String(i).padStart(5, '0')}`,
    direction: i % 3 === 2 ? 'give' : 'receive',
    state: 'agreed',
    category: cat,
    surname: SURNAMES[i % SURNAMES.length]!,
    givenName: GIVEN[i % GIVEN.length]!,
    patronymic: 'Вікторович',
    surnameLatin: SURNAMES_LAT[i % SURNAMES.length]!,
    givenNameLatin: GIVEN_LAT[i % GIVEN.length]!,
    patronymicLatin: 'Viktorovych',
    dateOfBirth: `19${70 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
    rank: cat === 'military' ? 'солдат' : null,
    unit: cat === 'military' ? `в/ч А${1000 + (i % 50)}` : null,
    serviceNumber: null,
    documentNumbers: cat === 'civilian' ? `паспорт ФК${100000 + i}` : null,
    icrcRef: i % 4 === 0 ? `ICRC-${70000 + i}` : null,
    photoSha256: null,
    ...over,
  };
}

export function round(n: number, people: number, over: Partial<ManifestRound> = {}): ManifestRound {
  return {
    number: 68,
    date: '2026-11-30',
    place: 'пункт пропуску «Північ»',
    mediators: ['uae', 'icrc'],
    status: 'agreed',
    entries: Array.from({ length: people }, (_, i) => entry(i + n)),
    packageFingerprint: null,
    ...over,
  };
}
