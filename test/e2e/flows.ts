// Steps several specs share, written as an operator would do them.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ensureRendererBuilt, launchBrowser, openApp, type AppHandle } from './harness';

export const SITE = { code: 'KYIV-HQ', name: 'Вигаданий штаб', admin: 'Олена Тестова' };
export const STRONG = 'вишня-гора-мідний-ліхтар-42';
export const ANALYST = { name: 'Андрій Аналітик', passphrase: 'синій-кит-пливе-над-полем-7' };

/** Fills the first-run form by its labels (Ukrainian) and submits. */
export async function firstRun(page: Page, passphrase = STRONG): Promise<void> {
  await page.getByLabel('Код об’єкта').fill(SITE.code.toLowerCase());
  await page.getByLabel('Назва об’єкта').fill(SITE.name);
  await page.getByLabel('Ім’я першого адміністратора').fill(SITE.admin);
  await page.getByLabel('Парольна фраза', { exact: true }).fill(passphrase);
  await page.getByLabel('Повторіть парольну фразу').fill(passphrase);
  await page.getByRole('button', { name: 'Створити робоче місце' }).click();
}

export async function unlock(page: Page, operator: string, passphrase: string): Promise<void> {
  await page.getByLabel('Оператор', { exact: true }).fill(operator);
  await page.getByLabel('Парольна фраза', { exact: true }).fill(passphrase);
  await page.getByLabel('Парольна фраза', { exact: true }).press('Enter');
}

export interface Suite {
  browser: Browser;
  app: AppHandle;
}

/** For one describe block: a browser and the app already through first-run set-up (then `then`), closed afterwards. */
export function appAfterFirstRun(then?: (app: AppHandle) => Promise<void> | void): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    await ensureRendererBuilt();
    suite.browser = await launchBrowser();
    suite.app = await openApp(suite.browser);
    await firstRun(suite.app.page);
    await suite.app.page.getByTestId('site-code').waitFor();
    await then?.(suite.app);
  });
  afterAll(async () => {
    await suite.app?.close();
    await suite.browser?.close();
  });
  return suite;
}
