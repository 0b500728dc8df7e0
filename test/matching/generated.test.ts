import { describe, it, expect } from 'vitest';
import { MatchIndex, parseListEntry } from '../../shared/matching';
import { evaluate, GENERATED_HARD_COVERAGE_FLOOR, GOALS } from './evaluate';
import { generateSet } from './generate';

describe('matcher on generated data (other names, same kinds of variation)', () => {
  for (const seed of [7, 11]) {
    it(`meets the five quality goals (seed ${seed})`, () => {
      const g = generateSet(seed, 8000, 1500);
      const { figures } = evaluate(
        new MatchIndex(g.persons),
        g.rows.map((r) => parseListEntry(r)),
        g.expected,
      );
      console.info(`generated set (seed ${seed}) figures`, figures);
      expect(figures.top1Consistent).toBeGreaterThanOrEqual(GOALS.top1Consistent);
      expect(figures.top5Registered).toBeGreaterThanOrEqual(GOALS.top5Registered);
      expect(figures.linkPrecision).toBeGreaterThanOrEqual(GOALS.linkPrecision);
      expect(figures.absentLinked).toBeLessThanOrEqual(GOALS.absentLinked);
      expect(figures.consistentLinked).toBeGreaterThanOrEqual(GOALS.consistentLinked);
    });
  }

  for (const seed of [7, 11]) {
    it(`keeps the goals on lists as they really arrive, names the dev sets do not use (seed ${seed})`, () => {
      const g = generateSet(seed, 8000, 1500, undefined, { hard: true });
      const { figures } = evaluate(
        new MatchIndex(g.persons),
        g.rows.map((r) => parseListEntry(r)),
        g.expected,
      );
      console.info(`generated hard set (seed ${seed}) figures`, figures);
      expect(figures.top1Consistent).toBeGreaterThanOrEqual(GOALS.top1Consistent);
      expect(figures.top5Registered).toBeGreaterThanOrEqual(GOALS.top5Registered);
      expect(figures.linkPrecision).toBeGreaterThanOrEqual(GOALS.linkPrecision);
      expect(figures.absentLinked).toBeLessThanOrEqual(GOALS.absentLinked);
      // Below the 0.80 goal: a third of these entries carry no date, unit or patronymic (name alone never links).
      expect(figures.consistentLinked).toBeGreaterThanOrEqual(GENERATED_HARD_COVERAGE_FLOOR);
    });
  }

  it('draws the hard kinds from their own generator: the ordinary list of a seed stays the same', () => {
    const plain = generateSet(5, 500, 200);
    const hard = generateSet(5, 500, 200, undefined, { hard: true });
    expect(hard.persons).toEqual(plain.persons);
    expect(hard.rows).not.toEqual(plain.rows);
    expect(hard.rows.some((r) => /^(солдат|ст\. сержант|капітан|рядовой|лейтенант|мол\. сержант|сержант)/.test(r.name))).toBe(true);
  });

  it('generates the same data from the same seed', () => {
    expect(generateSet(3, 200, 50)).toEqual(generateSet(3, 200, 50));
  });
});
