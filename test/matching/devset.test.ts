import { describe, it, expect } from 'vitest';
import { MatchIndex } from '../../shared/matching';
import { loadDevSet, devSetDir, devSetPresent } from './devset';
import { evaluate, GOALS } from './evaluate';

const dir = devSetDir(__dirname);
const data = loadDevSet(dir);
if (!devSetPresent(data !== null, dir)) console.warn(`matching dev set not found at ${dir}: skipping`);

describe.skipIf(!data)('matcher on the development set', () => {
  it('meets the five quality goals', () => {
    if (!data) return;
    const { figures } = evaluate(new MatchIndex(data.persons), data.entries, data.expected);
    console.info('dev set figures', figures);
    expect(figures.top1Consistent).toBeGreaterThanOrEqual(GOALS.top1Consistent);
    expect(figures.top5Registered).toBeGreaterThanOrEqual(GOALS.top5Registered);
    expect(figures.linkPrecision).toBeGreaterThanOrEqual(GOALS.linkPrecision);
    expect(figures.absentLinked).toBeLessThanOrEqual(GOALS.absentLinked);
    expect(figures.consistentLinked).toBeGreaterThanOrEqual(GOALS.consistentLinked);
  });
});
