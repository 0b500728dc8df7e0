import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from '../../electron/core/db/migrations';
import { ukSortKey } from '../../shared/register/collation';

const byKey = (xs: string[]) => [...xs].sort((a, b) => (ukSortKey(a)! < ukSortKey(b)! ? -1 : ukSortKey(a)! > ukSortKey(b)! ? 1 : 0));

describe('Ukrainian sort key', () => {
  it('puts ґ, є, і, ї where the Ukrainian alphabet has them, not after я', () => {
    expect(byKey(['Ярош', 'Іванов', 'Ґалаґан', 'Гнатюк', 'Їжак', 'Євтушенко', 'Петренко', 'Юрченко', 'Иваненко', 'Дмитренко'])).toEqual([
      'Гнатюк',
      'Ґалаґан',
      'Дмитренко',
      'Євтушенко',
      'Иваненко',
      'Іванов',
      'Їжак',
      'Петренко',
      'Юрченко',
      'Ярош',
    ]);
  });

  it('agrees with the platform’s Ukrainian collator on ordinary surnames', () => {
    const names = [
      'Бондар',
      'бондаренко',
      'Ґудзь',
      'Гудзенко',
      'Єрмак',
      'Ерделі',
      'Їжакевич',
      'Іщенко',
      'Ільченко',
      'Щербак',
      'Шевчук',
      'Цибуля',
      'Юрків',
      'Ящук',
      'Ковальов',
      'Коваль',
      'Ковальчук',
      'Мельник',
      'Мазур',
      'Зінченко',
    ];
    const collator = new Intl.Collator('uk', { sensitivity: 'base' });
    expect(byKey(names)).toEqual([...names].sort(collator.compare));
  });

  it('ignores case and apostrophes, and keeps null', () => {
    expect(ukSortKey('Мар’янчук')).toBe(ukSortKey('марянчук'));
    expect(ukSortKey(null)).toBeNull();
  });
});

describe('migration 0005', () => {
  it('adds the Ukrainian-order name indexes to a version-4 database', () => {
    const db = new Database(':memory:');
    db.function('uk_sort', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? ukSortKey(v) : null));
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(migrate(db, MIGRATIONS.slice(0, 5))).toEqual({ from: 4, to: 5 });
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%_uk'").pluck().all();
    expect(names).toEqual(expect.arrayContaining(['persons_surname_uk', 'persons_given_uk']));
    db.close();
  });
});
