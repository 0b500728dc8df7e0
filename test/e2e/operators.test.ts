import { describe, expect, it } from 'vitest';
import { screenshotBoth } from './harness';
import { ANALYST, appAfterFirstRun, SITE, STRONG, unlock } from './flows';

describe('operators', () => {
  const suite = appAfterFirstRun();

  it('reaches Operators from the command palette', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Дія, розділ або ім’я особи…').fill('опер');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Оператори', level: 1 }).waitFor();
  });

  it('adds an analyst, refusing a weak passphrase first', async () => {
    const { page } = suite.app;
    await page.getByRole('button', { name: 'Додати оператора' }).click();
    const dialog = page.getByRole('dialog', { name: 'Новий оператор' });
    await dialog.getByLabel('Ім’я').fill(ANALYST.name);
    await dialog.getByLabel('Роль', { exact: true }).selectOption('analyst');
    await dialog.getByLabel('Початкова парольна фраза').fill('qwerty');
    await dialog.getByLabel('Початкова парольна фраза').press('Control+Enter');
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('щонайменше 12 символів');
    await dialog.getByLabel('Початкова парольна фраза').fill(ANALYST.passphrase);
    await screenshotBoth(page, 'operators-add-uk');
    await dialog.getByLabel('Початкова парольна фраза').press('Control+Enter');
    await page.getByText(`Оператора «${ANALYST.name}» додано.`).waitFor();
    const table = (await page.getByTestId('operators-table').textContent()) ?? '';
    expect(table).toContain(ANALYST.name);
    expect(table).toContain('аналітик');
  });

  it('Esc closes a dialog without doing anything', async () => {
    const { page } = suite.app;
    await page.getByRole('button', { name: 'Вимкнути' }).click();
    const dialog = page.getByRole('dialog', { name: `Вимкнути оператора «${ANALYST.name}»?` });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('більше не зможе розблокувати це робоче місце');
    await screenshotBoth(page, 'operators-disable-uk');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('operators-table').textContent()).not.toContain('вимкнений');
  });

  it('the analyst signs in and sees neither Operators nor Audit', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Робоче місце заблоковане' }).waitFor();
    await unlock(page, ANALYST.name, ANALYST.passphrase);
    await page.getByTestId('site-code').waitFor();
    expect(await page.getByTestId('operator').textContent()).toContain('аналітик');
    const nav = (await page.getByRole('navigation').textContent()) ?? '';
    expect(nav).toContain('Реєстр');
    expect(nav).not.toContain('Оператори');
    expect(nav).not.toContain('Журнал');
    // The shortcut of a hidden area does nothing.
    await page.keyboard.press('Alt+8');
    expect(await page.getByRole('heading', { name: 'Оператори' }).count()).toBe(0);
    await page.keyboard.press('Alt+7');
    await page.getByText('Змінити час блокування може лише адміністратор. Зараз: 10 хвилин.').waitFor();
  });

  it('the admin disables the analyst, who can no longer sign in', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Control+l');
    await unlock(page, SITE.admin, STRONG);
    await page.getByTestId('site-code').waitFor();
    await page.keyboard.press('Alt+8');
    await page.getByRole('button', { name: 'Вимкнути' }).click();
    await page.getByRole('button', { name: 'Так, вимкнути' }).click();
    await page.getByText(`Оператора «${ANALYST.name}» вимкнено.`).waitFor();
    expect(await page.getByTestId('operators-table').textContent()).toContain('вимкнений');
    await page.keyboard.press('Control+l');
    await unlock(page, ANALYST.name, ANALYST.passphrase);
    await page.getByRole('alert').waitFor();
    expect(suite.app.core.unlocked).toBe(false);
    expect(suite.app.problems).toEqual([]);
  });
});
