// The mass-change guard in the window: an office's file that would change 60 of this register's 60 people (the limit
// is 50) is previewed with a warning naming the numbers; Apply stays disabled and nothing is written until the
// operator ticks the deliberate confirmation; then the file applies. The office is a real second vault (core).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { Writer } from '../../electron/core/db/write';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { importFile } from '../../electron/core/transfer/importFile';
import { tmpDir } from '../helpers/tmp';
import { ctx, dbHash, demo, pair, site } from '../transfer/sites';
import { screenshotBoth } from './harness';
import { appAfterFirstRun, SITE } from './flows';

const PEOPLE = 60;

describe('a mass change in the window', () => {
  const suite = appAfterFirstRun();
  let office: Core;
  let file = '';
  const media = tmpDir('obmin-e2e-mass-');
  const units = () => suite.app.core.require().db.prepare("SELECT count(*) FROM persons WHERE unit = 'в/ч М0001'").pluck().get() as number;

  beforeAll(async () => {
    const hq = suite.app.core;
    office = await site('OFFICE-M');
    await pair(hq, office);
    await demo(hq, PEOPLE);
    expect(await importFile(ctx(office), (await exportFile(ctx(hq), ['OFFICE-M'], path.join(media, 'f1.obmin'))).file)).toMatchObject({ applied: true });
    // The office changes every person's unit at once (a bad bulk edit, say).
    const s = office.require();
    s.db.transaction(() => {
      const w = new Writer(s.db, s.operator.id);
      for (const id of s.db.prepare('SELECT id FROM persons WHERE deleted = 0').pluck().all() as string[]) w.update('persons', id, { unit: 'в/ч М0001' }, null);
    })();
    file = (await exportFile(ctx(office), [SITE.code], path.join(media, 'f2.obmin'))).file;
  }, 180_000);
  afterAll(() => office?.close());

  it('warns with the numbers, applies nothing until the confirmation is ticked, then applies', async () => {
    const { page } = suite.app;
    const register = suite.app.core.require().db.prepare('SELECT count(*) FROM persons WHERE deleted = 0').pluck().get() as number;
    expect(register).toBe(PEOPLE);
    await page.getByTestId('unsynced').click();
    await page.getByRole('heading', { name: 'Передавання', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Прийняти файл' }).click();
    suite.app.media.open = file;
    await page.getByRole('button', { name: 'Обрати файл на носії' }).click();
    const warning = page.getByTestId('transfer-mass-change');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      `Зупиніться й перевірте: цей файл змінив би або видалив ${PEOPLE} з ${PEOPLE} осіб у реєстрі — більше за межу 50.`,
    );
    expect(await page.getByTestId('transfer-preview').textContent()).toContain(`змінить ${PEOPLE}`);
    const apply = page.getByRole('button', { name: 'Застосувати' });
    const confirm = page.getByRole('checkbox', { name: 'Я перевірив(-ла) з вузлом-відправником: застосувати масову зміну' });
    expect(await apply.isDisabled()).toBe(true);
    expect(await confirm.isChecked()).toBe(false);
    const before = dbHash(suite.app.core);
    expect(units()).toBe(0); // the preview wrote nothing
    await screenshotBoth(page, 'transfers-mass-change-uk');
    // A click on the disabled button does nothing either.
    await apply.click({ force: true });
    expect(await page.getByTestId('transfer-applied').count()).toBe(0);
    expect(dbHash(suite.app.core)).toBe(before);

    await confirm.check();
    expect(await apply.isDisabled()).toBe(false);
    await apply.click();
    await page.getByTestId('transfer-applied').waitFor();
    expect(await page.getByTestId('transfer-applied').textContent()).toBe(`Застосовано: додано 0, змінено ${PEOPLE}.`);
    expect(units()).toBe(PEOPLE);
    const audit = suite.app.core.require().db.prepare("SELECT count(*) FROM audit WHERE action = 'transfer.import.changes'").pluck().get() as number;
    expect(audit).toBe(1);
    expect(suite.app.problems).toEqual([]);
  });
});
