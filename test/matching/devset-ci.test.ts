// The development-set suites may skip on a laptop without the set; under CI a missing set must fail them instead.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { devSetPresent } from './devset';

describe('a missing development set', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('skips locally', () => {
    vi.stubEnv('CI', '');
    expect(devSetPresent(false, '/nowhere')).toBe(false);
    expect(devSetPresent(true, '/somewhere')).toBe(true);
  });

  it('fails under CI', () => {
    vi.stubEnv('CI', 'true');
    expect(() => devSetPresent(false, '/nowhere')).toThrow(/development set missing at \/nowhere/);
    expect(devSetPresent(true, '/somewhere')).toBe(true);
  });
});
