// The counterpart's answer recorded from inside the round page: their list imported and reviewed there (the Lists
// intake), the differences decided into the agreed v3, then the round reopened for a v4; statuses follow the lists.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addEntries, createRound, freezeProposal } from '../../electron/core/exchanges';
import { createPerson, findPersonByRefOrId } from '../../electron/core/register/persons';
import { Writer } from '../../electron/core/db/write';
import { screenshotBoth } from './harness';
import { appAfterFirstRun } from './flows';

describe('Exchanges: the counterpart answer from the round page, agreement, and a reopened round', () => {
  const suite = appAfterFirstRun((a) => {
    const s = a.core.require();
    const w = new Writer(s.db, s.operator.id);
    s.db.transaction(() => {
      const ids = ['A-1', 'A-2'].map(
        (ref, i) =>
          createPerson(w, {
            ref,
            surname: ['Вигаданенко', 'Тестовенко'][i]!,
            givenName: ['Петро', 'Олена'][i]!,
            side: 'ours',
            category: 'military',
            status: 'captivity_confirmed',
            dateOfBirth: `199${i}-01-01`,
            unit: 'в/ч А0001',
          }).id,
      );
      createPerson(w, {
        ref: 'A-4',
        surname: 'Новенко',
        givenName: 'Степан',
        side: 'ours',
        category: 'military',
        status: 'captivity_confirmed',
        dateOfBirth: '1992-02-02',
        unit: 'в/ч А0002',
      });
      const round = createRound(w, { number: 70, mediators: ['turkey'] });
      addEntries(w, round.id, 'receive', ids);
      freezeProposal(w, round.id);
    })();
    a.page.on('dialog', (d) => void d.accept());
  });
  const status = (ref: string) => findPersonByRefOrId(suite.app.core.require().db, ref)!.status;
  const open70 = async (page: Page) => {
    await page.keyboard.press('Alt+3');
    await page.getByTestId('rounds-table').locator('tr[data-round="70"] button').click();
    await page.getByRole('heading', { name: /70-й обмін/ }).waitFor();
  };

  it('imports their spreadsheet from the answer dialog and reviews it with the Lists review, then records v2', async () => {
    const { page } = suite.app;
    expect([status('A-1'), status('A-2'), status('A-4')]).toEqual(['on_exchange_list', 'on_exchange_list', 'captivity_confirmed']);
    await open70(page);
    await page.getByRole('button', { name: 'Записати відповідь сторони' }).click();
    await page.getByTestId('answer-import-receive').click();
    // the Lists intake, with the kind the action names
    await page.getByLabel('Імена, по одній особі в рядку').fill('Вигаданенко Петро 01.01.1990\nНовенко Степан 02.02.1992');
    expect(await page.getByLabel('Вид списку').inputValue()).toBe('counterpart_list');
    await page.getByLabel('Де бачили людей').fill('невідомо');
    await page.getByRole('button', { name: 'Не оцінено (F6)' }).click();
    await page.getByRole('button', { name: 'Зіставити з реєстром' }).click();
    await page.getByTestId('lists-review').waitFor();
    const progress = () => page.getByTestId('lists-progress').textContent();
    await expect.poll(progress).toContain('Розглянуто 0 з 2');
    await page.getByRole('button', { name: 'Прийняти всі явні збіги' }).click();
    await page.getByRole('button', { name: 'Так, пов’язати (2)' }).click();
    await expect.poll(progress).toContain('пов’язано 2');
    await page.getByRole('button', { name: 'До відповіді сторони' }).click();
    // back in the answer dialog, the reviewed list already chosen for its direction
    const pick = page.getByLabel('Список «приймаємо» від сторони');
    await expect.poll(() => pick.inputValue()).not.toBe('');
    await page.getByRole('dialog').getByRole('button', { name: 'Записати відповідь', exact: true }).click();
    const diff = page.getByTestId('diff');
    await diff.waitFor();
    expect(await diff.locator('tr[data-person="A-2"]').textContent()).toContain('вилучено');
    expect(await diff.locator('tr[data-person="A-4"]').textContent()).toContain('додано');
    await screenshotBoth(page, 'exchanges-answer-uk');
  });

  it('agrees v3 from the differences; statuses follow; reopening lets v4 be built', async () => {
    const { page } = suite.app;
    await page.getByRole('button', { name: 'Погодити всі' }).click();
    await page.getByRole('button', { name: 'Затвердити погоджений список' }).click();
    await expect.poll(() => page.getByTestId('proposals').textContent()).toContain('v3 · погоджено');
    expect(await page.getByTestId('list-receive').locator('tr[data-person="A-2"]').getAttribute('data-state')).toBe('rejected_by_counterpart');
    expect([status('A-1'), status('A-2'), status('A-4')]).toEqual(['on_exchange_list', 'captivity_confirmed', 'on_exchange_list']);
    // agreed lists are locked until the round is reopened
    expect(await page.getByRole('button', { name: 'Додати до «приймаємо»' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Переговори знову' }).click();
    await page.getByRole('button', { name: 'Додати до «приймаємо»' }).waitFor();
    await page.getByRole('button', { name: 'Заморозити пропозицію' }).click();
    await expect.poll(() => page.getByTestId('proposals').textContent()).toContain('v4 · надіслано');
    expect(suite.app.problems).toEqual([]);
  });
});
