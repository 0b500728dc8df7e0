import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { matchEntries } from '../../electron/core/lists';
import { MatchIndex, scoreCandidate, type Candidate, type ParsedEntry, type Suggestion } from '../../shared/matching';
import { loadDevSet } from '../matching/devset';
import { evaluate, GOALS } from '../matching/evaluate';
import { coreWithPersons, DEV_DIR, HAS_DEV, registerState } from './helpers';

describe.skipIf(!HAS_DEV)('matching against the encrypted register (dev set)', () => {
  let core: Core;
  const data = loadDevSet(DEV_DIR)!;
  beforeAll(async () => {
    core = await coreWithPersons();
  });
  afterAll(() => core?.close());

  /** The DB path behind MatchIndex's interface: ids are the register's, so compare by ref. */
  function dbIndex(): { match(e: ParsedEntry): { suggestion: Suggestion; candidates: Candidate[] } } {
    const results = new Map<ParsedEntry, { suggestion: Suggestion; candidates: Candidate[] }>();
    const all = matchEntries(core.require().db, data.entries);
    data.entries.forEach((e, i) => results.set(e, all[i]!));
    return { match: (e) => results.get(e)! };
  }

  it('reaches the in-memory matcher’s five figures (retrieval loses no recall)', () => {
    const memory = evaluate(new MatchIndex(data.persons), data.entries, data.expected).figures;
    const before = registerState(core);
    const db = evaluate(dbIndex(), data.entries, data.expected).figures;
    console.info('dev set figures, DB retrieval', db, 'in memory', memory);
    expect(db.top1Consistent).toBeGreaterThanOrEqual(memory.top1Consistent);
    expect(db.top5Registered).toBeGreaterThanOrEqual(memory.top5Registered);
    expect(db.linkPrecision).toBeGreaterThanOrEqual(memory.linkPrecision);
    expect(db.absentLinked).toBeLessThanOrEqual(memory.absentLinked);
    expect(db.consistentLinked).toBeGreaterThanOrEqual(memory.consistentLinked);
    expect(db.top1Consistent).toBeGreaterThanOrEqual(GOALS.top1Consistent);
    expect(db.top5Registered).toBeGreaterThanOrEqual(GOALS.top5Registered);
    expect(db.linkPrecision).toBeGreaterThanOrEqual(GOALS.linkPrecision);
    expect(db.absentLinked).toBeLessThanOrEqual(GOALS.absentLinked);
    expect(db.consistentLinked).toBeGreaterThanOrEqual(GOALS.consistentLinked);
    // Matching reads only.
    expect(registerState(core)).toEqual(before);
  });

  it('finds every person the in-memory index finds, row by row', () => {
    const index = new MatchIndex(data.persons);
    const db = matchEntries(core.require().db, data.entries, { limit: 1000 });
    data.entries.forEach((e, i) => {
      const memRefs = index.candidatesFor(e).map((p) => p.ref);
      const dbRefs = new Set(db[i]!.candidates.map((c) => c.ref));
      for (const ref of memRefs) expect(dbRefs.has(ref ?? null)).toBe(true);
      expect(db[i]!.suggestion).toBe(index.match(e).suggestion);
    });
  });

  it('keeps exactly what scoring every candidate and sorting gives: people, scores, reasons, order', () => {
    // Fresh objects and no shared forms: the reference is the plain scorer over MatchIndex's retrieval.
    const index = new MatchIndex(data.persons.map((p) => ({ ...p })));
    const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
    for (const limit of [1, 2, 5, 12]) {
      const db = matchEntries(core.require().db, data.entries, { limit, batch: 250 });
      data.entries.forEach((e, i) => {
        const all = index
          .candidatesFor(e)
          .map((p) => ({ ref: p.ref ?? null, ...scoreCandidate(e, p) }))
          .sort((a, b) => b.score - a.score || cmp(a.ref ?? '', b.ref ?? ''));
        expect(db[i]!.candidates.map((c) => ({ ref: c.ref, score: c.score, reasons: c.reasons }))).toEqual(all.slice(0, limit));
        expect(db[i]!.suggestion).toBe(index.match(e).suggestion);
      });
    }
  });

  it('gives at most five candidates, best first, in the same order for the same data', () => {
    const a = matchEntries(core.require().db, data.entries.slice(0, 100));
    const b = matchEntries(core.require().db, data.entries.slice(0, 100), { batch: 7 });
    expect(b).toEqual(a);
    for (const m of a) {
      expect(m.candidates.length).toBeLessThanOrEqual(5);
      for (let i = 1; i < m.candidates.length; i++) expect(m.candidates[i - 1]!.score).toBeGreaterThanOrEqual(m.candidates[i]!.score);
    }
  });
});
