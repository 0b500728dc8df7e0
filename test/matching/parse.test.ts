import { describe, it, expect } from 'vitest';
import { normaliseUnit, parseDate, parseFreeTextLine, parseListEntry } from '../../shared/matching';

describe('parseDate', () => {
  it.each([
    ['17.03.1973', { year: 1973, month: 3, day: 17 }],
    ['1973-03-17', { year: 1973, month: 3, day: 17 }],
    ['03/17/1973', { year: 1973, month: 3, day: 17 }],
    ['17/03/1973', { year: 1973, month: 3, day: 17 }],
    ['17.03.73', { year: 1973, month: 3, day: 17 }],
    ['01.02.05', { year: 2005, month: 2, day: 1 }],
    ['1973', { year: 1973 }],
    ['1973 р.н.', { year: 1973 }],
    ['1973-03', { year: 1973, month: 3 }],
    ['03.1973', { year: 1973, month: 3 }],
    ['05/06/1998', { year: 1998, month: 6, day: 5, ambiguousDayMonth: true }],
  ])('%s', (s, d) => {
    expect(parseDate(s)).toEqual(d);
  });

  it.each(['', 'unknown', '32.13.1990', '1800'])('rejects %j', (s) => {
    expect(parseDate(s)).toBeNull();
  });
});

describe('normaliseUnit', () => {
  it.each(['А5279', 'A5279', 'в/ч А5279', 'в/ч A5279', 'В.Ч. а-5279', 'military unit A 5279'])('%s → А5279', (s) => {
    expect(normaliseUnit(s)).toBe('А5279');
  });
});

describe('parseListEntry', () => {
  it('reads surname-first with initials', () => {
    const e = parseListEntry({ name: 'Коваленко О. В.' });
    expect(e).toMatchObject({ surname: 'Коваленко', givenName: null, givenInitial: 'О', patronymicInitial: 'В' });
  });

  it('reads joined Latin initials before the surname', () => {
    expect(parseListEntry({ name: 'O.V. Kovalenko' })).toMatchObject({ surname: 'Kovalenko', givenInitial: 'O', patronymicInitial: 'V' });
  });

  it('finds the surname in any order using the given-name table and patronymic endings', () => {
    expect(parseListEntry({ name: 'Ігор Богданович Остапчук' })).toMatchObject({ surname: 'Остапчук', givenName: 'Ігор', patronymic: 'Богданович' });
    expect(parseListEntry({ name: 'ОСТАПЧУК ІГОР БОГДАНОВИЧ' })).toMatchObject({ surname: 'ОСТАПЧУК', givenName: 'ІГОР' });
    expect(parseListEntry({ name: 'Vadim Yukhimenko' })).toMatchObject({ surname: 'Yukhimenko', givenName: 'Vadim' });
    expect(parseListEntry({ name: 'Soloviov Dmytro' })).toMatchObject({ surname: 'Soloviov', givenName: 'Dmytro' });
    expect(parseListEntry({ name: 'Gennadiy Yevgenyevich Golub' })).toMatchObject({ surname: 'Golub', patronymic: 'Yevgenyevich' });
  });

  it('keeps the other reading when neither word is a known given name', () => {
    const e = parseListEntry({ name: 'Зубрицький Шолом' });
    expect(e.alternatives?.length).toBe(1);
    expect(e.problems).toContain('lists.problem.orderUncertain');
  });

  it('uses separate columns as given', () => {
    expect(parseListEntry({ surname: 'Петрович', givenName: 'Іван', patronymic: 'П.' })).toMatchObject({
      surname: 'Петрович',
      givenName: 'Іван',
      patronymicInitial: 'П',
    });
  });

  it('reports problems as i18n keys', () => {
    expect(parseListEntry({ name: '' }).problems).toContain('lists.problem.empty');
    expect(parseListEntry({ name: 'Коваленко' }).problems).toContain('lists.problem.oneWord');
    expect(parseListEntry({ name: 'Коваленко Іван', dateOfBirth: 'літо' }).problems).toContain('lists.problem.dateUnreadable');
  });

  it('folds Latin look-alikes in the name', () => {
    expect(parseListEntry({ name: 'Кoваленко Олег' }).surname).toBe('Коваленко');
  });
});

