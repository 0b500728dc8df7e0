// Steps several specs share, written as an operator would do them.
import type { Page } from 'playwright-core';

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
