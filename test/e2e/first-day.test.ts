// A coordinator's first day (issue 15), as they would do it: the demo button, truthful figures, forms that explain
// themselves, an update file, the audit screen, keyboard-first. Real core, built renderer, Debian Chromium.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { captivityDays, todayIso } from '../../shared/register';
import { appAfterFirstRun } from './flows';
import { screenshotBoth } from './harness';
import { tempDir, writeCsv } from './register-helpers';

interface Released {
  id: string;
  ref: string;
  surname: string;
  given_name: string;
  capture_date: string;
  ended: string;
}

describe('first day at the desk (Ukrainian, then English)', () => {
  const suite = appAfterFirstRun();
  const dir = tempDir();
  let released: Released;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const active = () =>
    suite.app.page.evaluate(() =>
      document.activeElement ? `${document.activeElement.tagName}#${document.activeElement.id}.${document.activeElement.className}` : '',
    );

  it("lands on the overview, which sends an empty register's operator to the register; demo data from its own button", async () => {
    const { page, core } = suite.app;
    // The home screen after set-up is the overview; with nobody registered it teaches where to start.
    const home = page.getByTestId('dashboard-empty');
    await home.waitFor();
    await expect.poll(active).toContain('BUTTON');
    await page.keyboard.press('Enter');
    const empty = page.getByTestId('register-empty');
    await empty.waitFor();
    await empty.getByRole('button', { name: 'Заповнити демо-даними' }).click();
    await page.locator('.reg-row[data-person]').first().waitFor({ timeout: 120_000 });
    expect(core.countPersons()).toBe(3000);
    await screenshotBoth(page, 'first-day-register-demo-uk');
  });

  it('counts days in captivity only to the release, and says so', async () => {
    const { page, core } = suite.app;
    const db = core.require().db;
    released = db
      .prepare(
        `SELECT * FROM (SELECT p.id, p.ref, p.surname, p.given_name, p.capture_date,
                (SELECT max(at) FROM status_changes c WHERE c.person_id = p.id AND c.to_status = 'released') AS ended
         FROM persons p WHERE p.status = 'released' AND p.capture_date IS NOT NULL) WHERE ended < date('now', '-30 days') ORDER BY ref LIMIT 1`,
      )
      .get() as Released;
    const days = captivityDays(released.capture_date, 'released', released.ended, todayIso())!;
    // Stopped at the release: fewer days than a count to today would show.
    expect(days).toBeLessThan(captivityDays(released.capture_date, 'captivity_confirmed', null, todayIso())!);
    await page.getByLabel('Пошук').fill(released.ref);
    const row = page.locator(`.reg-row[data-person="${released.id}"]`);
    await row.waitFor();
    expect(await row.locator('.col-captivityDays').textContent()).toBe(`${days.toLocaleString('uk-UA')} (заверш.)`);
    await page.getByLabel('Пошук').fill('');
  });

  it('Ctrl+K puts the cursor in the search box and opens a person by name; the person page answers arrow keys', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Control+k');
    await page.locator('.palette-input').waitFor();
    expect(await active()).toContain('palette-input');
    await page.keyboard.type(`${released.surname} ${released.given_name}`);
    const open = page.getByRole('option', { name: new RegExp(`Відкрити: ${released.surname} ${released.given_name}.*${released.ref}`) });
    await open.waitFor();
    // Frequent actions are offered too.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('нова');
    await page.getByRole('option', { name: /Нова особа/ }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(`${released.surname} ${released.given_name}`);
    await open.waitFor();
    await open.click();
    await page.getByRole('heading', { name: new RegExp(released.surname) }).waitFor();
    expect(await active()).toContain('H1#area-title');
    await page.locator('[role=tab][aria-selected=true]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('[role=tab][aria-selected=true]').getAttribute('id')).toBe('tab-capture');
    expect(await active()).toContain('tab-capture');
    await page.keyboard.press('End');
    expect(await page.locator('[role=tab][aria-selected=true]').getAttribute('id')).toBe('tab-history');
    // The area's shortcut goes to the area's home, not back to the same page.
    await page.keyboard.press('Alt+1');
    await page.getByTestId('register-grid').waitFor();
  });

  it('a refused save explains itself at the top and at each field, in Ukrainian, with focus on the first problem', async () => {
    const { page } = suite.app;
    await page.keyboard.press('n');
    await page.getByRole('heading', { name: 'Нова особа' }).waitFor();
    expect(await active()).toContain('#pf-surname');
    // Esc with something typed asks first.
    await page.getByLabel('Зріст, см').fill('abc');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-bar').waitFor();
    await page.getByRole('button', { name: 'Продовжити редагування' }).click();
    await page.getByLabel('Дата народження').fill('17.03.1973');
    await page.keyboard.press('Control+Enter');
    const summary = page.getByTestId('form-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Виправте 2 поля');
    expect(await active()).toContain('#pf-surname');
    await page.getByText('Це не число: введіть цифри, напр. 178.').waitFor();
    expect(await page.locator('body').textContent()).not.toMatch(/\{\{|Дані не пройшли перевірку/);
    await screenshotBoth(page, 'first-day-form-errors-uk');
    // A case number someone already has names that person and links to them.
    await page.getByLabel('Прізвище', { exact: true }).fill('Вигаданенко');
    await page.getByLabel('Зріст, см').fill('178');
    await page.getByLabel('Номер справи').fill(released.ref);
    await page.keyboard.press('Control+Enter');
    await page.getByText(`Номер справи вже має інша особа: ${released.surname} ${released.given_name}`, { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: new RegExp(`Відкрити картку ${released.surname}`) }).isVisible()).toBe(true);
    await page.getByLabel('Номер справи').fill('FD-0001');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: /Вигаданенко/ }).waitFor();
    // Saved and shown as ISO; focus on the new record.
    expect(await page.locator('.person-sub').textContent()).toContain('1973-03-17');
    expect(await active()).toContain('H1#area-title');
    await page.keyboard.press('Escape');
    await page.getByTestId('register-grid').waitFor();
  });

  it('an update file with only ref and the changed columns updates just those columns', async () => {
    const { page, core } = suite.app;
    const db = core.require().db;
    const before = db.prepare('SELECT surname, given_name, date_of_birth, status, icrc_status, icrc_ref FROM persons WHERE id = ?').get(released.id) as Record<
      string,
      string
    >;
    const file = writeCsv(dir, 'icrc-reply.csv', ['ref,icrc_status,icrc_ref', `${released.ref},зареєстрований,ICRC-FD-1`]);
    await page.getByRole('button', { name: 'Імпорт' }).click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.locator('#import-file').setInputFiles(file);
    await expect.poll(async () => dialog.getByTestId('import-counts').textContent()).toContain('оновлень: 1');
    await dialog.getByRole('button', { name: 'Імпортувати' }).click();
    await dialog.getByTestId('import-done').waitFor();
    const after = db.prepare('SELECT surname, given_name, date_of_birth, status, icrc_status, icrc_ref FROM persons WHERE id = ?').get(released.id) as Record<
      string,
      string
    >;
    expect(after).toEqual({ ...before, icrc_status: 'registered', icrc_ref: 'ICRC-FD-1' });
    await page.getByRole('button', { name: 'Закрити' }).last().click();
  });

  it('the audit screen shows translated actions and names the person, and filters by person', async () => {
    const { page } = suite.app;
    await page.locator('[data-area=audit]').click();
    const table = page.getByTestId('audit-table');
    await table.waitFor();
    await expect.poll(() => table.textContent()).toContain('Заповнено демо-даними');
    expect(await table.textContent()).not.toMatch(/persons:[0-9a-f]{8}|persons\.create/);
    await page.getByLabel('Особа (ім’я або № справи)').fill('FD-0001');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.textContent()).toContain('Вигаданенко');
    expect(await table.textContent()).toContain('Додано особу');
    await screenshotBoth(page, 'first-day-audit-uk');
  });

  it('accept-all asks first, with the count', async () => {
    const { page, core } = suite.app;
    const db = core.require().db;
    // Two people the register knows well, pasted as a list would bring them.
    const two = db
      .prepare(
        `SELECT surname, given_name, patronymic, date_of_birth FROM persons p
         WHERE length(date_of_birth) = 10 AND side = 'ours' AND deleted = 0
           AND (SELECT count(*) FROM persons q WHERE q.surname = p.surname AND q.given_name = p.given_name) = 1
         ORDER BY ref LIMIT 2`,
      )
      .all() as { surname: string; given_name: string; patronymic: string; date_of_birth: string }[];
    const dmy = (d: string) => d.split('-').reverse().join('.');
    await page.locator('[data-area=lists]').click();
    await page.getByRole('button', { name: 'Новий список' }).click();
    await page
      .getByLabel('Імена, по одній особі в рядку')
      .fill(two.map((p) => `${p.surname} ${p.given_name} ${p.patronymic} ${dmy(p.date_of_birth)}`).join('\n'));
    await page.getByLabel('Вид списку').selectOption('debriefing');
    await page.getByLabel('Де бачили людей').fill('невідомо');
    await page.getByRole('button', { name: 'Не оцінено (F6)' }).click();
    await page.getByRole('button', { name: 'Зіставити з реєстром' }).click();
    await page.getByTestId('lists-review').waitFor();
    const progress = () => page.getByTestId('lists-progress').textContent();
    await expect.poll(progress).toContain('Розглянуто 0 з 2');
    await page.getByRole('button', { name: 'Прийняти всі явні збіги' }).click();
    const confirm = page.getByTestId('lists-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Пов’язати 2 записи');
    await confirm.getByRole('button', { name: 'Скасувати' }).click();
    expect(await progress()).toContain('Розглянуто 0 з 2');
    await page.getByRole('button', { name: 'Прийняти всі явні збіги' }).click();
    await page.getByRole('button', { name: 'Так, пов’язати (2)' }).click();
    await expect.poll(progress).toContain('пов’язано 2');
  });

  it('reads in English too', async () => {
    const { page } = suite.app;
    await page.locator('[data-area=settings]').click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('[data-area=register]').click();
    await page.getByTestId('register-grid').waitFor();
    await screenshotBoth(page, 'first-day-register-demo-en');
    await page.locator('[data-area=audit]').click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('Filled with demo data');
    await screenshotBoth(page, 'first-day-audit-en');
    expect(suite.app.problems).toEqual([]);
  });
});
