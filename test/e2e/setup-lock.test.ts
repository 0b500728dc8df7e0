import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, launchBrowser, openApp, screenshotBoth, type AppHandle } from './harness';
import { firstRun, SITE, STRONG, unlock } from './flows';

describe('first run, lock and unlock (Ukrainian)', () => {
  let browser: Browser;
  let app: AppHandle;

  beforeAll(async () => {
    await ensureRendererBuilt();
    browser = await launchBrowser();
    app = await openApp(browser);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('opens on the first-run set-up, in Ukrainian', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Початкове налаштування' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
  });

  it('refuses a weak passphrase and says why', async () => {
    const { page } = app;
    await firstRun(page, 'пароль123');
    const error = page.locator('.form-error');
    await error.first().waitFor();
    expect(await error.first().textContent()).toContain('Парольна фраза заслабка');
    expect(await error.first().textContent()).toContain('щонайменше 12 символів');
    // The live meter says the same thing before anyone submits.
    expect(await page.locator('.strength-reasons').textContent()).toContain('щонайменше 12 символів');
    // The site code was coerced to capitals as typed.
    expect(await page.getByLabel('Код об’єкта').inputValue()).toBe(SITE.code);
    await screenshotBoth(page, 'setup-weak-uk');
    expect(app.core.state().initialised).toBe(false);
  });

  it('accepts a strong passphrase and opens the shell with the site code and operator', async () => {
    const { page } = app;
    await firstRun(page, STRONG);
    await page.getByTestId('site-code').waitFor();
    expect(await page.getByTestId('site-code').textContent()).toBe(SITE.code);
    // The home screen is the overview; on a new site it points to the register.
    await page.getByTestId('dashboard-empty').waitFor();
    expect(await page.locator('[data-area=dashboard]').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('operator').textContent()).toContain(SITE.admin);
    expect(await page.getByTestId('operator').textContent()).toContain('адміністратор');
    expect(await page.getByRole('button', { name: /Заблокувати/ }).isVisible()).toBe(true);
    // The sync badge tells the truth on a new site: no peers, so nothing is synchronised.
    expect(await page.getByTestId('unsynced').getAttribute('data-state')).toBe('none');
    expect(await page.getByTestId('unsynced').textContent()).toContain('Синхронізацію не налаштовано');
    // Alt+5 opens Sites on its own tab (trust between sites).
    await page.keyboard.press('Alt+5');
    await page.getByRole('tab', { name: 'Вузли й довіра', selected: true }).waitFor();
    await screenshotBoth(page, 'shell-uk');
  });

  it('moves between areas with Alt+digit', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+8');
    await page.getByRole('heading', { name: 'Оператори' }).waitFor();
    expect(await page.getByTestId('operators-table').textContent()).toContain(SITE.admin);
    await screenshotBoth(page, 'operators-uk');
    await page.keyboard.press('Alt+6');
    await page.getByRole('heading', { name: 'Журнал дій' }).waitFor();
    await page.getByRole('button', { name: 'Перевірити ланцюжок' }).click();
    await page.getByTestId('verify-result').waitFor();
    expect(await page.getByTestId('verify-result').textContent()).toMatch(/Ланцюжок цілий: перевірено \d+ запис/);
    await screenshotBoth(page, 'audit-uk');
  });

  it('locks with Ctrl+L and shows nothing of the data', async () => {
    const { page } = app;
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Робоче місце заблоковане' }).waitFor();
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).not.toContain(SITE.code);
    expect(text).not.toContain(SITE.admin);
    expect(app.core.unlocked).toBe(false);
    await screenshotBoth(page, 'lock-uk');
  });

  it('refuses a wrong passphrase with the translated error and stays locked', async () => {
    const { page } = app;
    await unlock(page, SITE.admin, 'зовсім-не-та-фраза-1');
    const error = page.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toBe('Неправильне ім’я оператора або парольна фраза.');
    expect(await page.getByRole('heading', { name: 'Робоче місце заблоковане' }).isVisible()).toBe(true);
    expect(app.core.unlocked).toBe(false);
    await screenshotBoth(page, 'lock-wrong-uk');
  });

  it('unlocks with the right passphrase', async () => {
    const { page } = app;
    await unlock(page, SITE.admin, STRONG);
    await page.getByTestId('site-code').waitFor();
    expect(app.core.unlocked).toBe(true);
    // Unlocking starts again on the overview, whatever area was open before the lock; Alt+0 comes back to it.
    await page.getByTestId('dashboard').waitFor();
    await page.keyboard.press('Alt+1');
    await page.getByTestId('register-empty').waitFor();
    await page.keyboard.press('Alt+0');
    await page.getByTestId('dashboard').waitFor();
    expect(app.problems).toEqual([]);
  });
});
