import { describe, it, expect } from 'vitest';
import { DEFAULT_THRESHOLDS, MatchIndex, decide, parseListEntry, scoreCandidate } from '../../shared/matching';
import type { RegisteredPerson } from '../../shared/matching';

const kovalov: RegisteredPerson = {
  id: 'p1',
  ref: 'R1',
  surname: 'Ковальов',
  givenName: 'Григорій',
  patronymic: 'Олексійович',
  dateOfBirth: '1973-03-17',
  unit: 'А5279',
};
const namesake: RegisteredPerson = { ...kovalov, id: 'p2', ref: 'R2', patronymic: 'Іванович', dateOfBirth: '1980-01-02', unit: null };

const reason = (name: string, field: string, dob = '', unit = ''): string | undefined =>
  scoreCandidate(parseListEntry({ name, dateOfBirth: dob, unit }), kovalov).reasons.find((r) => r.field === field)?.kind;

describe('scoreCandidate reasons', () => {
  it('names the kind of variation per field', () => {
    expect(reason('Ковалёв Григорий Алексеевич', 'surname')).toBe('russianForm');
    expect(reason('Kovalov Hryhorii', 'surname')).toBe('transliteration');
    expect(reason('Kovalev Grigoriy', 'givenName')).toBe('transliteration');
    expect(reason('Ковальов Г. О.', 'givenName')).toBe('initial');
    expect(reason('Ковальов Григорій', 'patronymic')).toBe('missing');
    expect(reason('Ковальов Григорій Алексеевич', 'patronymic')).toBe('russianForm');
    expect(reason('Ковальов Григорій', 'dateOfBirth', '03/17/1973')).toBe('exact');
    expect(reason('Ковальов Григорій', 'dateOfBirth', '1973')).toBe('yearOnly');
    expect(reason('Ковальов Григорій', 'dateOfBirth', '03.17.1973')).toBe('exact');
    expect(reason('Ковальов Григорій', 'dateOfBirth', '1973-17-03')).toBe('exact');
    expect(reason('Ковалвов Григорій', 'surname')).toBe('typo');
    expect(reason('Ковальов Григорій', 'unit', '', 'в/ч A5279')).toBe('exact');
    expect(reason('Ковальов Петро', 'givenName')).toBe('mismatch');
  });

  it('scores a full match near 1 and a contradiction low', () => {
    const full = scoreCandidate(parseListEntry({ name: 'Григорий Алексеевич Ковалёв', dateOfBirth: '17.03.1973' }), kovalov);
    const wrongDate = scoreCandidate(parseListEntry({ name: 'Григорий Алексеевич Ковалёв', dateOfBirth: '17.03.1985' }), kovalov);
    expect(full.score).toBeGreaterThan(0.95);
    expect(wrongDate.score).toBeLessThan(DEFAULT_THRESHOLDS.link);
  });
});

describe('decide', () => {
  it('links only a clear best above the threshold', () => {
    expect(
      decide([
        { personId: 'a', score: 0.97 },
        { personId: 'b', score: 0.2 },
      ]),
    ).toBe('link');
    expect(
      decide([
        { personId: 'a', score: 0.97 },
        { personId: 'b', score: 0.97 },
      ]),
    ).toBe('review');
    expect(decide([{ personId: 'a', score: 0.5 }])).toBe('review');
    expect(decide([{ personId: 'a', score: 0.01 }])).toBe('new');
    expect(decide([])).toBe('new');
  });
});

describe('MatchIndex', () => {
  const index = new MatchIndex([kovalov, namesake]);

  it('links across script, transliteration and date format', () => {
    const r = index.match(parseListEntry({ name: 'KOVALEV GRIGORIY ALEKSEEVICH', dateOfBirth: '03/17/1973' }));
    expect(r.suggestion).toBe('link');
    expect(r.candidates[0]?.ref).toBe('R1');
  });

  it('asks a human when two people fit equally well', () => {
    const r = index.match(parseListEntry({ name: 'Ковальов Григорій' }));
    expect(r.suggestion).toBe('review');
    expect(r.candidates).toHaveLength(2);
  });

  it('suggests a new person when nobody plausible is found', () => {
    expect(index.match(parseListEntry({ name: 'Шевчук Тарас', dateOfBirth: '1990' })).suggestion).toBe('new');
  });
});
