// The five quality figures of the matcher on a register + list + expected answers.
import type { MatchIndex } from '../../shared/matching';
import type { ParsedEntry, RegisteredPerson } from '../../shared/matching';
import { readFileSync } from 'node:fs';

export interface Expected {
  ref: string | null;
  consistent: number;
}

export interface Figures {
  top1Consistent: number;
  top5Registered: number;
  linkPrecision: number;
  absentLinked: number;
  consistentLinked: number;
  rows: number;
  linked: number;
}

export interface RowResult {
  row: number;
  entry: ParsedEntry;
  expected: Expected;
  suggestion: string;
  topRefs: (string | null)[];
  topScores: number[];
}

/** CSV with RFC 4180 quoting (a whole entry may sit in one quoted cell): header row → records. */
export function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((c) => c.length > 0)) rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  row.push(cell);
  if (row.some((c) => c.length > 0)) rows.push(row);
  const header = rows[0] ?? [];
  return rows.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
}

export function personsFromCsv(rows: Record<string, string>[]): RegisteredPerson[] {
  return rows.map((r) => ({
    id: r.ref as string,
    ref: r.ref ?? null,
    surname: r.surname ?? '',
    givenName: r.given_name || null,
    patronymic: r.patronymic || null,
    dateOfBirth: r.date_of_birth || null,
    unit: r.unit || null,
    sex: r.sex || null,
  }));
}

export function evaluate(index: Pick<MatchIndex, 'match'>, entries: ParsedEntry[], expected: Expected[]): { figures: Figures; results: RowResult[] } {
  let c1 = 0,
    c1ok = 0,
    c1linked = 0,
    reg = 0,
    reg5 = 0,
    linked = 0,
    linkedOk = 0,
    absent = 0,
    absentLinked = 0;
  const results: RowResult[] = [];
  entries.forEach((entry, i) => {
    const exp = expected[i] as Expected;
    const { suggestion, candidates } = index.match(entry, { limit: 5 });
    const topRefs = candidates.map((c) => c.ref);
    results.push({ row: i + 1, entry, expected: exp, suggestion, topRefs, topScores: candidates.map((c) => c.score) });
    const top1 = topRefs[0] ?? null;
    if (exp.ref && exp.consistent === 1) {
      c1++;
      if (top1 === exp.ref) c1ok++;
      if (suggestion === 'link') c1linked++;
    }
    if (exp.ref) {
      reg++;
      if (topRefs.includes(exp.ref)) reg5++;
    }
    if (suggestion === 'link') {
      linked++;
      if (exp.ref && top1 === exp.ref) linkedOk++;
    }
    if (!exp.ref && exp.consistent === 0) {
      absent++;
      if (suggestion === 'link') absentLinked++;
    }
  });
  const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);
  return {
    figures: {
      top1Consistent: ratio(c1ok, c1),
      top5Registered: ratio(reg5, reg),
      linkPrecision: ratio(linkedOk, linked),
      absentLinked: absent === 0 ? 0 : absentLinked / absent,
      consistentLinked: ratio(c1linked, c1),
      rows: entries.length,
      linked,
    },
    results,
  };
}

/** The goals from the brief. */
export const GOALS = { top1Consistent: 0.97, top5Registered: 0.97, linkPrecision: 0.995, absentLinked: 0.01, consistentLinked: 0.8 };

/** What the matcher reaches on the hard dev set (matching-hard-dev) today: a regression below these fails. */
export const HARD_FLOORS = { top1Consistent: 0.98, top5Registered: 0.98, consistentLinked: 0.9 };
/** Auto-link coverage the generated hard set keeps (seeds 7 and 11 reach 0.77 and 0.76 — below the 0.80 goal). */
export const GENERATED_HARD_COVERAGE_FLOOR = 0.75;
