import { describe, expect, it } from 'vitest';
import { screenshotBoth } from './harness';
import { appAfterFirstRun, SITE, STRONG } from './flows';

describe('English', () => {
  const suite = appAfterFirstRun(async (a) => {
    await a.page.keyboard.press('Control+l');
  });

  it('switches the lock screen to English and keeps the choice', async () => {
    const { page } = suite.app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'The workstation is locked' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(suite.app.core.locale).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'The workstation is locked' }).waitFor();
    await screenshotBoth(page, 'lock-en');
  });

  it('shows errors in English', async () => {
    const { page } = suite.app;
    await page.getByLabel('Operator').fill(SITE.admin);
    await page.getByLabel('Passphrase').fill('not-the-right-one-at-all');
    await page.getByLabel('Passphrase').press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Wrong operator name or passphrase.');
  });

  it('shows the shell, areas and settings in English', async () => {
    const { page } = suite.app;
    await page.getByLabel('Operator').fill(SITE.admin);
    await page.getByLabel('Passphrase').fill(STRONG);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByTestId('site-code').waitFor();
    const nav = (await page.getByRole('navigation').textContent()) ?? '';
    for (const area of ['Register', 'Lists', 'Exchanges', 'Transfers', 'Sites', 'Audit', 'Settings', 'Operators']) expect(nav).toContain(area);
    expect(await page.getByTestId('operator').textContent()).toContain('administrator');
    await page.keyboard.press('Alt+5');
    await page.getByRole('tab', { name: 'Sites and trust', selected: true }).waitFor();
    expect(await page.getByTestId('unsynced').textContent()).toContain('Synchronisation not set up');
    await screenshotBoth(page, 'shell-en');
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByText('1 to 240. Now: 10 minutes.').waitFor();
    await screenshotBoth(page, 'settings-en');
  });

  it('switches back to Ukrainian from Settings', async () => {
    const { page } = suite.app;
    await page.getByRole('button', { name: 'Українська' }).click();
    await page.getByRole('heading', { name: 'Налаштування', level: 1 }).waitFor();
    expect(suite.app.core.locale).toBe('uk');
    await page.getByText('Від 1 до 240. Зараз: 10 хвилин.').waitFor();
    await screenshotBoth(page, 'settings-uk');
    expect(suite.app.problems).toEqual([]);
  });
});
