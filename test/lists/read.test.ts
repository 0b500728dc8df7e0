import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readIntakeBytes, readText } from '../../electron/core/lists';
import { REASON_KINDS, reasonKey } from '../../shared/lists';
import { WEIGHTS } from '../../shared/matching';

const csv = (s: string) => Buffer.from(s, 'utf8');

describe('reading intake lists', () => {
  it('reads the dev list’s columns and separate name columns', async () => {
    const a = await readIntakeBytes('list.csv', csv('name,date_of_birth,unit\nМАТВИЕНКО О. И.,17.03.1973,\n\nRudenko Volodymyr Bohdanovych,,в/ч A1234\n'));
    expect(a.rows.map((r) => r.row)).toEqual([1, 2]);
    expect(a.rows[0]!.parsed).toMatchObject({
      surname: 'МАТВИЕНКО',
      givenInitial: 'О',
      patronymicInitial: 'И',
      dateOfBirth: { year: 1973, month: 3, day: 17 },
    });
    expect(a.rows[1]!.parsed.unit).toBe('А1234');
    const b = await readIntakeBytes('x.csv', csv('Прізвище;Ім’я;По батькові;Дата народження\nКоваленко;Олексій;Вікторович;1990\n'));
    expect(b.rows[0]!.parsed).toMatchObject({ surname: 'Коваленко', givenName: 'Олексій', patronymic: 'Вікторович', dateOfBirth: { year: 1990 } });
  });

  it('reads a Windows-1251 CSV', async () => {
    const r = await readIntakeBytes('cp.csv', iconv.encode('name,date_of_birth\nШевчук Іван Петрович,01.02.1980\n', 'windows-1251'));
    expect(r.encoding).toBe('windows-1251');
    expect(r.rows[0]!.parsed.surname).toBe('Шевчук');
  });

  it('reads XLSX, with real dates in cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Список');
    ws.addRow(['ПІБ', 'Дата народження', 'В/ч']);
    ws.addRow(['Коваленко Олексій Вікторович', new Date(Date.UTC(1990, 2, 5)), 'А1234']);
    ws.addRow([]);
    ws.addRow(['Шевчук І.', '', '']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await readIntakeBytes('list.xlsx', buf);
    expect(r.format).toBe('xlsx');
    expect(r.rows).toHaveLength(2);
    expect(r.rows[0]!.parsed).toMatchObject({ surname: 'Коваленко', dateOfBirth: { year: 1990, month: 3, day: 5 }, unit: 'А1234' });
  });

  it('free text: empty lines skipped, numbering and punctuation ignored, one-word names flagged, look-alikes folded', () => {
    const rows = readText('1. Коваленко Олексій, 05.03.1990 р.н., в/ч А1234\n\n   \n2) Шевчук\n---\nКoваленкo Олексій\n');
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(rows[0]!.parsed).toMatchObject({ surname: 'Коваленко', givenName: 'Олексій', unit: 'А1234', dateOfBirth: { year: 1990 } });
    expect(rows[1]!.parsed.problems).toContain('lists.problem.oneWord');
    // Latin o inside a Cyrillic word reads as the Cyrillic letter.
    expect(rows[2]!.parsed.surname).toBe('Коваленко');
  });

  it('refuses malformed files with FILE_MALFORMED', async () => {
    await expect(readIntakeBytes('x.csv', csv('foo,bar\n1,2\n'))).rejects.toMatchObject({ code: 'FILE_MALFORMED' });
    await expect(readIntakeBytes('x.xlsx', csv('not a zip'))).rejects.toMatchObject({ code: 'FILE_MALFORMED' });
    await expect(readIntakeBytes('x.pdf', csv('%PDF'))).rejects.toMatchObject({ code: 'FILE_MALFORMED' });
    await expect(readIntakeBytes('x.csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]))).rejects.toMatchObject({ code: 'FILE_MALFORMED' });
    await expect(readIntakeBytes('x.csv', Buffer.alloc(0))).rejects.toMatchObject({ code: 'FILE_MALFORMED' });
  });

  it('reads 50 000 pasted lines', () => {
    const lines = Array.from(
      { length: 50_000 },
      (_, i) => `${i + 1}. Коваленко${i % 97 ? '' : 'вський'} Олексій Вікторович ${1 + (i % 28)}.0${1 + (i % 9)}.19${50 + (i % 50)}`,
    );
    const t = performance.now();
    const rows = readText(lines.join('\n'));
    expect(rows).toHaveLength(50_000);
    expect(rows[49_999]!.row).toBe(50_000);
    expect(performance.now() - t).toBeLessThan(30_000);
  });

  it('has a translation key for every reason the scorer gives', () => {
    for (const [field, kinds] of Object.entries(REASON_KINDS))
      for (const kind of kinds) expect(reasonKey({ field, kind })).toBe(`lists.reason.${field}.${kind}`);
    expect(reasonKey({ field: 'surname', kind: 'somethingNew' })).toBe('lists.reason.other');
    expect(Object.keys(WEIGHTS.dateOfBirth).length).toBeGreaterThan(0);
  });
});

describe('the Lists catalogues', () => {
  it('translate every reason and every parser problem, in both languages', async () => {
    const { listsUk } = await import('../../renderer/src/i18n/lists.uk');
    const { listsEn } = await import('../../renderer/src/i18n/lists.en');
    const lookup = (tree: unknown, key: string) =>
      key
        .split('.')
        .slice(1)
        .reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], tree);
    const problems = ['empty', 'noSurname', 'extraWords', 'orderUncertain', 'oneWord', 'dateUnreadable', 'dateAmbiguous'].map((p) => `lists.problem.${p}`);
    for (const [field, kinds] of Object.entries(REASON_KINDS)) {
      for (const kind of kinds) for (const cat of [listsUk, listsEn]) expect(typeof lookup(cat, reasonKey({ field, kind }))).toBe('string');
    }
    for (const key of problems) for (const cat of [listsUk, listsEn]) expect(typeof lookup(cat, key)).toBe('string');
  });
});
