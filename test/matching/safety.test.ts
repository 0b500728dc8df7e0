import { describe, it, expect } from 'vitest';
import { MatchIndex, parseListEntry, type RegisteredPerson } from '../../shared/matching';

// Safety first: a nickname, a foreign spelling or a corrected slip never links on its own.
const people: RegisteredPerson[] = [
  { id: '1', ref: 'R1', surname: 'Вигаданенко', givenName: 'Євген', patronymic: 'Русланович', dateOfBirth: '1990-09-05', unit: 'А3711' },
  { id: '2', ref: 'R2', surname: 'Вигаданенко', givenName: 'Ярослав', patronymic: 'Іванович', dateOfBirth: '1985-01-02', unit: null },
  { id: '3', ref: 'R3', surname: 'Тищенчук', givenName: 'Ганна', patronymic: 'Василівна', dateOfBirth: '2004-11-21', unit: 'А7491' },
  { id: '4', ref: 'R4', surname: 'Близнючак', givenName: 'Євген', patronymic: 'Петрович', dateOfBirth: '1979-03-03', unit: null },
  { id: '5', ref: 'R5', surname: 'Близнючак', givenName: 'Євген', patronymic: 'Іванович', dateOfBirth: '1979-07-07', unit: null },
];
const index = new MatchIndex(people);
const match = (name: string, dateOfBirth = '', unit = ''): { suggestion: string; top: string | null } => {
  const m = index.match(parseListEntry({ name, dateOfBirth, unit }));
  return { suggestion: m.suggestion, top: m.candidates[0]?.ref ?? null };
};

describe('safety of the new kinds of evidence', () => {
  it('a diminutive with the surname alone is a review; with a date or unit it links', () => {
    expect(match('Вигаданенко Женя')).toEqual({ suggestion: 'review', top: 'R1' });
    expect(match('Вигаданенко Женя', '05.09.1990')).toEqual({ suggestion: 'link', top: 'R1' });
    expect(match('Женя Вигаданенко, в/ч А3711')).toEqual({ suggestion: 'link', top: 'R1' });
  });

  it('a handwriting slip in the surname needs a date or unit, the name and patronymic are not enough', () => {
    expect(match('Тищеичук Ганна Василівна')).toEqual({ suggestion: 'review', top: 'R3' });
    expect(match('Тищеичук Ганна Василівна', '', 'А7491')).toEqual({ suggestion: 'link', top: 'R3' });
  });

  it('two people who fit a diminutive equally are a review', () => {
    expect(match('Близнючак Женя', '1979').suggestion).toBe('review');
  });

  it('a rank in the cell is never read as a name', () => {
    expect(match('ст. сержант Вигаданенко Євген Русланович, 05.09.1990 р.н.')).toEqual({ suggestion: 'link', top: 'R1' });
    expect(parseListEntry({ name: 'капітан Вигаданенко Ярослав' })).toMatchObject({ rank: 'капітан', surname: 'Вигаданенко', givenName: 'Ярослав' });
  });

  it('a foreign spelling links only with the same evidence as a Ukrainian one', () => {
    expect(match('Jewhen Wyhadanenko')).toMatchObject({ suggestion: 'review' });
    expect(match('Jewhen Wyhadanenko', '1990')).toEqual({ suggestion: 'link', top: 'R1' });
  });
});
