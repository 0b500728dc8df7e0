import { describe, it, expect } from 'vitest';
import { MatchIndex, parseListEntry } from '../../shared/matching';
import { evaluate, GOALS } from './evaluate';
import { generateSet } from './generate';

describe('matcher on generated data (other names, same kinds of variation)', () => {
  for (const seed of [7, 11]) {
    it(`meets the five quality goals (seed ${seed})`, () => {
      const g = generateSet(seed, 8000, 1500);
      const { figures } = evaluate(new MatchIndex(g.persons), g.rows.map((r) => parseListEntry(r)), g.expected);
      console.info(`generated set (seed ${seed}) figures`, figures);
      expect(figures.top1Consistent).toBeGreaterThanOrEqual(GOALS.top1Consistent);
      expect(figures.top5Registered).toBeGreaterThanOrEqual(GOALS.top5Registered);
      expect(figures.linkPrecision).toBeGreaterThanOrEqual(GOALS.linkPrecision);
      expect(figures.absentLinked).toBeLessThanOrEqual(GOALS.absentLinked);
      expect(figures.consistentLinked).toBeGreaterThanOrEqual(GOALS.consistentLinked);
    });
  }

  it('generates the same data from the same seed', () => {
    expect(generateSet(3, 200, 50)).toEqual(generateSet(3, 200, 50));
  });
});
