// Turning list entries and pasted lines into name parts, a partial date and a unit.
import { foldHomoglyphs, lookupGivenName, lookupPatronymic, looksLikePatronymic, normaliseApostrophes, skeleton } from '../names';
import type { NameParts } from '../names';
import { parseDate } from './dates';
import { extractParts, extractRank, normaliseUnit } from './extract';
import { detectConvention, otherLatinReading, respell, toCommonLatin } from '../names';
import type { ParsedEntry } from './types';

export { normaliseUnit };

interface Token {
  text: string;
  initial: boolean;
}

function tokenise(name: string): Token[] {
  const s = normaliseApostrophes(foldHomoglyphs(name.normalize('NFC')))
    .replace(/[,;:()[\]{}"«»|/\\_\t]+/g, ' ')
    .replace(/\./g, '. ');
  const out: Token[] = [];
  for (const raw of s.split(/\s+/)) {
    const word = raw.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}.]+$/u, '');
    const letters = word.replace(/[^\p{L}'-]/gu, '').replace(/^['-]+|['-]+$/g, '');
    if (!letters) continue;
    const initial = [...letters].length === 1 || (word.endsWith('.') && [...letters].length <= 2);
    out.push({ text: letters, initial });
  }
  return out;
}

function givenLikeness(t: string): number {
  const hit = lookupGivenName(t);
  let g = hit ? (hit.exact ? 3 : hit.diminutiveOf ? 2.5 : 1.5) : 0;
  // Surname endings break ties between two words neither (or both) of which is a known given name.
  if (/(enko|uk|ski|ska|ov|ova|ko|ak|ec|qi|iq|ar|an)$/.test(skeleton(t))) g -= 0.5;
  return g;
}

function patronymicLikeness(t: string): number {
  const hit = lookupPatronymic(t);
  if (hit) return hit.exact ? 3 : 2;
  return looksLikePatronymic(t) ? 2 : 0;
}

interface NameParse {
  parts: NameParts;
  alternatives: NameParts[];
  problems: string[];
}

/** Splits a written name into surname, given name and patronymic in any order and script. */
export function parseName(name: string): NameParse {
  const tokens = tokenise(name);
  const problems: string[] = [];
  const parts: NameParts = { surname: null, givenName: null, givenInitial: null, patronymic: null, patronymicInitial: null };
  const alternatives: NameParts[] = [];
  if (tokens.length === 0) return { parts, alternatives, problems: ['lists.problem.empty'] };
  const full = tokens.filter((t) => !t.initial).map((t) => t.text);
  const inits = tokens.filter((t) => t.initial).map((t) => t.text);
  let rest = [...full];
  let patIdx = -1;
  if (full.length >= 3) {
    let best = 0;
    full.forEach((t, i) => {
      const p = patronymicLikeness(t);
      if (p > 0 && p >= best) {
        best = p;
        patIdx = i;
      }
    });
    if (patIdx >= 0) {
      parts.patronymic = full[patIdx] as string;
      rest = full.filter((_, i) => i !== patIdx);
    }
  }
  if (rest.length === 0) {
    problems.push('lists.problem.noSurname');
  } else if (rest.length === 1) {
    parts.surname = rest[0] as string;
  } else {
    const scores = rest.map(givenLikeness);
    let gi = 0;
    for (let i = 1; i < rest.length; i++) if ((scores[i] as number) > (scores[gi] as number)) gi = i;
    const top = scores[gi] as number;
    const tied = scores.filter((s) => s === top).length > 1;
    if (tied) {
      // Word order decides a tie: "Given Patronymic Surname" when the patronymic is in the middle, else surname first.
      const givenFirst = patIdx === 1;
      gi = givenFirst ? 0 : rest.length > 1 ? 1 : 0;
    }
    parts.givenName = rest[gi] as string;
    const others = rest.filter((_, i) => i !== gi);
    parts.surname = others[0] as string;
    if (others.length > 1) problems.push('lists.problem.extraWords');
    const sScore = givenLikeness(parts.surname);
    if (tied || (scores[gi] as number) - sScore < 2) {
      alternatives.push({ ...parts, surname: parts.givenName, givenName: parts.surname });
      if (tied) problems.push('lists.problem.orderUncertain');
    }
  }
  if (!parts.givenName) {
    parts.givenInitial = inits[0] ?? null;
    parts.patronymicInitial = inits[1] ?? null;
  } else if (!parts.patronymic) {
    parts.patronymicInitial = inits[0] ?? null;
  }
  for (const alt of alternatives) {
    alt.givenInitial = parts.givenInitial;
    alt.patronymicInitial = parts.patronymicInitial;
  }
  if (full.length === 1 && inits.length === 0) problems.push('lists.problem.oneWord');
  return { parts, alternatives, problems };
}

function splitInitial(v: string | undefined): { full: string | null; initial: string | null } {
  const t = (v ?? '').trim();
  if (!t) return { full: null, initial: null };
  const letters = t.replace(/[^\p{L}]/gu, '');
  if ([...letters].length <= 1 || (t.endsWith('.') && [...letters].length <= 2)) return { full: null, initial: letters || null };
  return { full: foldHomoglyphs(t), initial: null };
}

/** One list entry, from separate columns or a single name column; any cell may hold the whole entry. */
export function parseListEntry(input: {
  name?: string;
  surname?: string;
  givenName?: string;
  patronymic?: string;
  dateOfBirth?: string;
  unit?: string;
}): ParsedEntry {
  let parts: NameParts;
  let alternatives: NameParts[] = [];
  const problems: string[] = [];
  let rank: string | null;
  let document: string | null = null;
  let inlineDate = '';
  let inlineUnit: string | null = null;
  const surnameCell = input.surname?.trim() ?? '';
  // A surname cell holding several words while the other name cells are empty is a whole entry, read as a name.
  const wholeInSurname = Boolean(surnameCell) && !input.givenName?.trim() && !input.patronymic?.trim() && /\S\s+\S/.test(surnameCell);
  const structured = Boolean(surnameCell) && !wholeInSurname;
  if (structured) {
    const conv = detectConvention([input.surname, input.givenName, input.patronymic].filter(Boolean).join(' '));
    const fix = (t: string): string => (conv ? respell(t, conv) : t);
    const g = splitInitial(input.givenName);
    const p = splitInitial(input.patronymic);
    const sur = extractRank(foldHomoglyphs(surnameCell));
    rank = sur.rank;
    parts = {
      surname: fix(sur.rest),
      givenName: g.full && fix(g.full),
      givenInitial: g.initial,
      patronymic: p.full && fix(p.full),
      patronymicInitial: p.initial,
    };
  } else {
    const x = extractParts([input.name, wholeInSurname ? surnameCell : '', input.givenName, input.patronymic].filter(Boolean).join(' '));
    rank = x.rank;
    document = x.document;
    inlineDate = x.dateText;
    inlineUnit = x.unit;
    const parsed = parseName(toCommonLatin(x.name));
    parts = parsed.parts;
    alternatives = parsed.alternatives;
    problems.push(...parsed.problems);
    // Latin letters whose sound depends on an undetected convention: the other reading is scored too.
    const other = otherLatinReading(x.name);
    if (other) {
      const o = parseName(other);
      alternatives = [...alternatives, { ...o.parts, respelled: true }, ...o.alternatives];
    }
  }
  const dateColumn = input.dateOfBirth?.trim() ?? '';
  const dateText = dateColumn || inlineDate;
  const dateOfBirth = parseDate(dateText);
  if (dateText && !dateOfBirth) problems.push('lists.problem.dateUnreadable');
  if (dateOfBirth?.ambiguousDayMonth) problems.push('lists.problem.dateAmbiguous');
  const raw = [input.name ?? [input.surname, input.givenName, input.patronymic].filter(Boolean).join(' '), dateColumn, input.unit ?? '']
    .filter(Boolean)
    .join(', ');
  return { ...parts, alternatives, dateOfBirth, unit: normaliseUnit(input.unit) ?? inlineUnit, rank, document, problems, raw };
}

/** One pasted line: the same reading as a list's name cell (name in any order, date, unit, rank anywhere). */
export function parseFreeTextLine(line: string): ParsedEntry {
  return { ...parseListEntry({ name: line }), raw: line.trim() };
}
