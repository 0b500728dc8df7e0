// The register screen's pure parts: plural forms, catalogue parity, names, durations, form values, zod errors, grid.
import { describe, expect, it } from 'vitest';
import { PersonInput, ROW_ERROR_CODES } from '../../shared/register';
import { gridTemplate } from '../../renderer/src/areas/register/columns';
import { latinName, originalName } from '../../renderer/src/areas/register/format';
import { SECTIONS, toInput } from '../../renderer/src/areas/register/personFields';
import { fieldErrors } from '../../renderer/src/areas/register/validation';
import { createI18n } from '../../renderer/src/i18n';
import { registerEn } from '../../renderer/src/i18n/register.en';
import { registerUk } from '../../renderer/src/i18n/register.uk';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

describe('register strings', () => {
  it('say 1 особа, 2 особи, 5 осіб, 21 особа, 100 000 осіб in Ukrainian and person/people in English', () => {
    const uk = createI18n('uk');
    expect([1, 2, 5, 11, 21, 22].map((count) => uk.t('register.people', { count }))).toEqual([
      '1 особа',
      '2 особи',
      '5 осіб',
      '11 осіб',
      '21 особа',
      '22 особи',
    ]);
    expect(uk.t('register.people', { count: 100000 }).replace(/\s/g, ' ')).toBe('100 000 осіб');
    expect(uk.t('register.importer.confirmSkip', { count: 3 })).toContain('3 рядки з помилками');
    const en = createI18n('en');
    expect([1, 2].map((count) => en.t('register.people', { count }))).toEqual(['1 person', '2 people']);
  });

  it('have the same keys in both languages and a label for every status, field and reason', () => {
    expect(keys(registerEn).sort()).toEqual(keys(registerUk).sort());
    const uk = createI18n('uk');
    for (const f of SECTIONS.flatMap((s) => s.fields)) expect(uk.exists(`register.field.${f.name}`)).toBe(true);
    for (const code of ROW_ERROR_CODES) expect(uk.exists(`register.importer.reasons.${code}`)).toBe(true);
  });
});

describe('register display', () => {
  const p = { surname: 'Ковальов', givenName: 'Григорій', patronymic: 'Іванович', surnameLatin: 'Kovalov', givenNameLatin: 'Hryhorii' };
  it('shows names surname first, with the Latin form only beside a non-Latin original', () => {
    expect(originalName(p)).toBe('Ковальов Григорій Іванович');
    expect(latinName(p)).toBe('Kovalov Hryhorii');
    expect(latinName({ ...p, surname: 'Smith', surnameLatin: 'Smith' })).toBeNull();
    expect(latinName({ ...p, surnameLatin: null })).toBeNull();
  });

  it('shares the free width between the text columns and sums the rest for sideways scrolling', () => {
    const g = gridTemplate(['name', 'ref', 'status', 'facility']);
    expect(g['--reg-cols']).toMatch(/^minmax\(\d+px, 3fr\) \d+px \d+px minmax\(\d+px, 2fr\)$/);
    expect(Number.parseInt(g['--reg-w'], 10)).toBeGreaterThan(400);
  });
});

describe('register forms', () => {
  const all = SECTIONS.flatMap((s) => s.fields);
  it('turns screen strings into schema values (empty → null, lists split, numbers parsed)', () => {
    const v = toInput({ surname: ' Ковальов ', nameVariants: 'Ковалёв, Kovalev', heightCm: '180', seriouslyWounded: 'true', givenName: '' }, all);
    expect(v).toMatchObject({ surname: 'Ковальов', nameVariants: ['Ковалёв', 'Kovalev'], heightCm: 180, seriouslyWounded: true, givenName: null });
    expect(Number.isNaN(toInput({ heightCm: 'сто' }, all).heightCm)).toBe(true);
  });

  it('maps zod problems to one translated message per field', () => {
    const r = PersonInput.safeParse({ surname: '', side: 'ours', category: 'pilot', dateOfBirth: '1990-13-01', heightCm: 999 });
    expect(r.success).toBe(false);
    if (r.success) return;
    const e = fieldErrors(r.error);
    expect(e.surname?.messageKey).toBe('register.invalid.required');
    expect(e.category?.messageKey).toBe('register.invalid.choice');
    expect(e.dateOfBirth?.messageKey).toBe('register.invalid.partialDate');
    expect(e.heightCm?.messageKey).toBe('register.invalid.number');
    const uk = createI18n('uk');
    expect(uk.t(e.dateOfBirth!.messageKey)).toBe('Дата у формі ДД.ММ.РРРР, ММ.РРРР, РРРР або РРРР-ММ-ДД.');
  });
});
