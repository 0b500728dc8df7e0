import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { applyImport, previewImport } from '../../electron/core/register/import';
import { CSV_MAX_BYTES } from '../../electron/core/files';
import { exportPersons } from '../../electron/core/register/export';
import { initCore, tmpDir } from '../helpers/tmp';
import { DEV_PERSONS } from '../helpers/devset';

const HEAD = 'ref,surname,given_name,patronymic,date_of_birth,sex,side,category,unit\n';
const DEV = DEV_PERSONS;

function file(name: string, content: string | Buffer): string {
  const f = path.join(tmpDir(), name);
  fs.writeFileSync(f, content);
  return f;
}

async function setup() {
  const core = await initCore();
  const s = core.require();
  return { core, db: s.db, op: s.operator.id };
}

describe('import of people', () => {
  it('shows per-row errors (broken row, unknown value, duplicate ref, formula) and applies nothing', async () => {
    const { core, db, op } = await setup();
    const csv =
      HEAD +
      'A1,Ковальов,Григорій,Іванович,1980-01-02,M,ours,military,А1234\n' +
      'A2,Шевчук,Олена,,1990,F,ours,civilian\n' + // broken: a column short
      'A3,Мельник,Іван,,1985,M,ours,pilot,\n' + // unknown category
      'A1,Бойко,Петро,,1970,M,ours,military,\n' + // duplicate ref
      'A5,"=HYPERLINK(""http://x"")",Іван,,1970,M,ours,military,\n' +
      'A6,Лисенко,Іван,,1970-02-30,M,ours,military,\n';
    const p = await previewImport(db, { path: file('bad.csv', csv) });
    expect(p.total).toBe(6);
    expect(p.valid).toBe(1);
    const codes = p.errors.map((e) => [e.row, e.code]);
    expect(codes).toEqual(
      expect.arrayContaining([
        [2, 'broken_row'],
        [3, 'unknown_value'],
        [4, 'duplicate_ref'],
        [5, 'formula'],
        [6, 'invalid_value'],
      ]),
    );
    await expect(applyImport(db, op, { token: p.token, skipInvalid: false })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(core.countPersons()).toBe(0);
    const r = await applyImport(db, op, { token: p.token, skipInvalid: true });
    expect(r).toMatchObject({ created: 1, skipped: 5 });
    expect(core.countPersons()).toBe(1);
  });

  it('refuses a new person whose status is not of their side (ours + held), like the form does', async () => {
    const { core, db } = await setup();
    const csv = 'ref,surname,given_name,side,category,status\nS1,Ковальов,Григорій,ours,military,held\nS2,Бойко,Іван,held,military,held\n';
    const p = await previewImport(db, { fileName: 'sides.csv', bytes: Buffer.from(csv) });
    expect(p.valid).toBe(1);
    expect(p.errors).toEqual([{ row: 1, column: 'status', code: 'status_side', value: 'held' }]);
    expect(core.countPersons()).toBe(0);
  });

  it('refuses an update row whose status does not fit the person’s side as it stands (or as the row sets it)', async () => {
    const { core, db, op } = await setup();
    const seed = 'ref,surname,side,category\nO1,Ковальов,ours,military\nH1,Бойко,held,military\nO2,Мельник,ours,civilian\n';
    const first = await previewImport(db, { fileName: 'seed.csv', bytes: Buffer.from(seed) });
    await applyImport(db, op, { token: first.token, skipInvalid: false });
    // O1 is ours: 'held' does not fit. H1 is held: 'missing' does not fit. O2 moves to held but keeps 'missing'.
    const csv = 'ref,status,side\nO1,held,\nH1,missing,\nO2,,held\nH1,,\n';
    const p = await previewImport(db, { fileName: 'update.csv', bytes: Buffer.from(csv) });
    expect(p.errors).toEqual([
      { row: 1, column: 'status', code: 'status_side', value: 'held' },
      { row: 2, column: 'status', code: 'status_side', value: 'missing' },
      { row: 3, column: 'side', code: 'status_side', value: 'held' },
      { row: 4, column: 'ref', code: 'duplicate_ref', value: 'H1' },
    ]);
    const r = await applyImport(db, op, { token: p.token, skipInvalid: true });
    expect(r).toMatchObject({ updated: 0, skipped: 4 });
    const rows = db.prepare('SELECT ref, side, status FROM persons ORDER BY ref').all();
    expect(rows).toEqual([
      { ref: 'H1', side: 'held', status: 'held' },
      { ref: 'O1', side: 'ours', status: 'missing' },
      { ref: 'O2', side: 'ours', status: 'missing' },
    ]);
    // A status that fits the person's side still updates.
    const ok = await previewImport(db, { fileName: 'ok.csv', bytes: Buffer.from('ref,status\nO1,released\n') });
    expect(ok.errors).toEqual([]);
    // …unless the person changed side between the preview and the apply: all-or-nothing, one translated error.
    db.prepare("UPDATE persons SET side = 'held', status = 'held' WHERE ref = 'O1'").run();
    await expect(applyImport(db, op, { token: ok.token, skipInvalid: false })).rejects.toMatchObject({
      code: 'VALIDATION',
      messageKey: 'importProblems.statusSide',
    });
    expect(db.prepare("SELECT status FROM persons WHERE ref = 'O1'").pluck().get()).toBe('held');
    expect(core.countPersons()).toBe(3);
  });

  it('reads Windows-1251 and Ukrainian headers', async () => {
    const { db } = await setup();
    const text = 'Прізвище;Ім’я;По батькові;Дата народження;Сторона;Категорія\nКовальов;Григорій;Іванович;02.01.1980;ours;military\n';
    const p = await previewImport(db, { path: file('cp1251.csv', iconv.encode(text, 'win1251')) });
    expect(p.encoding).toBe('windows-1251');
    expect(p.errors).toEqual([]);
    expect(p.sample[0]).toMatchObject({ surname: 'Ковальов', given_name: 'Григорій', date_of_birth: '1980-01-02' });
    expect(p.mapping['Прізвище']).toBe('surname');
  });

  it('refuses a file over the limit by its size, before reading it', async () => {
    const { db } = await setup();
    const f = path.join(tmpDir(), 'huge.csv');
    fs.writeFileSync(f, HEAD);
    fs.truncateSync(f, CSV_MAX_BYTES + 1);
    await expect(previewImport(db, { path: f })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
  });

  it('imports the dev set (5 000 people) and a second import updates by ref without duplicates', async () => {
    const { core, db, op } = await setup();
    const progress: number[] = [];
    const p1 = await previewImport(db, { path: DEV });
    expect(p1).toMatchObject({ total: 5000, valid: 5000, creates: 5000 });
    const r1 = await applyImport(db, op, { token: p1.token, skipInvalid: false }, (done) => progress.push(done));
    expect(r1.created).toBe(5000);
    expect(progress.at(-1)).toBe(5000);
    expect(progress.length).toBeGreaterThan(1);
    const changed = fs
      .readFileSync(DEV, 'utf8')
      .replace('P000001,Зайченко,Іван,Ярославович,1977-09-26,M,ours,military,А5448', 'P000001,Зайченко,Іван,Ярославович,1977-09-26,M,ours,military,А9999');
    const p2 = await previewImport(db, { path: file('again.csv', changed) });
    expect(p2).toMatchObject({ updates: 5000, creates: 0 });
    const r2 = await applyImport(db, op, { token: p2.token, skipInvalid: false });
    expect(r2).toMatchObject({ created: 0, updated: 1, unchanged: 4999 });
    expect(core.countPersons()).toBe(5000);
    expect(db.prepare("SELECT unit FROM persons WHERE ref = 'P000001'").get()).toEqual({ unit: 'А9999' });
  });

  it('reads XLSX (formula cells flagged) and exports CSV/XLSX with formula-safe cells, audited', async () => {
    const { core, db, op } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['ref', 'surname', 'given_name', 'side', 'category', 'notes']);
    ws.addRow(['X1', 'Ковальов', 'Григорій', 'ours', 'military', '@SUM(1)']);
    ws.addRow(['X2', 'Шевчук', 'Олена', 'ours', 'civilian', { formula: '1+1', result: 2 }]);
    ws.addRow(['X3', 'Мельник', 'Іван', 'ours', 'military', 'звичайний текст']);
    const f = path.join(tmpDir(), 'in.xlsx');
    await wb.xlsx.writeFile(f);
    const p = await previewImport(db, { path: f });
    expect(p.errors.map((e) => [e.row, e.code])).toEqual([
      [1, 'formula'],
      [2, 'formula'],
    ]);
    await applyImport(db, op, { token: p.token, skipInvalid: true });
    db.prepare("UPDATE persons SET notes = '=cmd|calc' WHERE ref = 'X3'").run();
    const out = path.join(tmpDir(), 'out.csv');
    const r = await exportPersons(db, op, { path: out, format: 'csv', query: '', filters: {} });
    expect(r.rows).toBe(1);
    expect(fs.readFileSync(out, 'utf8')).toContain("'=cmd|calc");
    const x = await exportPersons(db, op, { path: path.join(tmpDir(), 'out.xlsx'), format: 'xlsx', query: '', filters: {} });
    expect(x.rows).toBe(1);
    expect(core.auditList(5).filter((e) => e.action === 'persons.export')).toHaveLength(2);
  });
});

describe('import in the window’s own words', () => {
  it('accepts the UI’s labels in both languages and lists the allowed values when a word is unknown', async () => {
    const { db } = await setup();
    const csv =
      'Прізвище,Ім’я,Сторона,Категорія,Статус,Стать\n' +
      'Вигаданий,Петро,наші,військовий,зник безвісти,ч\n' +
      'Вигадана,Олена,Ours,Civilian,Captivity confirmed,F\n' +
      'Вигаданий,Іван,наші,пілот,зник безвісти,ч\n';
    const p = await previewImport(db, { path: file('words.csv', csv) });
    expect(p.valid).toBe(2);
    expect(p.sample[0]).toMatchObject({ side: 'ours', category: 'military', status: 'missing', sex: 'M' });
    expect(p.sample[1]).toMatchObject({ side: 'ours', category: 'civilian', status: 'captivity_confirmed', sex: 'F' });
    const unknown = p.errors.find((e) => e.code === 'unknown_value');
    expect(unknown).toMatchObject({ row: 3, column: 'category', value: 'пілот', allowed: ['military', 'civilian', 'remains', 'other'] });
  });

  it('updates only the columns an update file carries (ref + changed columns), and refuses rows of unknown refs', async () => {
    const { core, db, op } = await setup();
    const first = await previewImport(db, {
      path: file('base.csv', HEAD + 'U1,Ковальчук,Андрій,,1980-01-02,M,ours,military,А1234\nU2,Гнатюк,Ольга,,1985,F,ours,civilian,\n'),
    });
    await applyImport(db, op, { token: first.token, skipInvalid: false });
    const reply = await previewImport(db, { path: file('icrc.csv', 'ref,icrc_status,icrc_ref\nU1,registered,ICRC-777\nU404,visited,ICRC-1\n') });
    expect(reply).toMatchObject({ total: 2, updates: 1, creates: 0, invalid: 1 });
    expect(reply.errors).toEqual([expect.objectContaining({ row: 2, code: 'unknown_ref', column: 'ref', value: 'U404' })]);
    const done = await applyImport(db, op, { token: reply.token, skipInvalid: true });
    expect(done).toMatchObject({ updated: 1, created: 0, skipped: 1 });
    const row = db.prepare('SELECT surname, given_name, date_of_birth, unit, icrc_status, icrc_ref FROM persons WHERE ref = ?').get('U1');
    expect(row).toEqual({
      surname: 'Ковальчук',
      given_name: 'Андрій',
      date_of_birth: '1980-01-02',
      unit: 'А1234',
      icrc_status: 'registered',
      icrc_ref: 'ICRC-777',
    });
    expect(core.countPersons()).toBe(2);
  });

  it('refuses a file with neither a surname nor a ref column, in the operator’s words', async () => {
    const { db } = await setup();
    await expect(previewImport(db, { path: file('none.csv', 'name,unit\nX,Y\n') })).rejects.toMatchObject({
      code: 'FILE_MALFORMED',
      messageKey: 'importProblems.noSurnameOrRef',
    });
  });
});
