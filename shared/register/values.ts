// The words an office spreadsheet uses for the register's closed vocabularies: the codes, the UI's own labels in both
// languages, and common variants (feminine forms, Russian). An import reads any of them; errors list the allowed ones.
import { CATEGORIES, ICRC_STATUSES, SEXES, SIDES, STATUSES } from './enums';

export const VALUE_COLUMNS = ['side', 'category', 'status', 'icrc_status', 'sex'] as const;
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

type Words = Record<string, readonly string[]>;

const SIDE: Words = {
  ours: ['наші', 'наш', 'наша', 'свої', 'свій', 'our', 'ours', 'ua', 'україна'],
  held: ['утримувані нами', 'утримувані', 'утримуваний', 'утримувана', 'held by us', 'held', 'противник', 'полонений противника'],
};
const CATEGORY: Words = {
  military: ['військовий', 'військова', 'військовослужбовець', 'військовослужбовиця', 'військові', 'военный', 'military', 'soldier'],
  civilian: ['цивільний', 'цивільна', 'цивільні', 'гражданский', 'civilian', 'civil'],
  remains: ['останки', 'тіло', 'remains', 'body'],
  other: ['інше', 'інший', 'інша', 'other'],
};
const STATUS: Words = {
  missing: ['зник безвісти', 'зникла безвісти', 'зниклий безвісти', 'безвісти', 'пропал без вести', 'missing', 'mia'],
  captivity_suspected: ['ймовірно в полоні', 'можливо в полоні', 'captivity suspected', 'suspected captivity'],
  captivity_confirmed: ['полон підтверджено', 'у полоні', 'в полоні', 'полонений', 'полонена', 'в плену', 'captivity confirmed', 'pow'],
  on_exchange_list: ['у списку на обмін', 'в списку на обмін', 'на обмін', 'on an exchange list', 'on exchange list'],
  released: ['звільнений', 'звільнена', 'звільнено', 'освобожден', 'released'],
  deceased: ['загинув', 'загинула', 'помер', 'померла', 'погиб', 'deceased', 'dead', 'kia'],
  remains_identified: ['останки ідентифіковано', 'remains identified'],
  remains_repatriated: ['останки повернуто', 'remains repatriated'],
  refused_return: ['відмовився повертатися', 'відмовилася повертатися', 'refused return'],
  held: ['утримується', 'held'],
  proposed: ['запропонований', 'запропонована', 'proposed'],
  transferred: ['переданий', 'передана', 'transferred'],
};
const ICRC: Words = {
  unknown: ['невідомо', 'unknown'],
  not_registered: ['не зареєстрований', 'не зареєстрована', 'not registered'],
  registered: ['зареєстрований', 'зареєстрована', 'registered'],
  visited: ['відвіданий', 'відвідана', 'visited'],
};
const SEX: Words = {
  M: ['m', 'male', 'ч', 'чол', 'чоловіча', 'чоловік', 'м', 'муж'],
  F: ['f', 'female', 'ж', 'жін', 'жіноча', 'жінка', 'жен'],
};

const CODES: Record<ValueColumn, readonly string[]> = { side: SIDES, category: CATEGORIES, status: STATUSES, icrc_status: ICRC_STATUSES, sex: SEXES };
const WORDS: Record<ValueColumn, Words> = { side: SIDE, category: CATEGORY, status: STATUS, icrc_status: ICRC, sex: SEX };

/** Case, spaces, apostrophes, ё and underscores do not matter: "Зник  безвісти", "зник_безвісти" are one word. */
export function foldValue(v: string): string {
  return v
    .normalize('NFC')
    .toLocaleLowerCase('uk')
    .replace(/ё/g, 'е')
    .replace(/[’ʼ`]/g, "'")
    .replace(/[\s_]+/g, ' ')
    .trim();
}

const LOOKUP = new Map<ValueColumn, Map<string, string>>(
  VALUE_COLUMNS.map((c) => {
    const m = new Map<string, string>();
    for (const code of CODES[c]) m.set(foldValue(code), code);
    for (const [code, words] of Object.entries(WORDS[c])) for (const w of words) m.set(foldValue(w), code);
    return [c, m];
  }),
);

export function isValueColumn(c: string): c is ValueColumn {
  return (VALUE_COLUMNS as readonly string[]).includes(c);
}

/** The stored code for a cell, or null when the word is not one of the column's. */
export function readValue(column: ValueColumn, raw: string): string | null {
  return LOOKUP.get(column)!.get(foldValue(raw)) ?? null;
}

/** The codes a column accepts, in the catalogue's order (the window shows their labels). */
export function allowedValues(column: ValueColumn): readonly string[] {
  return CODES[column];
}
