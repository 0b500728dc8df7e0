import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockDriftError, ClockOverflowError, DuplicateSiteError, Hlc, MAX_DRIFT_MS, compareStamps, formatStamp, parseStamp } from '../../shared/hlc';

describe('hybrid logical clock', () => {
  it('is monotonic even when the wall clock stands still or goes back', () => {
    let now = 1_700_000_000_000;
    const c = new Hlc('site-a', null, () => now);
    const out: string[] = [];
    for (let i = 0; i < 50; i++) {
      if (i === 20) now -= 10_000;
      out.push(c.send());
    }
    expect([...out].sort()).toEqual(out);
    expect(new Set(out).size).toBe(out.length);
  });

  it('string order equals clock order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 0xffff }),
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 0, max: 0xffff }),
        (m1, c1, m2, c2) => {
          const a = { millis: m1, counter: c1, site: 'a' };
          const b = { millis: m2, counter: c2, site: 'a' };
          const [x, y] = [formatStamp(a), formatStamp(b)];
          return Math.sign(compareStamps(a, b)) === (x < y ? -1 : x > y ? 1 : 0);
        },
      ),
    );
    expect(parseStamp(formatStamp({ millis: 5, counter: 3, site: 'x-1' }))).toEqual({ millis: 5, counter: 3, site: 'x-1' });
  });

  it('receive moves past a remote stamp so later local stamps sort after it', () => {
    const now = 1_700_000_000_000;
    const a = new Hlc('site-a', null, () => now);
    const remote = formatStamp({ millis: now + 1000, counter: 7, site: 'site-b' });
    const r = a.receive(remote);
    expect(r > remote).toBe(true);
    expect(a.send() > r).toBe(true);
  });

  it('refuses a remote stamp too far in the future, its own site id, and counter overflow', () => {
    const now = 1_700_000_000_000;
    const a = new Hlc('site-a', null, () => now);
    expect(() => a.receive({ millis: now + MAX_DRIFT_MS + 1, counter: 0, site: 'site-b' })).toThrow(ClockDriftError);
    expect(() => a.receive({ millis: now, counter: 0, site: 'site-a' })).toThrow(DuplicateSiteError);
    const b = new Hlc('site-a', { millis: now, counter: 0xffff, site: 'site-a' }, () => now);
    expect(() => b.send()).toThrow(ClockOverflowError);
  });
});
