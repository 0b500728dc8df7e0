import { describe, it, expect } from 'vitest';
import { confusableBase, detectConvention, lookupGivenName, otherLatinReading, personNameKeys, queryNameKeys, respell, skeleton } from '../../shared/names';
import { parseListEntry, scoreCandidate } from '../../shared/matching';

describe('diminutives and colloquial given names', () => {
  it.each([
    ['Женя', ['Євген', 'Євгенія']],
    ['Юра', ['Юрій']],
    ['Гриша', ['Григорій']],
    ['Бодя', ['Богдан', 'Богдана']],
    ['Ваня', ['Іван']],
    ['Сашко', ['Олександр', 'Олександра']],
    ['Саша', ['Олександр', 'Олександра']],
    ['Тьома', ['Артем']],
    ['Костя', ['Костянтин']],
    ['Вітя', ['Віктор', 'Вікторія']],
    ['Zhenya', ['Євген', 'Євгенія']],
  ])('%s stands for %j', (form, ids) => {
    const hit = lookupGivenName(form);
    expect(hit?.exact).toBe(false);
    expect(hit?.diminutiveOf).toEqual(ids);
  });

  it('keeps a full name that is also a diminutive as the full name', () => {
    expect(lookupGivenName('Леся')).toEqual({ id: 'Леся', exact: true });
    expect(lookupGivenName('Олесь')).toEqual({ id: 'Олесь', exact: true });
  });

  it('scores a diminutive a little below the full name, with a reason naming the form', () => {
    const person = { id: 'p', surname: 'Зайченко', givenName: 'Євген', patronymic: 'Русланович', dateOfBirth: '1990-09-05' };
    const full = scoreCandidate(parseListEntry({ name: 'Зайченко Євген', dateOfBirth: '05.09.1990' }), person);
    const dim = scoreCandidate(parseListEntry({ name: 'Зайченко Женя', dateOfBirth: '05.09.1990' }), person);
    expect(dim.score).toBeLessThan(full.score);
    expect(dim.score).toBeGreaterThan(0.9);
    expect(dim.reasons).toContainEqual({ field: 'givenName', kind: 'diminutive', weight: 2.7, form: 'Женя' });
  });

  it('finds a mistyped surname through the diminutive’s full names and the date', () => {
    const keys = new Set(personNameKeys({ surname: 'Зайченко', givenName: 'Євгенія', dateOfBirth: '1990-09-05' }).map((k) => k.key));
    expect(queryNameKeys(parseListEntry({ name: 'Зачйеноко Женя', dateOfBirth: '05.09.1990' })).some((k) => keys.has(k))).toBe(true);
  });
});

describe('German, French and Polish spellings', () => {
  it.each([
    ['Schewtschenko Taras', 'de'],
    ['Hennadij Chartschenko', 'de'],
    ['Szewczenko Wiktor', 'pl'],
    ['Myrosznyczenko Wiktor', 'pl'],
    ['Iachtchouk Vitaliï', 'fr'],
    ['Chevtchenko Andreï', 'fr'],
    ['Kovalenko Oleh', null],
    ['Zaichenko Vasyl', null],
    ['Wasyl Kobzar', null],
    ['Prykhodko Nazar Yevhenovych', null],
  ])('%s reads as %s', (text, conv) => {
    expect(detectConvention(text)).toBe(conv);
  });

  it.each([
    ['Schewtschenko', 'de', 'Шевченко'],
    ['Chevtchenko', 'fr', 'Шевченко'],
    ['Szewczenko', 'pl', 'Шевченко'],
    ['Iachtchouk', 'fr', 'Ящук'],
    ['Chartschenko', 'de', 'Харченко'],
    ['Polichtchouk', 'fr', 'Поліщук'],
    ['Jovnir', 'fr', 'Жовнір'],
    ['Cymbaluk', 'pl', 'Цимбалюк'],
    ['Rzepecki', 'pl', 'Жепецький'],
  ])('%s (%s) has the skeleton of %s', (latin, conv, cyr) => {
    expect(skeleton(respell(latin, conv as 'de' | 'fr' | 'pl')).replace(/i$/, '')).toBe(skeleton(cyr).replace(/i$/, ''));
  });

  it('reads undecided letters the other way as an alternative (ou, ch, sch-, z-)', () => {
    expect(otherLatinReading('Rousnak Igor')).toBe('Rusnak Igor');
    expect(otherLatinReading('Prichodko Nasar')).toBe('Prikhodko Nazar');
    expect(otherLatinReading('Schuk Jaroslaw')).toBe('Zhuk Jaroslaw');
    expect(otherLatinReading('Prykhodko Nazar')).toBeNull();
    const e = parseListEntry({ name: 'Rousnak Igor', dateOfBirth: '1999' });
    expect(e.alternatives?.some((a) => a.surname === 'Rusnak')).toBe(true);
  });
});

describe('handwriting and recognition slips', () => {
  it.each([
    ['Тищеико', 'Тищенко'],
    ['Осадчнй', 'Осадчий'],
    ['Кравченхо', 'Кравченко'],
    ['Бабеико', 'Бабенко'],
    ['Тишенко', 'Тищенко'],
  ])('%s folds with %s', (a, b) => {
    expect(confusableBase(a)).toBe(confusableBase(b));
  });

  it('does not fold different surnames', () => {
    expect(confusableBase('Коваль')).not.toBe(confusableBase('Ковач'));
    expect(confusableBase('Мельник')).not.toBe(confusableBase('Мельничук'));
  });
});
