import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { foldHomoglyphs, skeleton, transliterateUk } from '../../shared/names';

describe('transliterateUk (2010 national rules)', () => {
  it.each([
    ['Згорани', 'Zghorany'],
    ['Розгон', 'Rozghon'],
    ['Їжакевич', 'Yizhakevych'],
    ['Юрій', 'Yurii'],
    ['Олексій', 'Oleksii'],
    ['Григорій', 'Hryhorii'],
    ['Ковальов', 'Kovalov'],
    ['Євген', 'Yevhen'],
    ['Яготин', 'Yahotyn'],
    ['Знам’янка', 'Znamianka'],
    ['Щербухи', 'Shcherbukhy'],
    ['Ґалаґан', 'Galagan'],
    ['Гаївка', 'Haivka'],
    ['Короп’є', 'Koropie'],
    ['Йосипівка', 'Yosypivka'],
    ['Стрий', 'Stryi'],
    ['ЗГУРСЬКИЙ', 'ZGHURSKYI'],
  ])('%s → %s', (uk, lat) => {
    expect(transliterateUk(uk)).toBe(lat);
  });

  it('keeps spaces and hyphens and translates each word', () => {
    expect(transliterateUk('Коваленко-Юрченко Ярослав')).toBe('Kovalenko-Yurchenko Yaroslav');
  });
});

describe('skeleton', () => {
  it('folds Ukrainian, Russian and Latin spellings of one name together', () => {
    const groups = [
      ['Григорій', 'Григорий', 'Hryhorii', 'Grigoriy', 'Grigorij'],
      ['Ковальов', 'Ковалёв', 'Ковалев', 'Kovalov', 'Kovalev', 'Kovalyov', 'KOVALIOV'],
      ['Цимбалюк', 'Цымбалюк', 'Tsymbaliuk', 'Tsymbalyuk', 'Cymbaljuk'],
      ['Тищенко', 'Tyshchenko', 'Tishchenko', 'Tischenko', 'ТИЩЕНКО'],
      ['Дячук', 'Дьячук', 'Diachuk', 'Dyachuk'],
      ['Соловйов', 'Соловьёв', 'Soloviov', 'Solovyov', 'Solovyev'],
      ['Кобзар', 'Кобзарь', 'Kobzar'],
    ];
    for (const g of groups) expect(new Set(g.map(skeleton)).size, g.join(',')).toBe(1);
  });

  it('ignores Latin look-alike letters inside a Cyrillic word', () => {
    expect(skeleton('Кoваленко')).toBe(skeleton('Коваленко'));
    expect(foldHomoglyphs('Кoваленко')).toBe('Коваленко');
    expect(foldHomoglyphs('Kоvalenko')).toBe('Kovalenko');
  });

  it('drops apostrophes, soft signs and punctuation', () => {
    expect(skeleton("Лук'янчук")).toBe(skeleton('Лукьянчук'));
    expect(skeleton('Lukianchuk,')).toBe(skeleton('Лук’янчук'));
  });

  it('is idempotent on its own output and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const k = skeleton(s);
        expect(/^[a-z]*$/.test(k)).toBe(true);
      }),
    );
  });
});
