import { describe, it, expect } from 'vitest';
import { lookupGivenName, lookupPatronymic, MAX_PERSON_KEYS, personNameKeys, queryNameKeys, allGivenNames } from '../../shared/names';
import { parseListEntry } from '../../shared/matching';

const shares = (person: Parameters<typeof personNameKeys>[0], query: string, dob = ''): boolean => {
  const keys = new Set(personNameKeys(person).map((k) => k.key));
  return queryNameKeys(parseListEntry({ name: query, dateOfBirth: dob })).some((k) => keys.has(k));
};

describe('given-name equivalents', () => {
  it('has a good table of UA/RU pairs', () => {
    expect(allGivenNames().length).toBeGreaterThanOrEqual(150);
  });

  it.each([
    ['Алексей', 'Олексій'],
    ['Aleksey', 'Олексій'],
    ['Oleksii', 'Олексій'],
    ['Григорий', 'Григорій'],
    ['Евгений', 'Євген'],
    ['Yevgeny', 'Євген'],
    ['Николай', 'Микола'],
    ['Nikolay', 'Микола'],
    ['Александр', 'Олександр'],
    ['Андрей', 'Андрій'],
    ['Сергей', 'Сергій'],
    ['Юрий', 'Юрій'],
    ['Dmitriy', 'Дмитро'],
    ['Пётр', 'Петро'],
    ['Павел', 'Павло'],
    ['Михаил', 'Михайло'],
    ['Василий', 'Василь'],
    ['Иван', 'Іван'],
    ['Фёдор', 'Федір'],
    ['Илья', 'Ілля'],
    ['Татьяна', 'Тетяна'],
    ['Елена', 'Олена'],
    ['Наталья', 'Наталія'],
    ['Анна', 'Ганна'],
  ])('%s → %s', (form, id) => {
    expect(lookupGivenName(form)?.id).toBe(id);
  });

  it.each([
    ['Олексійович', 'Олексій'],
    ['Алексеевич', 'Олексій'],
    ['Alekseevich', 'Олексій'],
    ['Oleksiiovych', 'Олексій'],
    ['Григорович', 'Григорій'],
    ['Григорьевич', 'Григорій'],
    ['Миколаївна', 'Микола'],
    ['Николаевна', 'Микола'],
    ['Ильич', 'Ілля'],
    ['Дмитриевич', 'Дмитро'],
    ['Федорович', 'Федір'],
    ['Васильевна', 'Василь'],
  ])('patronymic %s → %s', (form, id) => {
    expect(lookupPatronymic(form)?.id).toBe(id);
  });
});

describe('index keys', () => {
  const kovalov = { surname: 'Ковальов', givenName: 'Григорій', patronymic: 'Іванович', dateOfBirth: '1973-03-17' };

  it('Russian forms and transliterations share a key with Григорій Ковальов', () => {
    for (const q of ['Grigoriy Kovalev', 'Григорий Ковалёв', 'Hryhorii Kovalov', 'КОВАЛЕВ Г. И.', 'G.I. Kovalyov']) {
      expect(shares(kovalov, q), q).toBe(true);
    }
  });

  it('survives one typing error, gender forms and look-alike letters', () => {
    expect(shares({ surname: 'Коваленко' }, 'Кoваленко Олег')).toBe(true);
    expect(shares({ surname: 'Коваленко' }, 'Ковалнеко Олег')).toBe(true);
    expect(shares({ surname: 'Коваленко' }, 'Коваленок Олег')).toBe(true);
    expect(shares({ surname: 'Мирошниченко' }, 'Myrshnychenko V.')).toBe(true);
    expect(shares({ surname: 'Соловйова' }, 'Соловьев Иван')).toBe(true);
    expect(shares({ surname: 'Ковальська' }, 'Kovalskyi')).toBe(true);
    expect(shares({ surname: 'Осадчий' }, 'Осадчая Анна')).toBe(true);
  });

  it('finds a mangled surname through given name + full date of birth', () => {
    expect(shares(kovalov, 'Кувалов Григорий', '17.03.1973')).toBe(true);
    expect(shares(kovalov, 'Кувалов Григорий', '03/17/1973')).toBe(true);
  });

  it('keeps person keys bounded and deduplicated', () => {
    const keys = personNameKeys({ ...kovalov, surname: 'Мирошниченко-Тимошенко', variants: ['Мирошниченко', 'Miroshnichenko'] });
    expect(keys.length).toBeLessThanOrEqual(MAX_PERSON_KEYS);
    expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
  });

  it('does not link unrelated surnames', () => {
    expect(shares({ surname: 'Коваленко' }, 'Шевчук Олег')).toBe(false);
  });
});
