import { describe, expect, it } from 'vitest';
import { dateWarnings, normaliseDateInput } from '../../shared/register';

describe('dates as operators type them', () => {
  it('reads ДД.ММ.РРРР and its partial forms into ISO, as the Lists area does', () => {
    expect(normaliseDateInput('17.03.1973')).toBe('1973-03-17');
    expect(normaliseDateInput(' 7.3.1973 ')).toBe('1973-03-07');
    expect(normaliseDateInput('03.1973')).toBe('1973-03');
    expect(normaliseDateInput('1973')).toBe('1973');
    expect(normaliseDateInput('1973-03-17')).toBe('1973-03-17');
  });
  it('leaves what it cannot read for the schema to refuse, never guessing a swap', () => {
    expect(normaliseDateInput('1990-13-01')).toBe('1990-13-01');
    expect(normaliseDateInput('31.02.1990')).toBe('31.02.1990');
    expect(normaliseDateInput('03/04/1990')).toBe('03/04/1990');
    expect(normaliseDateInput('вчора')).toBe('вчора');
  });
  it('warns only about what is certainly wrong', () => {
    const today = '2026-11-26';
    expect(dateWarnings({ dateOfBirth: '2027-01-01' }, today)).toEqual([{ field: 'dateOfBirth', code: 'birthInFuture' }]);
    expect(dateWarnings({ dateOfBirth: '1990-05-12', captureDate: '1989' }, today)).toEqual([{ field: 'captureDate', code: 'captureBeforeBirth' }]);
    // 1990 may be after 12 May 1990: a partial date is not certainly wrong.
    expect(dateWarnings({ dateOfBirth: '1990-05-12', captureDate: '1990' }, today)).toEqual([]);
    expect(dateWarnings({ captureDate: '2023-05-01', releaseDate: '2023-04-30T10:00:00Z' }, today)).toEqual([
      { field: 'releaseDate', code: 'releaseBeforeCapture' },
    ]);
    expect(dateWarnings({ dateOfBirth: '1990', captureDate: '2023-05-01', releaseDate: '2024-01-01' }, today)).toEqual([]);
  });
});
