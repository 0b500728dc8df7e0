import { describe, expect, it } from 'vitest';
import { createI18n, resources } from '../../renderer/src/i18n';
import { errorMessage } from '../../renderer/src/lib/errors';

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('catalogues', () => {
  it('English has exactly the Ukrainian keys (screen, register and shared)', () => {
    expect(keys(resources.en.translation).sort()).toEqual(keys(resources.uk.translation).sort());
  });

  it('no value is empty, and placeholders match between languages', () => {
    const uk = createI18n('uk');
    const en = createI18n('en');
    for (const key of keys(resources.uk.translation)) {
      const a = uk.t(key, { returnObjects: false, interpolation: { skipOnVariables: true } }) as unknown;
      const u = key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], resources.uk.translation) as string;
      const e = key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], resources.en.translation) as string;
      expect(typeof a).toBe('string');
      expect(u.trim().length, key).toBeGreaterThan(0);
      const vars = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
      expect(vars(e), key).toEqual(vars(u));
      expect(en.exists(key), key).toBe(true);
    }
  });
});

describe('plural forms', () => {
  const uk = createI18n('uk');
  const en = createI18n('en');

  it.each([
    [1, '1 особа'],
    [2, '2 особи'],
    [4, '4 особи'],
    [5, '5 осіб'],
    [11, '11 осіб'],
    [21, '21 особа'],
    [22, '22 особи'],
    [25, '25 осіб'],
    [84, '84 особи'],
    [0, '0 осіб'],
  ])('uk: %i → %s', (count, text) => {
    expect(uk.t('count.people', { count })).toBe(text);
  });

  it('uk: unsynced changes and minutes', () => {
    expect(uk.t('shell.unsynced', { count: 1 })).toBe('1 несинхронізована зміна');
    expect(uk.t('shell.unsynced', { count: 3 })).toBe('3 несинхронізовані зміни');
    expect(uk.t('shell.unsynced', { count: 12 })).toBe('12 несинхронізованих змін');
    expect(uk.t('count.minutes', { count: 1 })).toBe('1 хвилина');
    expect(uk.t('count.minutes', { count: 10 })).toBe('10 хвилин');
  });

  it('en: one and other', () => {
    expect(en.t('count.people', { count: 1 })).toBe('1 person');
    expect(en.t('count.people', { count: 5 })).toBe('5 people');
    expect(en.t('count.entries', { count: 2 })).toBe('2 entries');
  });
});

describe('errorMessage', () => {
  const uk = createI18n('uk');
  const en = createI18n('en');

  it('translates the code and the reasons inside details', () => {
    const error = { code: 'WEAK_PASSPHRASE', messageKey: 'errors.WEAK_PASSPHRASE', details: { reasons: ['passphrase.tooShort', 'passphrase.tooGuessable'] } };
    expect(errorMessage(uk, error)).toBe('Парольна фраза заслабка: щонайменше 12 символів; її легко вгадати — додайте ще кілька випадкових слів');
    expect(errorMessage(en, error)).toBe('The passphrase is too weak: at least 12 characters; it is easy to guess — add a few more random words');
  });

  it('fills in numbers (THROTTLED seconds)', () => {
    expect(errorMessage(uk, { code: 'THROTTLED', messageKey: 'errors.THROTTLED', details: { seconds: 30 } })).toBe(
      'Забагато невдалих спроб. Зачекайте 30 с і спробуйте знову.',
    );
  });

  it('falls back to the code, then to the internal error — never shows a raw key', () => {
    expect(errorMessage(en, { code: 'LOCKED', messageKey: 'errors.NO_SUCH_KEY' })).toBe('The workstation is locked. Unlock it with your passphrase.');
    expect(errorMessage(en, { code: 'WHATEVER', messageKey: 'nope.nothing' })).toBe('Internal error. Try again; if it happens again, call your administrator.');
  });

  it('leaves ordinary detail text alone', () => {
    expect(errorMessage(en, { code: 'NOT_FOUND', messageKey: 'errors.NOT_FOUND', details: { what: 'operator 7' } })).toBe('Not found: operator 7');
  });
});
