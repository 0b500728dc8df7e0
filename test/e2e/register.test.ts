// The register as an operator uses it: create, find across scripts, change status with a source, import with a
// broken row, and what a viewer may not see. Real core, built renderer, Debian Chromium.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstRun, STRONG, unlock } from './flows';
import { ensureRendererBuilt, launchBrowser, openApp, ROOT, screenshotBoth, VIEWPORTS, type AppHandle } from './harness';
import { measureSmoothScroll, seedPersons, tempDir, timeFirstRows, timeJump, writeCsv } from './register-helpers';

const FIGURES = path.join(ROOT, 'test-results/register-ui-figures.json');

// A 1×1 PNG: enough for the browser to draw a thumbnail from.
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const VIEWER = { name: 'Віра Переглядачка', passphrase: 'тихий-ранок-над-рікою-9' };

describe('the register (administrator, then viewer; Ukrainian)', () => {
  let browser: Browser;
  let app: AppHandle;
  let dir: string;

  beforeAll(async () => {
    await ensureRendererBuilt();
    browser = await launchBrowser();
    app = await openApp(browser);
    dir = tempDir();
    await firstRun(app.page, STRONG);
    await app.page.getByTestId('site-code').waitFor();
    // Unlocking lands on the overview; the register is Alt+1.
    await app.page.getByTestId('dashboard').waitFor();
    await app.page.keyboard.press('Alt+1');
  });
  afterAll(async () => {
    await app?.close();
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens on an empty register that offers an import and names the demo data', async () => {
    const { page } = app;
    const empty = page.getByTestId('register-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('obmin demo');
    expect(await empty.getByRole('button', { name: 'Імпорт' }).isVisible()).toBe(true);
    await screenshotBoth(page, 'register-empty-uk');
  });

  it('creates a person through the form, with per-field errors first', async () => {
    const { page } = app;
    await page.keyboard.press('n');
    await page.getByRole('heading', { name: 'Нова особа' }).waitFor();
    await page.getByLabel('Дата народження').fill('1990-13-01');
    await page.keyboard.press('Control+Enter');
    // Surname is required and the month is impossible: both say so next to their fields, in Ukrainian.
    await page.getByText('Обов’язкове поле.').first().waitFor();
    await page.getByText('Дата у формі ДД.ММ.РРРР, ММ.РРРР, РРРР або РРРР-ММ-ДД.').waitFor();
    await page.getByLabel('Прізвище', { exact: true }).fill('Ковальов');
    await page.getByLabel('Ім’я', { exact: true }).fill('Григорій');
    await page.getByLabel('По батькові', { exact: true }).fill('Іванович');
    await page.getByLabel('Прізвище латиницею').fill('Kovalov');
    await page.getByLabel('Ім’я латиницею').fill('Hryhorii');
    await page.getByLabel('Дата народження').fill('1990-05-12');
    await page.getByLabel('Номер справи').fill('UA-0001');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: /Ковальов Григорій Іванович/ }).waitFor();
    expect(await page.locator('.person-sub .status').textContent()).toBe('зник безвісти');
    await page.keyboard.press('Escape');
    await page.getByTestId('register-grid').waitFor();
  });

  it('finds him by Russian and Latin spellings', async () => {
    const { page } = app;
    for (const q of ['Grigoriy Kovalev', 'Григорий Ковалёв', 'Hryhorii Kovalov']) {
      await page.keyboard.press('/');
      await page.keyboard.press('Control+a');
      await page.keyboard.type(q);
      await page.locator('.reg-row[data-person]', { hasText: 'Ковальов Григорій' }).waitFor();
    }
  });

  it('changes the status only with a source, and shows it in the history', async () => {
    const { page } = app;
    await page.getByTestId('register-grid').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Змінити статус' }).click();
    const dialog = page.getByRole('dialog', { name: 'Зміна статусу' });
    await dialog.getByLabel('Новий статус').selectOption('captivity_confirmed');
    // No sources exist yet: the dialog starts on a new one, and an empty title is refused.
    await dialog.getByRole('button', { name: 'Змінити статус' }).click();
    await dialog.getByText('Обов’язкове поле.').first().waitFor();
    await dialog.getByLabel('Вид джерела').selectOption('media_capture');
    await dialog.getByLabel('Назва джерела').fill('Відео з каналу противника, 2026-11-20');
    await dialog.getByLabel('Надійність джерела').selectOption('B');
    await dialog.getByLabel('Достовірність інформації').selectOption('2');
    await dialog.getByRole('button', { name: 'Змінити статус' }).click();
    await page.getByText('Статус змінено.').waitFor();
    expect(await page.locator('.person-sub .status').textContent()).toBe('полон підтверджено');
    await page.getByRole('tab', { name: 'Історія статусу' }).click();
    const history = page.getByTestId('status-history');
    expect(await history.textContent()).toContain('полон підтверджено');
    expect(await history.textContent()).toContain('B2');
    expect(await history.textContent()).toContain('Відео з каналу противника');
    await screenshotBoth(page, 'register-person-history-uk');
  });

  it('keeps family contacts blurred until revealed', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Родина' }).click();
    await page.getByRole('button', { name: 'Додати родича' }).click();
    const dialog = page.getByRole('dialog', { name: 'Додати родича' });
    await dialog.getByLabel('Ім’я', { exact: true }).fill('Ковальова Марія');
    await dialog.getByLabel('Ким доводиться').fill('мати');
    await dialog.getByLabel('Телефон').fill('+380 00 000 0000');
    await dialog.getByLabel('Згода на обробку даних').check();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('family').getByText('Ковальова Марія').waitFor();
    expect(await page.locator('.blur').first().isVisible()).toBe(true);
    await page.locator('.sensitive').first().click();
    await page.getByText('+380 00 000 0000').waitFor();
    await page.keyboard.press('Escape');
  });

  it('edits a field through the form and shows it on the person page', async () => {
    const { page } = app;
    await page.locator('.reg-row[data-person]', { hasText: 'Ковальов Григорій' }).click();
    await page.getByRole('button', { name: 'Редагувати' }).click();
    await page.getByLabel('Місце утримання').fill('Вигадана колонія №1');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('tab', { name: 'Полон і місце' }).click();
    await page.getByRole('tabpanel').getByText('Вигадана колонія №1').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('register-grid').waitFor();
  });

  it('attaches a photo and shows its preview from the vault', async () => {
    const { page } = app;
    const png = path.join(dir, 'portrait.png');
    fs.writeFileSync(png, Buffer.from(PNG_1PX, 'base64'));
    await page.locator('.reg-row[data-person]', { hasText: 'Ковальов Григорій' }).click();
    await page.getByRole('tab', { name: 'Вкладення' }).click();
    await page.getByRole('button', { name: 'Додати вкладення' }).click();
    const dialog = page.getByRole('dialog', { name: 'Додати вкладення' });
    await dialog.locator('#attach-file').setInputFiles(png);
    await dialog.getByLabel('Підпис').fill('Фото з документа');
    await page.keyboard.press('Control+Enter');
    const img = page.locator('.thumb img[alt="Фото з документа"]');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await page.keyboard.press('Escape');
    await page.getByTestId('register-grid').waitFor();
  });

  it('refuses an import with a broken row, applies nothing, then applies the fixed file', async () => {
    const { page, core } = app;
    const header = 'ref,surname,given_name,date_of_birth,side,category,status';
    const bad = writeCsv(dir, 'list.csv', [
      header,
      'UA-0101,Шевчук,Андрій,1991-02-03,ours,military,missing',
      'UA-0102,Бондар,Олег,1993-13-40,ours,military,missing',
      'UA-0103,Ткач,Ірина,1995,ours,civilian,released',
    ]);
    const before = core.countPersons();
    await page.getByRole('button', { name: 'Імпорт' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.locator('#import-file').setInputFiles(bad);
    await dialog.getByTestId('import-errors').waitFor();
    const errors = await dialog.getByTestId('import-errors').textContent();
    expect(errors).toContain('1993-13-40');
    expect(errors).toContain('неправильне значення');
    expect(await dialog.getByTestId('import-counts').textContent()).toContain('з помилками: 1');
    expect(await dialog.getByRole('button', { name: 'Імпортувати' }).isDisabled()).toBe(true);
    await screenshotBoth(page, 'register-import-errors-uk');
    // Skipping is a deliberate second step that says, with the count, what will be left out.
    await dialog.getByLabel('Пропустити рядки з помилками').check();
    expect(await dialog.locator('.confirm').textContent()).toContain('1 рядок з помилками буде пропущено');
    expect(await dialog.getByRole('button', { name: 'Так, пропустити й імпортувати' }).isEnabled()).toBe(true);
    await dialog.getByLabel('Пропустити рядки з помилками').uncheck();
    expect(core.countPersons()).toBe(before);

    const good = writeCsv(dir, 'list-fixed.csv', [
      header,
      'UA-0101,Шевчук,Андрій,1991-02-03,ours,military,missing',
      'UA-0102,Бондар,Олег,1993-12-04,ours,military,missing',
      'UA-0103,Ткач,Ірина,1995,ours,civilian,released',
    ]);
    await dialog.locator('#import-file').setInputFiles(good);
    await expect.poll(async () => dialog.getByTestId('import-counts').textContent()).toContain('нових: 3');
    await dialog.getByRole('button', { name: 'Імпортувати' }).click();
    await dialog.getByTestId('import-done').waitFor();
    expect(await dialog.getByTestId('import-done').textContent()).toContain('додано 3');
    expect(core.countPersons()).toBe(before + 3);
    await page.getByRole('button', { name: 'Закрити' }).last().click();
    await page.getByLabel('Пошук').fill('Ткач');
    await page.locator('.reg-row[data-person]', { hasText: 'Ткач Ірина' }).waitFor();
  });

  it('exports the people of the current search as a CSV download, and audits it', async () => {
    const { page, core } = app;
    // The search for «Ткач» from the import is still active: the file holds exactly the rows on screen.
    await page.getByRole('button', { name: 'Експорт', exact: true }).click();
    const body = await page.getByTestId('export-count').textContent();
    const shown = Number(/\((\d+)\)/.exec(body ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Експортувати' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^obmin-persons-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^ref,surname,given_name/);
    expect(lines).toHaveLength(shown + 1);
    expect(lines.some((l) => l.includes('Ткач,Ірина'))).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: `Експортовано ${shown} ` })
      .waitFor();
    expect(core.auditList(5).map((e) => e.action)).toContain('persons.export');
    await page.getByRole('button', { name: 'Закрити' }).last().click();
  });

  it('shows a viewer everything read-only: no edit buttons, no family tab', async () => {
    const { page, core } = app;
    const added = await core.addOperator({ name: VIEWER.name, role: 'viewer', passphrase: VIEWER.passphrase });
    expect(added.role).toBe('viewer');
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Робоче місце заблоковане' }).waitFor();
    await unlock(page, VIEWER.name, VIEWER.passphrase);
    await page.getByTestId('dashboard').waitFor();
    await page.keyboard.press('Alt+1');
    await page.getByTestId('register-grid').waitFor();
    expect(await page.getByRole('button', { name: 'Нова особа' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Імпорт' }).count()).toBe(0);
    await page.locator('.reg-row[data-person]', { hasText: 'Ковальов Григорій' }).click();
    await page.getByRole('heading', { name: /Ковальов Григорій/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Редагувати' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Змінити статус' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Родина' }).count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('Ковальова Марія');
    await screenshotBoth(page, 'register-person-viewer-uk');
    expect(app.problems).toEqual([]);
  });
});

describe('the register at 100 000 people (figures, not goals)', () => {
  const N = Number(process.env.REGISTER_UI_N ?? 100_000);
  let browser: Browser;
  let app: AppHandle;
  const figures: Record<string, unknown> = { persons: N, viewport: VIEWPORTS.small };

  beforeAll(async () => {
    await ensureRendererBuilt();
    browser = await launchBrowser();
    app = await openApp(browser);
    await firstRun(app.page, STRONG);
    await app.page.getByTestId('site-code').waitFor();
    // Seeded while another area is open, so the register's first paint is measured from a real navigation.
    await app.page.keyboard.press('Alt+7');
    const seeded = await seedPersons(app.core, N);
    figures.seedMs = seeded.ms;
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await browser?.close();
  });

  it('paints the first rows, jumps to the middle and the end, and scrolls steadily', async () => {
    const { page } = app;
    figures.firstPaintMs = Math.round(await timeFirstRows(page));
    await expect.poll(async () => (await page.getByTestId('register-total').textContent())?.replace(/\D/g, '')).toBe(String(N));
    const middle = await timeJump(page, 0.5);
    const end = await timeJump(page, 1);
    figures.jumpToMiddle = { ms: Math.round(middle.ms), rowIndex: middle.index };
    figures.jumpToEnd = { ms: Math.round(end.ms), rowIndex: end.index };
    await page.evaluate(() => (document.querySelector<HTMLElement>('[data-testid="register-grid"]')!.scrollTop = 0));
    // Two speeds: a brisk wheel (120 px a frame, about 7 000 px/s) and a hard fling (480 px a frame).
    figures.steadyScroll = await measureSmoothScroll(page, 120, 240);
    figures.flingScroll = await measureSmoothScroll(page, 480, 240);
    // The last rows are really there: the final person of the sorted register has data in the DOM.
    await page.evaluate(() => {
      const g = document.querySelector<HTMLElement>('[data-testid="register-grid"]')!;
      g.scrollTop = g.scrollHeight;
    });
    await page.locator(`#reg-row-${N - 1}[data-person]`).waitFor();
    expect(await page.locator('.reg-row[data-person]').count()).toBeGreaterThan(10);
    fs.mkdirSync(path.dirname(FIGURES), { recursive: true });
    fs.writeFileSync(FIGURES, JSON.stringify({ measuredAt: new Date().toISOString(), ...figures }, null, 2) + '\n');
    console.log('register UI figures', JSON.stringify(figures));
  });

  it('moves with the arrow keys, opens with Enter, comes back to the same row, sorts by a header', async () => {
    const { page } = app;
    const grid = page.getByTestId('register-grid');
    await page.evaluate(() => (document.querySelector<HTMLElement>('[data-testid="register-grid"]')!.scrollTop = 0));
    await grid.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await grid.getAttribute('aria-activedescendant')).toBe('reg-row-3');
    const name = (await page.locator('#reg-row-3 .name-orig').textContent()) ?? '';
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
    await page.keyboard.press('Escape');
    await page.locator('#reg-row-3.reg-focus[data-person]').waitFor();
    // Longest captivity first: days descending is the capture date ascending, done by the core over all rows.
    await page.getByRole('columnheader', { name: 'Днів полону' }).getByRole('button').click();
    await page.getByRole('columnheader', { name: 'Днів полону' }).getByRole('button').click();
    expect(await page.getByRole('columnheader', { name: 'Днів полону' }).getAttribute('aria-sort')).toBe('descending');
    await expect.poll(async () => page.locator('#reg-row-0[data-person] .col-captivityDays').textContent()).not.toBe('');
    const first = Number(((await page.locator('#reg-row-0 .col-captivityDays').textContent()) ?? '').replace(/\D/g, ''));
    const second = Number(((await page.locator('#reg-row-1 .col-captivityDays').textContent()) ?? '').replace(/\D/g, ''));
    expect(first).toBeGreaterThanOrEqual(second);
    await page.getByRole('columnheader', { name: 'Днів полону' }).getByRole('button').click();
    expect(await page.getByRole('columnheader', { name: 'Днів полону' }).getAttribute('aria-sort')).toBeNull();
  });

  it('looks right at both sizes, in Ukrainian and English', async () => {
    const { page } = app;
    await page.evaluate(() => (document.querySelector<HTMLElement>('[data-testid="register-grid"]')!.scrollTop = 0));
    await page.locator('#reg-row-0[data-person]').waitFor();
    await screenshotBoth(page, 'register-uk');
    await page.getByRole('group', { name: 'Фільтри' }).getByText('Статус').click();
    await page.getByRole('checkbox', { name: 'полон підтверджено' }).check();
    await page.keyboard.press('Escape');
    await page.getByLabel('Пошук').fill('Ковальов');
    await page.locator('.reg-row[data-person]', { hasText: 'Ковальов' }).first().waitFor();
    await screenshotBoth(page, 'register-filtered-uk');
    await page.keyboard.press('Alt+7');
    await page.getByRole('button', { name: 'English' }).click();
    // Back in the register, the query and filters are as the operator left them.
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { name: 'Register' }).waitFor();
    await page.locator('.reg-row[data-person]').first().waitFor();
    await screenshotBoth(page, 'register-filtered-en');
    await page.locator('.reg-row[data-person]').first().click();
    await page.getByRole('tab', { name: 'Identity & description' }).waitFor();
    await screenshotBoth(page, 'register-person-en');
    expect(app.problems).toEqual([]);
  });
});