describe('parseFreeTextLine', () => {
  it('finds the date and unit anywhere in the line', () => {
    const e = parseFreeTextLine('12. Коваленко Олег Петрович, 17.03.1973 р.н., в/ч A5279');
    expect(e).toMatchObject({ surname: 'Коваленко', givenName: 'Олег', patronymic: 'Петрович', unit: 'А5279' });
    expect(e.dateOfBirth).toEqual({ year: 1973, month: 3, day: 17 });
  });

  it('reads a year-only date and a bare unit', () => {
    const e = parseFreeTextLine('Oleh Kovalenko 1973 A5279');
    expect(e).toMatchObject({ surname: 'Kovalenko', givenName: 'Oleh', unit: 'А5279', dateOfBirth: { year: 1973 } });
  });
});

describe('a whole entry in one cell', () => {
  it.each([
    [
      'ст. сержант Ковальчук Татьяна Александровна, 28.02.1962 р.н., в/ч A1229',
      'ст. сержант',
      'Ковальчук',
      'Татьяна',
      'Александровна',
      { year: 1962, month: 2, day: 28 },
      'А1229',
    ],
    ['солдат Дячук Володимир Павлович, 1981', 'солдат', 'Дячук', 'Володимир', 'Павлович', { year: 1981 }, null],
    ['мол. сержант Жовнір Богдан Вадимович', 'мол. сержант', 'Жовнір', 'Богдан', 'Вадимович', null, null],
    ['капітан Іван Вікторович Гребенюк, 2005-01-08 р.н., в/ч А3508', 'капітан', 'Гребенюк', 'Іван', 'Вікторович', { year: 2005, month: 1, day: 8 }, 'А3508'],
    ['рядовой Шевчук Иван, 1990 г.р.', 'рядовой', 'Шевчук', 'Иван', null, { year: 1990 }, null],
    ['ефрейтор Мельник Олег', 'ефрейтор', 'Мельник', 'Олег', null, null, null],
    ['ст. лейтенант Поліщук Євген Назарович', 'ст. лейтенант', 'Поліщук', 'Євген', 'Назарович', null, null],
  ])('%s', (cell, rank, surname, givenName, patronymic, date, unit) => {
    const e = parseListEntry({ name: cell });
    expect(e).toMatchObject({ rank, surname, givenName, patronymic, unit });
    expect(e.dateOfBirth).toEqual(date);
    expect(parseFreeTextLine(cell)).toMatchObject({ rank, surname, givenName, patronymic, unit });
  });

  it('takes the date and unit columns over the name cell’s, and reads a document number', () => {
    const e = parseListEntry({ name: 'Бойко Тарас, 1985, паспорт АА 123456', dateOfBirth: '12.03.1985', unit: 'А1234' });
    expect(e).toMatchObject({ surname: 'Бойко', givenName: 'Тарас', unit: 'А1234', document: 'АА123456', rank: null });
    expect(e.dateOfBirth).toEqual({ year: 1985, month: 3, day: 12 });
  });

  it('reads a whole entry typed into the surname column', () => {
    const e = parseListEntry({ surname: 'сержант Бойко Тарас Іванович, 12.03.1985 р.н.' });
    expect(e).toMatchObject({ rank: 'сержант', surname: 'Бойко', givenName: 'Тарас', patronymic: 'Іванович' });
    expect(e.dateOfBirth).toEqual({ year: 1985, month: 3, day: 12 });
  });

  it('never takes a lone rank-like word away from the name', () => {
    expect(parseListEntry({ name: 'Майор' })).toMatchObject({ surname: 'Майор', rank: null });
  });
});
