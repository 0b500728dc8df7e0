import { describe, expect, it } from 'vitest';
import { createPerson, findPersonByRefOrId } from '../../electron/core/register/persons';
import { listSightings } from '../../electron/core/register/sightings';
import { Writer } from '../../electron/core/db/write';
import { screenshotBoth } from './harness';
import { appAfterFirstRun } from './flows';

// Five lines as typed from a debriefing: Russian forms, Latin, someone unknown, a lone surname, initials.
const PASTED = [
  'Ковалёв Алексей Викторович 05.03.1990',
  'Shevchuk Ivan 12.07.1985',
  'Вигаданенко Петро 01.01.1991',
  'Бондаренко',
  'Бондаренко М. І., 1979',
].join('\n');

describe('Lists: paste, review by keyboard, accept', () => {
  const suite = appAfterFirstRun(async (a) => {
    const s = a.core.require();
    const w = new Writer(s.db, s.operator.id);
    s.db.transaction(() => {
      createPerson(w, {
        ref: 'E-1',
        surname: 'Ковальов',
        givenName: 'Олексій',
        patronymic: 'Вікторович',
        dateOfBirth: '1990-03-05',
        side: 'ours',
        category: 'military',
      });
      createPerson(w, {
        ref: 'E-2',
        surname: 'Шевчук',
        givenName: 'Іван',
        patronymic: 'Петрович',
        dateOfBirth: '1985-07-12',
        side: 'ours',
        category: 'military',
      });
      createPerson(w, {
        ref: 'E-3',
        surname: 'Бондаренко',
        givenName: 'Микола',
        patronymic: 'Іванович',
        dateOfBirth: '1979-01-20',
        side: 'ours',
        category: 'civilian',
      });
    })();
  });

  it('pastes five lines and shows each entry beside its candidates with translated reasons', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: 'Списки' }).waitFor();
    await page.getByRole('button', { name: 'Новий список' }).click();
    await page.getByLabel('Імена, по одній особі в рядку').fill(PASTED);
    await page.getByLabel('Назва', { exact: true }).fill('Опитування звільненого № 12');
    await page.getByLabel('Де бачили людей').fill('Оленівка');
    // Nothing is pre-selected: without a kind and a grade the dialog asks for them and sends nothing.
    await page.getByRole('button', { name: 'Зіставити з реєстром' }).click();
    await page.getByText('Оберіть вид списку.').waitFor();
    await page.getByLabel('Вид списку').selectOption('debriefing');
    await page.getByRole('button', { name: 'Не оцінено (F6)' }).click();
    await page.getByRole('button', { name: 'Зіставити з реєстром' }).click();
    await page.getByTestId('lists-review').waitFor();
    await expect.poll(() => page.getByTestId('lists-progress').textContent()).toContain('Розглянуто 0 з 5');
    const panel = page.getByTestId('lists-entry-panel');
    await expect.poll(() => panel.textContent()).toContain('прізвище: російська форма «Ковальов»');
    expect(await panel.textContent()).toContain('дата народження збігається');
    expect(await panel.textContent()).toContain('ім’я: інша форма «Олексій»');
    // Nothing in the register has changed yet.
    expect(listSightings(suite.app.core.require().db, findPersonByRefOrId(suite.app.core.require().db, 'E-1')!.id)).toHaveLength(0);
    expect(await page.getByRole('button', { name: 'Прийняти всі явні збіги' }).isVisible()).toBe(true);
    await screenshotBoth(page, 'lists-review-uk');
  });

  it('reviews with the keyboard: Enter, A, N, S, 1', async () => {
    const { page } = suite.app;
    const progress = () => page.getByTestId('lists-progress').textContent();
    await page.getByTestId('lists-review').focus();
    await page.keyboard.press('Enter');
    await expect.poll(progress).toContain('Розглянуто 1 з 5');
    await page.keyboard.press('a');
    await expect.poll(progress).toContain('Розглянуто 2 з 5');
    await page.keyboard.press('n');
    await expect.poll(progress).toContain('Розглянуто 3 з 5');
    await page.keyboard.press('s');
    await expect.poll(progress).toContain('Розглянуто 4 з 5');
    await page.keyboard.press('1');
    // A weak first candidate is asked about again; Enter is the deliberate yes.
    if (await page.getByTestId('lists-confirm').count()) await page.keyboard.press('Enter');
    await expect.poll(progress).toContain('Розглянуто 5 з 5');
    expect(await progress()).toContain('пов’язано 3');
    expect(await progress()).toContain('створено 1');
    expect(await progress()).toContain('пропущено 1');
    // Nothing left for "accept all" to do, so it is not offered.
    await expect.poll(() => page.getByRole('button', { name: 'Прийняти всі явні збіги' }).count()).toBe(0);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.getByTestId('lists-decision').textContent()).toContain('пропущено');
    expect(suite.app.problems).toEqual([]);
  });

  it('each accepted entry shows as a sighting citing the list', () => {
    const db = suite.app.core.require().db;
    for (const ref of ['E-1', 'E-2', 'E-3']) {
      const sightings = listSightings(db, findPersonByRefOrId(db, ref)!.id);
      expect(sightings).toHaveLength(1);
      expect(sightings[0]!.place).toBe('Оленівка');
      expect(sightings[0]!.source?.title).toBe('Опитування звільненого № 12');
    }
    const created = db.prepare("SELECT id FROM persons WHERE surname = 'Вигаданенко'").get() as { id: string };
    expect(listSightings(db, created.id)).toHaveLength(1);
  });

  it('lists the list on the home screen; a planted duplicate is merged only after a deliberate confirmation', async () => {
    const { page } = suite.app;
    const s = suite.app.core.require();
    const e2 = findPersonByRefOrId(s.db, 'E-2')!.id;
    // The same man registered again from a counterpart's list, in Russian forms.
    s.db.transaction(() =>
      createPerson(new Writer(s.db, s.operator.id), {
        ref: 'E-4',
        surname: 'Шевчук',
        givenName: 'Иван',
        patronymic: 'Петрович',
        dateOfBirth: '1985-07-12',
        unit: 'А1234',
        side: 'ours',
        category: 'military',
      }),
    )();
    await page.getByRole('button', { name: 'До списків' }).click();
    await expect.poll(() => page.getByTestId('lists-table').textContent()).toContain('Опитування звільненого № 12');
    await page.getByRole('button', { name: 'Можливі дублікати' }).click();
    await page.getByRole('heading', { name: 'Можливі дублікати в реєстрі' }).waitFor();
    await expect.poll(() => page.getByTestId('duplicates').textContent()).toContain('E-4');
    await page.getByRole('button', { name: 'Об’єднати…' }).first().click();
    const what = page.getByTestId('merge-what');
    await what.waitFor();
    expect(await what.textContent()).toContain('перейдуть до запису');
    const submit = page.getByRole('button', { name: 'Об’єднати записи' });
    expect(await submit.isDisabled()).toBe(true);
    await screenshotBoth(page, 'lists-merge-uk');
    await page.getByLabel('Я перевірив(ла): це одна й та сама людина').check();
    // Keep E-2 (the first record registered).
    await page.getByRole('radio', { name: /E-2/ }).check();
    await submit.click();
    await page.getByText('Записи об’єднано.').waitFor();
    const e4 = s.db.prepare("SELECT deleted FROM persons WHERE ref = 'E-4'").get() as { deleted: number };
    expect(e4.deleted).toBe(1);
    expect(findPersonByRefOrId(s.db, 'E-2')!.unit).toBe('А1234');
    expect(listSightings(s.db, e2)).toHaveLength(1);
    expect(suite.app.problems).toEqual([]);
  });

  it('reads in English too: the same list, reasons translated', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Alt+7');
    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: 'Lists' }).waitFor();
    await page.getByRole('button', { name: 'Опитування звільненого № 12' }).click();
    await page.getByTestId('lists-review').waitFor();
    await expect.poll(() => page.getByTestId('lists-progress').textContent()).toContain('Reviewed 5 of 5');
    await expect.poll(() => page.getByTestId('lists-entry-panel').textContent()).toContain('surname: Russian form of Ковальов');
    await screenshotBoth(page, 'lists-review-en');
    expect(suite.app.problems).toEqual([]);
  });
});
