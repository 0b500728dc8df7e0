// «Конфлікти» in the window: this site and an office change one person's unit without seeing each other's change; the
// screen shows both sides (value, site by code, time), the operator keeps this site's value, the conflict goes and the person
// carries the kept value. The office is a real second vault driven through the core, as in transfers.test.ts.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Core } from '../../electron/core';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { importFile } from '../../electron/core/transfer/importFile';
import { tmpDir } from '../helpers/tmp';
import { ctx, pair, site } from '../transfer/sites';
import { appAfterFirstRun, SITE } from './flows';
import { screenshotBoth } from './harness';

type Ok<T> = { ok: true; value: T };

describe('conflicts between two sites in the window', () => {
  const suite = appAfterFirstRun();
  let office: Core;
  let personId = '';
  const media = tmpDir('obmin-e2e-conflicts-');

  beforeAll(async () => {
    office = await site('OFFICE-C');
    const hq = suite.app.core;
    await pair(hq, office);
    const rh = createRouter(hq);
    const p = (await rh.handle('persons.create', {
      ref: 'C-1',
      surname: 'Конфліктенко',
      givenName: 'Остап',
      side: 'ours',
      category: 'military',
      unit: 'в/ч А0001',
    })) as Ok<{ id: string }>;
    expect(p.ok).toBe(true);
    personId = p.value.id;
    expect(await importFile(ctx(office), (await exportFile(ctx(hq), ['OFFICE-C'], path.join(media, 'f1.obmin'))).file)).toMatchObject({ applied: true });
    // Both change the unit, neither having seen the other's change; the office's edit is the later one.
    expect((await rh.handle('persons.update', { id: personId, patch: { unit: 'в/ч А0002' } })).ok).toBe(true);
    expect((await createRouter(office).handle('persons.update', { id: personId, patch: { unit: 'в/ч А0003' } })).ok).toBe(true);
    expect(await importFile(ctx(hq), (await exportFile(ctx(office), [SITE.code], path.join(media, 'f2.obmin'))).file)).toMatchObject({ applied: true });
  }, 120_000);
  afterAll(() => office?.close());

  const unitHere = async () =>
    ((await createRouter(suite.app.core).handle('persons.get', { id: personId })) as Ok<{ person: { unit: string | null } }>).value.person.unit;

  it('shows both sides with value, site and time; keeping this site’s value clears the conflict and the person carries it', async () => {
    const { page } = suite.app;
    expect(await unitHere()).toBe('в/ч А0003'); // both sites already agree on the newer value
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Конфлікти/ })
      .click();
    await page.getByRole('heading', { name: 'Конфлікти правок', level: 1 }).waitFor();
    const list = page.getByTestId('conflicts');
    await list.locator('li.conflict').first().waitFor();
    expect(await list.locator('li.conflict').count()).toBe(1);
    const item = list.locator('li.conflict').first();
    expect(await item.textContent()).toContain('Конфліктенко');
    const shown = item.getByTestId('side-mine');
    const other = item.getByTestId('side-theirs');
    expect(await shown.locator('.conflict-value').textContent()).toBe('в/ч А0003');
    expect(await other.locator('.conflict-value').textContent()).toBe('в/ч А0002');
    expect(await other.textContent()).toContain(SITE.code);
    // The office's side names it by its code, learnt from the office's signed file (not by its site id).
    const officeId = office.require().db.prepare("SELECT value FROM meta WHERE key = 'site_id'").pluck().get() as string;
    expect(await shown.textContent()).toContain('пункт OFFICE-C');
    expect(await shown.textContent()).not.toContain(officeId.slice(0, 8));
    for (const side of [shown, other]) expect(await side.locator('dd.mono').textContent()).toMatch(/\d{2}[.:]\d{2}/);

    await other.getByRole('button', { name: 'Залишити це' }).click();
    await page.getByRole('status').filter({ hasText: 'Залишено «в/ч А0002»' }).waitFor();
    await page.getByText('Конфліктів немає.').waitFor();
    expect(await list.locator('li.conflict').count()).toBe(0);
    expect(await unitHere()).toBe('в/ч А0002');
    // The person's card in the register shows the kept unit.
    await page.keyboard.press('Alt+1');
    await page.locator('.reg-row[data-person]', { hasText: 'Конфліктенко' }).click();
    await page.getByText('в/ч А0002').first().waitFor();
    expect(await page.getByText('в/ч А0003').count()).toBe(0);
    expect(suite.app.problems).toEqual([]);
  });

  it('“or edit”: a third value, refused when the card would refuse it, saved otherwise; the office importing it has no conflict and the same value', async () => {
    const { page } = suite.app;
    const rh = createRouter(suite.app.core);
    const ro = createRouter(office);
    // A second conflict, on the height: HQ says 171, the office (later) 172, neither seeing the other.
    expect((await rh.handle('persons.update', { id: personId, patch: { heightCm: 171 } })).ok).toBe(true);
    expect((await ro.handle('persons.update', { id: personId, patch: { heightCm: 172 } })).ok).toBe(true);
    expect(await importFile(ctx(suite.app.core), (await exportFile(ctx(office), [SITE.code], path.join(media, 'f3.obmin'))).file)).toMatchObject({
      applied: true,
    });
    expect(await importFile(ctx(office), (await exportFile(ctx(suite.app.core), ['OFFICE-C'], path.join(media, 'f4.obmin'))).file)).toMatchObject({
      applied: true,
    });
    const officeConflicts = async () => ((await ro.handle('conflicts.list', {})) as Ok<{ entries: { field: string }[] }>).value.entries;
    expect((await officeConflicts()).map((c) => c.field)).toEqual(['height_cm']);

    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Конфлікти/ })
      .click();
    const list = page.getByTestId('conflicts');
    const item = list.locator('li.conflict').first();
    await item.waitFor();
    expect(await list.locator('li.conflict').count()).toBe(1);
    expect(await item.getByTestId('side-mine').locator('.conflict-value').textContent()).toBe('172');
    expect(await item.getByTestId('side-theirs').locator('.conflict-value').textContent()).toBe('171');
    await item.getByRole('button', { name: 'Або ввести інше значення…' }).click();
    const input = item.getByLabel('Нове значення: Зріст, см');
    expect(await input.inputValue()).toBe('172'); // starts from the value shown now
    // The card's own rule refuses 999 cm: the message is the card's, and nothing is written.
    await input.fill('999');
    await item.getByRole('button', { name: 'Записати це значення' }).click();
    await item.getByText('Має бути ціле число від 30 до 260.').waitFor();
    expect(((await rh.handle('persons.get', { id: personId })) as Ok<{ person: { heightCm: number } }>).value.person.heightCm).toBe(172);
    await screenshotBoth(page, 'conflicts-edit-uk');
    await input.fill('181');
    await input.press('Control+Enter');
    await page.getByRole('status').filter({ hasText: 'Записано «181»' }).waitFor();
    await page.getByText('Конфліктів немає.').waitFor();
    expect(((await rh.handle('persons.get', { id: personId })) as Ok<{ person: { heightCm: number } }>).value.person.heightCm).toBe(181);

    // The decision travels like any edit: the office imports HQ's next file, its conflict is gone, it shows 181.
    expect(await importFile(ctx(office), (await exportFile(ctx(suite.app.core), ['OFFICE-C'], path.join(media, 'f5.obmin'))).file)).toMatchObject({
      applied: true,
    });
    expect(await officeConflicts()).toEqual([]);
    expect(((await ro.handle('persons.get', { id: personId })) as Ok<{ person: { heightCm: number } }>).value.person.heightCm).toBe(181);
    expect(suite.app.problems).toEqual([]);
  });
});
