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

/** Simple CSV (no quoted fields): header row → records. */
export function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    if (line.includes('"')) throw new Error(`quoted CSV not supported: ${line}`);
    const cells = line.split(',');
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
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
  let c1 = 0, c1ok = 0, c1linked = 0, reg = 0, reg5 = 0, linked = 0, linkedOk = 0, absent = 0, absentLinked = 0;
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
