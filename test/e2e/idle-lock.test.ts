import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt, launchBrowser, openApp, type AppHandle } from './harness';
import { firstRun } from './flows';

describe('idle lock in the window', () => {
  let browser: Browser;
  let app: AppHandle;

  beforeAll(async () => {
    await ensureRendererBuilt();
    browser = await launchBrowser();
    // The fake clock must be installed before the page loads, so the idle timer runs on it.
    app = await openApp(browser, { clock: true });
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('sets the idle-lock time to one minute in Settings', async () => {
    const { page } = app;
    await firstRun(page);
    await page.getByTestId('site-code').waitFor();
    await page.keyboard.press('Alt+7');
    await page.getByRole('heading', { name: 'Налаштування', level: 1 }).waitFor();
    await page.getByLabel('Блокувати після бездіяльності, хвилин').fill('1');
    await page.getByLabel('Блокувати після бездіяльності, хвилин').press('Control+Enter');
    await page.getByText('Збережено.').waitFor();
    await page.getByText('Зараз: 1 хвилина.').waitFor();
  });

  it('does not lock before the time is up', async () => {
    const { page } = app;
    await page.clock.fastForward('00:40');
    expect(await page.getByTestId('site-code').isVisible()).toBe(true);
    expect(app.core.unlocked).toBe(true);
  });

  it('locks after a minute and five seconds without activity, and drops the data', async () => {
    const { page } = app;
    await page.clock.fastForward('00:25');
    await page.getByRole('heading', { name: 'Робоче місце заблоковане' }).waitFor();
    await page.getByText('Заблоковано через бездіяльність.').waitFor();
    expect(app.core.unlocked).toBe(false);
    expect(await page.locator('body').textContent()).not.toContain('KYIV-HQ');
    expect(app.problems).toEqual([]);
  });
});
