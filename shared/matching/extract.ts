// Pulling what is not a name out of a cell or a pasted line: rank, unit, document number, date of birth, numbering.
import { foldHomoglyphs } from '../names';
import { findDate } from './dates';
import type { PartialDate } from '../names';

export const UNIT_PREFIX = /(?:в\s*\/\s*ч|в\.\s*ч\.?|вч|військова\s+частина|воинская\s+часть|v\s*\/\s*ch|military\s+unit|unit)\s*[№#]?\s*/iu;
export const UNIT_CODE = /(?<![\p{L}\d])([AАaаBВвb])\s?-?\s?(\d{4})(?!\d)/u;

// Ranks as Ukrainian and Russian lists write them, full and abbreviated; a modifier (старший, мол., ст. …) joins the rank.
const MODIFIER = String.raw`(?:старш(?:ий|ого)|ст\.?|молодш(?:ий|ого)|мол\.?|младш(?:ий|его)|мл\.?|головн(?:ий|ого)|гол\.?|штаб-|майстер-|старш(?:ий)?\s+майстер-|головн(?:ий)?\s+майстер-)`;
const RANK_WORD = String.raw`(?:рядов(?:ий|ой|ого)|ряд\.|солдат(?:а)?|солд\.|єфрейтор|ефрейтор|єфр\.|ефр\.|матрос|сержант(?:а)?|серж\.|с-т|старшин[аи]|прапорщик|мічман|мичман|лейтенант(?:а)?|л-т|лейт\.|капітан(?:а)?|капитан(?:а)?|к-н|кап\.|майор(?:а)?|м-р|підполковник|подполковник|п\/п-к|пплк|полковник|п-к|плк|генерал(?:-(?:майор|лейтенант|полковник))?|курсант|private|pvt\.?|corporal|cpl\.?|sergeant|sgt\.?|lieutenant|lt\.?|captain|capt\.?|major|maj\.?|colonel|col\.?)`;
const RANK_RE = new RegExp(String.raw`(?<![\p{L}\d-])(?:${MODIFIER}\s*)?${RANK_WORD}(?![\p{L}\d])`, 'iu');

// Identity documents: a keyword and a number, or the passport shape (two letters, six digits) standing alone.
const DOC_RE = new RegExp(
  String.raw`(?:(?:паспорт|пасп\.|п-т|passport|посвідчення|удостоверение|посв\.|військовий\s+квиток|военный\s+билет|в\/к|документ|док\.|id|№)\s*[№#:]?\s*([\p{L}]{0,3}\s?-?\s?\d{5,10})(?!\d))|(?<![\p{L}\d])([\p{Lu}]{2}\s?\d{6})(?!\d)`,
  'iu',
);
const MARKERS = /(?<![\p{L}])(р\.?\s*н\.?|г\.?\s*р\.?|д\.?\s*н\.?|dob|born|b\.)(?![\p{L}])/giu;

export interface Extracted {
  /** the text that is left: the name */
  name: string;
  rank: string | null;
  unit: string | null;
  document: string | null;
  dateText: string;
  date: PartialDate | null;
}

/** Unit codes as the register writes them: Cyrillic capital letter + digits ("в/ч A5279" → "А5279"). */
export function normaliseUnit(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = s.trim().replace(UNIT_PREFIX, '');
  const m = UNIT_CODE.exec(t);
  if (m) {
    const letter = /[AАaа]/.test(m[1] as string) ? 'А' : 'В';
    return letter + m[2];
  }
  const plain = t.replace(/[\s-]/g, '').toUpperCase();
  return plain || null;
}

/** The rank written at the start (or anywhere) of a text, as the text writes it, and the text without it. */
export function extractRank(text: string): { rank: string | null; rest: string } {
  const m = RANK_RE.exec(text);
  if (!m) return { rank: null, rest: text };
  const rest = (text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length)).trim();
  // A rank never leaves the entry without a name to match (a lone "Майор" may be a surname).
  if (!/\p{L}{2,}/u.test(rest)) return { rank: null, rest: text };
  return { rank: m[0].replace(/\s+/g, ' ').trim(), rest };
}

/** Everything but the name from one cell or line: numbering, unit, document, date (with р.н./г.р.), rank. */
export function extractParts(text: string): Extracted {
  let rest = foldHomoglyphs(text.normalize('NFC')).replace(/^\s*\d{1,4}\s*[.)]\s+/, '');
  let unit: string | null = null;
  const unitRe = new RegExp(`(?:${UNIT_PREFIX.source})?${UNIT_CODE.source}`, 'iu');
  const um = unitRe.exec(rest);
  if (um) {
    unit = normaliseUnit(um[0]);
    rest = rest.replace(um[0], ' ');
  }
  let document: string | null = null;
  const dm = DOC_RE.exec(rest);
  if (dm) {
    document = ((dm[1] ?? dm[2]) as string).replace(/[\s-]/g, '').toUpperCase();
    rest = rest.replace(dm[0], ' ');
  }
  let dateText = '';
  let date: PartialDate | null = null;
  const found = findDate(rest);
  if (found) {
    dateText = found.text;
    date = found.date;
    rest = rest.replace(found.text, ' ');
  }
  rest = rest.replace(MARKERS, ' ');
  const { rank, rest: name } = extractRank(rest);
  return { name, rank, unit, document, dateText, date };
}
