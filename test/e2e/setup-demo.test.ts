// The set-up screen's "try with demo data": the same first-run form, a site named as a demo, filled with fictional
// people and rounds once it exists — through vault.init and demo.fill over the contract, in Ukrainian and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { STRONG } from './flows';
import { ensureRendererBuilt, launchBrowser, openApp, screenshotBoth, type AppHandle } from './harness';

describe('set-up: try with demo data', () => {
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

  it('says what the demo makes, in English too, and names the site as a demo', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Try with demo data' }).click();
    expect(await page.getByTestId('setup-demo-note').textContent()).toContain('3,000 fictional people');
    expect(await page.getByLabel('Site name').inputValue()).toBe('Demo HQ');
    await page.getByRole('button', { name: 'Українська' }).click();
    expect(await page.getByTestId('setup-demo-note').textContent()).toContain('3 000 вигаданих осіб');
    expect(await page.getByLabel('Код об’єкта').inputValue()).toBe('DEMO-HQ');
    // the button that offered the demo is gone; the submit says what it will do
    expect(await page.getByRole('button', { name: 'Спробувати з демо-даними' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Створити демо-об’єкт' }).waitFor();
  });

  it('a weak passphrase is refused as on the plain set-up, and nothing is created', async () => {
    const { page, core } = app;
    await page.getByLabel('Ім’я першого адміністратора').fill('Олена Вигадана');
    await page.getByLabel('Парольна фраза', { exact: true }).fill('короткий');
    await page.getByLabel('Повторіть парольну фразу').fill('короткий');
    await page.getByRole('button', { name: 'Створити демо-об’єкт' }).click();
    await page
      .getByText(/щонайменше 12 символів/)
      .first()
      .waitFor();
    expect(core.state().initialised).toBe(false);
  });

  it('creates the site, fills it with 3 000 fictional people and four rounds, and opens the shell', async () => {
    const { page, core } = app;
    await page.getByLabel('Парольна фраза', { exact: true }).fill(STRONG);
    await page.getByLabel('Повторіть парольну фразу').fill(STRONG);
    await screenshotBoth(page, 'setup-demo-uk');
    await page.getByRole('button', { name: 'Створити демо-об’єкт' }).click();
    await page.getByTestId('site-code').waitFor({ timeout: 300_000 });
    expect(await page.getByTestId('site-code').textContent()).toContain('DEMO-HQ');
    expect(core.countPersons()).toBe(3000);
    const rounds = core.require().db.prepare('SELECT number, status FROM exchange_rounds WHERE deleted = 0 ORDER BY number').all() as {
      number: number;
      status: string;
    }[];
    expect(rounds.map((r) => r.number)).toEqual([65, 66, 67, 68]);
    expect(rounds.filter((r) => r.status === 'closed')).toHaveLength(3);
    await page.keyboard.press('Alt+1');
    await page.locator('.reg-row[data-person]').first().waitFor();
    expect(app.problems).toEqual([]);
  });
});
