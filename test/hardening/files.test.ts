import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText, guardXlsx, readTable, XLSX_MAX_BYTES } from '../../electron/core/files';
import { readIntakeBytes } from '../../electron/core/lists/read';
import { csvWithOneBadByte, xlsxBomb, xlsxStringFlood, zipOfManyParts } from '../helpers/hostile';
import { tmpDir } from '../helpers/tmp';

const write = (name: string, data: Buffer) => {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, data);
  return f;
};

describe('XLSX bombs are refused while unpacking, before exceljs holds anything', () => {
  it('a small workbook that unpacks to 200 MB is FILE_TOO_LARGE naming the unpacked limit', async () => {
    const bomb = xlsxBomb(200);
    expect(bomb.length).toBeLessThan(XLSX_MAX_BYTES);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    await expect(readTable(write('bomb.xlsx', bomb))).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: '192 MB unpacked' } });
  });

  it('lying about the unpacked size in the zip headers changes nothing: the bytes are counted', async () => {
    await expect(guardXlsx('liar.xlsx', xlsxBomb(8, { lie: true }), { maxUnpacked: 4 * 1024 * 1024 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('two million and one shared strings are refused; the lists intake goes through the same reader', async () => {
    const flood = xlsxStringFlood(2_000_001);
    await expect(readIntakeBytes('list.xlsx', flood)).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: '2000000 shared strings' } });
    expect(await guardXlsx('ok.xlsx', xlsxStringFlood(1000))).toMatchObject({ sharedStrings: 1000 });
  });

  it('a zip of 10 001 empty parts is refused; a file that is not a zip is FILE_MALFORMED', async () => {
    await expect(guardXlsx('parts.xlsx', zipOfManyParts(10_001))).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: '10000 parts' } });
    await expect(readTable(write('not.xlsx', Buffer.from('PK\u0003\u0004 not really')))).rejects.toMatchObject({ code: 'FILE_MALFORMED' });
  });
});

describe('encoding by evidence', () => {
  const csv = 'surname,given_name\nШевченко,Тарас\nКовальчук,Олена\nПетренко,Іван\nГнатюк,Ганна';

  it('UTF-8 with one bad byte stays UTF-8; the bad line is named, the others are read right', () => {
    const d = decodeText(csvWithOneBadByte(csv, 3));
    expect(d.encoding).toBe('utf-8');
    expect(d.badLines).toEqual([3]);
    expect(d.text).toContain('Шевченко');
    expect(d.text).toContain('Гнатюк');
  });

  it('Windows-1251 is still recognised as Windows-1251', async () => {
    const iconv = (await import('iconv-lite')).default;
    const d = decodeText(iconv.encode(csv, 'windows-1251'));
    expect(d.encoding).not.toBe('utf-8');
    expect(d.text).toContain('Шевченко');
    expect(d.badLines).toEqual([]);
  });

  it('the import reports the row with the bad byte as broken and reads every other row', async () => {
    const t = await readTable(write('one-bad.csv', csvWithOneBadByte(csv, 3)));
    expect(t.encoding).toBe('utf-8');
    expect(t.rows.map((r) => r.broken)).toEqual([false, true, false, false]);
    expect(t.rows[3]!.cells).toEqual(['Гнатюк', 'Ганна']);
  });

  it('a list with a bad byte is matched as UTF-8 and names the row', async () => {
    const r = await readIntakeBytes('list.csv', csvWithOneBadByte(csv, 4));
    expect(r.encoding).toBe('utf-8');
    expect(r.undecodable).toEqual([3]);
    expect(r.rows[0]!.columns).toMatchObject({ surname: 'Шевченко' });
  });
});

describe('names: no NUL, no line breaks, no 10 MB cells', () => {
  const HEAD = 'ref,surname,given_name,patronymic,date_of_birth,sex,side,category,service_number\n';

  it('refuses NUL bytes and newlines in names and a 10 MB name as row errors, imports the clean row', async () => {
    const { initCore } = await import('../helpers/tmp');
    const { previewImport } = await import('../../electron/core/register/import');
    const core = await initCore();
    const db = core.require().db;
    const huge = 'Я'.repeat(10 * 1024 * 1024);
    const csv =
      HEAD +
      'B1,Ковальов,Григорій,Іванович,1980-01-02,M,ours,military,\n' +
      'B2,"Шев\nченко",Тарас,,1970,M,ours,military,\n' +
      'B3,Бойко\u0000,Петро,,1970,M,ours,military,\n' +
      `B4,${huge},Іван,,1970,M,ours,military,\n`;
    const p = await previewImport(db, { path: write('names.csv', Buffer.from(csv)) });
    expect(p.total).toBe(4);
    expect(p.valid).toBe(1);
    const codes = p.errors.map((e) => [e.row, e.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        [2, 'invalid_value'],
        [3, 'invalid_value'],
        [4, 'broken_row'],
      ]),
    );
  }, 120_000);

  it('a 10 MB line in a list is cut before the name parser, not a stack overflow', async () => {
    const r = await readIntakeBytes('list.txt', Buffer.from(`Шевченко Тарас\n${'Я'.repeat(10 * 1024 * 1024)}\n`));
    expect(r.rows).toHaveLength(2);
    expect(r.rows[1]!.raw.length).toBeLessThanOrEqual(8000);
  }, 120_000);
});

describe('a file without a header row says so in the operator’s language', () => {
  it('a file with no rows is FILE_MALFORMED with its own translated message, no English detail', async () => {
    const { translate } = await import('../../shared/i18n');
    const err = await readTable(write('empty-head.csv', Buffer.from(' \n\n', 'utf8'))).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'FILE_MALFORMED', messageKey: 'errors.FILE_NO_HEADER' });
    const uk = translate('uk', (err as { messageKey: string }).messageKey);
    expect(uk).toContain('рядка заголовків');
    expect(uk).not.toMatch(/no header/i);
    expect(translate('en', 'errors.FILE_NO_HEADER')).toContain('no header row');
  });
});
