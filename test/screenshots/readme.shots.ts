// The main screens at 1366×768 in Ukrainian and English, into docs/screenshots/ for the README. The app starts from
// its set-up screen and takes the demo (3 000 fictional people, four rounds); the real core, built renderer, Chromium.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { STRONG } from '../e2e/flows';
import { ensureRendererBuilt, launchBrowser, openApp, ROOT, type AppHandle } from '../e2e/harness';

const OUT = path.join(ROOT, 'docs', 'screenshots');
type Lang = 'uk' | 'en';

async function shot(page: Page, name: string, lang: Lang): Promise<void> {
  await page.waitForTimeout(400); // charts and fonts settle
  await page.screenshot({ path: path.join(OUT, `${name}-${lang}.png`), animations: 'disabled', caret: 'hide' });
}

describe('README screenshots', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let app: AppHandle;
  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    await ensureRendererBuilt();
    browser = await launchBrowser();
    app = await openApp(browser);
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('set-up, then the demo from its button', async () => {
    const { page } = app;
    await page.getByRole('heading', { name: 'Початкове налаштування' }).waitFor();
    await shot(page, 'setup', 'uk');
    await page.getByRole('button', { name: 'Спробувати з демо-даними' }).click();
    await page.getByLabel('Ім’я першого адміністратора').fill('Олена Вигадана');
    await page.getByLabel('Парольна фраза', { exact: true }).fill(STRONG);
    await page.getByLabel('Повторіть парольну фразу').fill(STRONG);
    await shot(page, 'setup-demo', 'uk');
    await page.getByRole('button', { name: 'Створити демо-об’єкт' }).click();
    await page.getByTestId('site-code').waitFor({ timeout: 300_000 });
    expect(app.core.countPersons()).toBe(3000);
  });

  for (const lang of ['uk', 'en'] as const) {
    it(`main screens (${lang})`, async () => {
      const { page } = app;
      if (lang === 'en') {
        await page.keyboard.press('Alt+7'); // settings hold the language switch
        await page.getByRole('button', { name: 'English' }).click();
      }
      await page.keyboard.press('Alt+0');
      await page.getByTestId('dashboard').waitFor();
      await page.waitForTimeout(1000);
      await shot(page, 'dashboard', lang);

      await page.keyboard.press('Alt+1');
      const row = page.locator('.reg-row[data-person]').first();
      await row.waitFor();
      await shot(page, 'register', lang);
      await page.locator('.reg-row[data-person]').nth(3).click();
      await page.getByRole('tab').first().waitFor();
      await shot(page, 'person', lang);
      await page.keyboard.press('Escape');

      await page.keyboard.press('Alt+3');
      await page.getByTestId('rounds-table').waitFor();
      await shot(page, 'rounds', lang);
      await page.getByTestId('rounds-table').locator('tbody tr').first().click();
      await page.getByTestId('balance').waitFor();
      await shot(page, 'round', lang);

      await page.keyboard.press('Alt+4');
      await page.waitForTimeout(800);
      await shot(page, 'transfers', lang);
    });
  }

  it('lists review (uk): a pasted debriefing matched against the demo register', async () => {
    const { page, core } = app;
    await page.keyboard.press('Alt+7');
    await page.getByRole('button', { name: 'Українська' }).click();
    const people = core.require().db.prepare("SELECT surname, given_name, date_of_birth FROM persons WHERE side = 'ours' ORDER BY ref LIMIT 6").all() as {
      surname: string;
      given_name: string;
      date_of_birth: string | null;
    }[];
    // Spelled as lists arrive: surname first, a slip in one, a date in another.
    const lines = people.map((p, i) =>
      i === 1 ? `${p.surname.slice(0, -1)}о ${p.given_name}` : `${p.surname} ${p.given_name}${i % 2 ? '' : ` ${p.date_of_birth ?? ''}`}`,
    );
    lines.push('Вигаданенко Захар 1999');
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: 'Списки' }).waitFor();
    await page.getByRole('button', { name: 'Новий список' }).click();
    await page.getByLabel('Імена, по одній особі в рядку').fill(lines.join('\n'));
    await page.getByLabel('Назва', { exact: true }).fill('Опитування звільненого № 7 (вигадане)');
    await page.getByLabel('Де бачили людей').fill('Вигаданий пункт');
    await page.getByLabel('Вид списку').selectOption('debriefing');
    await page.getByRole('button', { name: 'Не оцінено (F6)' }).click();
    await page.getByRole('button', { name: 'Зіставити з реєстром' }).click();
    await page.getByTestId('lists-review').waitFor();
    await shot(page, 'lists-review', 'uk');
  });

  it('manifest preview: the first page of the round in progress as the preview shows it (poppler)', async () => {
    const router = createRouter(app.core);
    const rounds = await router.handle('exchanges.list', {});
    if (!rounds.ok) throw new Error('rounds');
    const open = (rounds.value as { number: number; status: string }[]).filter((r) => r.status !== 'closed').sort((a, b) => b.number - a.number)[0]!;
    const doc = await router.handle('manifest.render', { request: { kind: 'manifest', exchange: open.number, variant: 'field', direction: 'both' } });
    if (!doc.ok) throw new Error('manifest');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'obmin-shots-'));
    fs.writeFileSync(path.join(tmp, 'm.pdf'), Buffer.from((doc.value as { pdfBase64: string }).pdfBase64, 'base64'));
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path.join(tmp, 'm.pdf'), path.join(OUT, 'manifest-preview-uk')]);
    fs.rmSync(tmp, { recursive: true, force: true });
    expect(fs.statSync(path.join(OUT, 'manifest-preview-uk.png')).size).toBeGreaterThan(10_000);
  });
});
