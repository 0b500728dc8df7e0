// A whole round in the window: create, both lists from the register, balance, freeze, handover by keyboard with an
// undo, closing with its sentence, the liaison's tasks, the dashboard; screenshots at both sizes in uk and en.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addEntries, createRound } from '../../electron/core/exchanges';
import { createPerson } from '../../electron/core/register/persons';
import { addRelative } from '../../electron/core/register/relatives';
import { Writer } from '../../electron/core/db/write';
import type { Core } from '../../electron/core';
import type { ObminApi } from '../../shared/ipc/api';
import { ROOT, screenshotBoth } from './harness';
import { appAfterFirstRun } from './flows';

function seed(core: Core): void {
  const s = core.require();
  const w = new Writer(s.db, s.operator.id);
  s.db.transaction(() => {
    const ours = [
      { ref: 'X-1', surname: 'Вигаданенко', givenName: 'Петро', category: 'military' as const, unit: 'в/ч А0001', status: 'captivity_confirmed' as const },
      {
        ref: 'X-2',
        surname: 'Тестовенко',
        givenName: 'Олена',
        category: 'civilian' as const,
        documentNumbers: 'АА000001',
        status: 'captivity_confirmed' as const,
      },
      { ref: 'X-3', surname: 'Прикладенко', givenName: 'Іван', category: 'military' as const, status: 'captivity_suspected' as const },
    ];
    for (const p of ours) {
      const made = createPerson(w, { ...p, side: 'ours', dateOfBirth: p.ref === 'X-3' ? null : '1990-01-01' });
      if (p.ref === 'X-1') addRelative(w, { personId: made.id, name: 'Вигаданенко Ганна', relation: 'мати', phone: '+380000000009', consent: true });
    }
    createPerson(w, {
      ref: 'H-1',
      surname: 'Вымышленный',
      givenName: 'Иван',
      category: 'military',
      side: 'held',
      dateOfBirth: '1991-01-01',
      unit: 'в/ч 00001',
    });
    createPerson(w, { ref: 'H-2', surname: 'Примерный', givenName: 'Пётр', category: 'military', side: 'held', dateOfBirth: '1992-01-01', unit: 'в/ч 00002' });
  })();
}

const confirmAll = (page: Page) => page.on('dialog', (d) => void d.accept());

describe('Exchanges: a whole round in the window', () => {
  const suite = appAfterFirstRun(async (a) => {
    seed(a.core);
    confirmAll(a.page);
  });

  it('creates round 68 and builds both lists from the register; the balance warns person by person', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Обміни' }).waitFor();
    await page.getByRole('button', { name: 'Новий обмін' }).click();
    await page.getByLabel('Номер обміну').fill('68');
    await page.getByLabel('Місце передачі').fill('Вигаданий пункт');
    await page.getByLabel('ОАЕ').check();
    await page.getByRole('button', { name: 'Створити' }).click();
    await page.getByRole('heading', { name: /68-й обмін/ }).waitFor();

    await page.getByRole('button', { name: 'Додати до «приймаємо»' }).click();
    await expect.poll(() => page.getByText('Знайдено: 3').count()).toBe(1);
    await page.getByRole('button', { name: 'Додати всіх знайдених (3)' }).click();
    await page.getByText('Додано: 3').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Додати до «передаємо»' }).click();
    await expect.poll(() => page.getByText('Знайдено: 2').count()).toBe(1);
    await page
      .getByTestId('add-results')
      .getByLabel(/Вымышленный/)
      .check();
    await page.getByRole('button', { name: 'Додати вибраних (1)' }).click();
    await page.getByText('Додано: 1').waitFor();
    await page.keyboard.press('Escape');

    const balance = page.getByTestId('balance');
    await expect.poll(() => balance.locator('tr[data-direction="receive"] td.strong').textContent()).toBe('3');
    expect(await balance.locator('tr[data-direction="give"] td.strong').textContent()).toBe('1');
    expect(await balance.textContent()).toContain('Застережень: 1');
    const x3 = page.getByTestId('list-receive').locator('tr[data-person="X-3"]');
    expect(await x3.textContent()).toContain('полон не підтверджено');
    expect(await x3.textContent()).toContain('немає дати народження');
    await screenshotBoth(page, 'exchanges-round-uk');
  });

  it('freezes v1, then marks the handover by keyboard with an undo, and records an unexpected arrival', async () => {
    const { page } = suite.app;
    await page.getByRole('button', { name: 'Заморозити пропозицію' }).click();
    await page.getByText('Пропозиція надіслана — чекаємо відповіді сторони.').waitFor();
    expect(await page.getByTestId('proposals').textContent()).toContain('v1 · надіслано');
    // the frozen lists offer no way to change them
    expect(await page.getByRole('button', { name: 'Додати до «приймаємо»' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Режим передачі' }).click();
    const progress = () => page.getByTestId('handover-progress').textContent();
    await expect.poll(progress).toBe('Позначено 0 з 4');
    await page.locator('.handover-rows').focus();
    await page.keyboard.press('h');
    await expect.poll(progress).toBe('Позначено 1 з 4');
    await page.keyboard.press('h');
    await expect.poll(progress).toBe('Позначено 2 з 4');
    await page.keyboard.press('Control+z');
    await expect.poll(progress).toBe('Позначено 1 з 4');
    await page.keyboard.press('n');
    await expect.poll(progress).toBe('Позначено 2 з 4');
    // the rest by touch
    for (const left of ['Позначено 3 з 4', 'Позначено 4 з 4']) {
      await page.locator('.handover-row[data-state="proposed"]').first().getByRole('button', { name: 'Передано' }).click();
      await expect.poll(progress).toBe(left);
    }
    await page.getByRole('button', { name: '+ Неочікуване прибуття' }).click();
    await page.getByLabel('Прізвище', { exact: true }).fill('Несподіваний');
    await page.getByLabel('Ім’я', { exact: true }).fill('Артем');
    await page.getByRole('button', { name: 'Записати прибуття' }).click();
    await expect.poll(progress).toBe('Позначено 5 з 5');
    await screenshotBoth(page, 'exchanges-handover-uk');
  });

  it('closes with its summary sentence; the liaison sees whom to call and logs the call', async () => {
    const { page } = suite.app;
    await page.getByRole('button', { name: 'Вийти з режиму передачі' }).click();
    await page.getByRole('button', { name: 'Закрити обмін' }).click();
    expect(await page.getByRole('dialog').textContent()).toContain('Передано: 4 · не доставлено: 1 · відмов: 0');
    await page.getByRole('dialog').getByRole('button', { name: 'Закрити обмін' }).click();
    const sentence = await page.getByTestId('close-summary').textContent();
    expect(sentence).toMatch(/^68-й обмін: повернуто \d особ(а|и) — /);
    await screenshotBoth(page, 'exchanges-closed-uk');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /До обмінів/ }).click();
    expect(await page.getByTestId('rounds-table').locator('tr[data-round="68"]').textContent()).toContain('закрито');
    await page.getByRole('button', { name: 'Завдання зв’язківця' }).click();
    const task = page.getByTestId('tasks').locator('li[data-person="X-1"]');
    await task.getByLabel('Що сказали').fill('Повідомили про повернення (вигадано)');
    await task.getByRole('button', { name: 'Записати дзвінок' }).click();
    await expect.poll(() => page.getByTestId('tasks').locator('li[data-person="X-1"]').count()).toBe(0);
    const db = suite.app.core.require().db;
    // the summary is sealed under the family key, so SQL sees only the kind (its text: test/exchanges/round.test.ts)
    expect(db.prepare("SELECT count(*) FROM contact_log WHERE kind = 'notification'").pluck().get()).toBe(1);
  });

  it('the dashboard charts the rounds (no network, no inline style) and counts the open work', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Alt+0');
    await page.getByTestId('dashboard').waitFor();
    await page.getByTestId('rounds-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('dash-tasks').textContent()).toMatch(/^\d+Родин до сповіщення$/);
    await screenshotBoth(page, 'dashboard-uk');
    expect(suite.app.problems).toEqual([]);
  });

  it('reads in English: the closed round, handover rows and the dashboard', async () => {
    const { page } = suite.app;
    await page.keyboard.press('Alt+7');
    await page.getByRole('button', { name: 'English' }).click();
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { name: 'Exchanges' }).waitFor();
    await page.getByTestId('rounds-table').locator('tr[data-round="68"] button').click();
    await page.getByRole('heading', { name: /Round 68/ }).waitFor();
    expect(await page.getByTestId('round-summary').textContent()).toMatch(/^Round 68: \d (person|people) returned — /);
    expect(await page.getByTestId('list-receive').locator('tr[data-person="X-3"]').textContent()).toContain('not delivered');
    await screenshotBoth(page, 'exchanges-round-en');
    await page.keyboard.press('Alt+0');
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByTestId('rounds-chart').locator('canvas').waitFor();
    await screenshotBoth(page, 'dashboard-en');
    expect(suite.app.problems).toEqual([]);
  });
});

describe('Exchanges: a round of 1 000 + 1 000 people', () => {
  const suite = appAfterFirstRun((a) => {
    const s = a.core.require();
    const w = new Writer(s.db, s.operator.id);
    s.db.transaction(() => {
      const ids = { receive: [] as string[], give: [] as string[] };
      for (let i = 0; i < 2000; i++) {
        const held = i % 2 === 1;
        const p = createPerson(
          w,
          {
            ref: `B-${i}`,
            surname: `Вигаданий${i}`,
            givenName: 'Тарас',
            side: held ? 'held' : 'ours',
            category: i % 3 === 0 ? 'civilian' : 'military',
            dateOfBirth: i % 7 ? '1990' : null,
            unit: 'А1',
          },
          { audit: false },
        );
        ids[held ? 'give' : 'receive'].push(p.id);
      }
      const round = createRound(w, { number: 90, mediators: ['icrc'] });
      addEntries(w, round.id, 'receive', ids.receive);
      addEntries(w, round.id, 'give', ids.give);
    })();
  });

  it('paints the round page with both lists', { timeout: 240_000 }, async () => {
    const { page } = suite.app;
    await page.keyboard.press('Alt+3');
    await page.getByTestId('rounds-table').waitFor();
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const t0 = performance.now();
            document.querySelector<HTMLButtonElement>('tr[data-round="90"] button')!.click();
            const painted = () =>
              document.querySelector('[data-testid="list-give"] tr[data-person]') &&
              document.querySelector('[data-testid="list-receive"] tr[data-person]') &&
              document.querySelector('[data-testid="balance"]');
            const check = () => (painted() ? resolve(performance.now() - t0) : requestAnimationFrame(check));
            requestAnimationFrame(check);
          }),
      );
      times.push(Math.round(ms));
      // the first screenful of each list is painted; the balance counts all 1 000 + 1 000
      await expect.poll(() => page.getByTestId('list-receive').locator('tr[data-person]').count()).toBe(20);
      expect(await page.getByTestId('balance').locator('tr[data-direction="give"] td.strong').textContent()).toBe('1000');
      await page.getByRole('button', { name: /До обмінів/ }).click();
      await page.getByTestId('rounds-table').waitFor();
    }
    // Where the time goes: each call as the page makes it (bridge + core + the preload's result check).
    const id = suite.app.core.require().db.prepare('SELECT id FROM exchange_rounds WHERE number = 90').pluck().get() as string;
    const calls = await page.evaluate(async (rid) => {
      const api = (window as unknown as { obmin: ObminApi }).obmin;
      const t = async (f: () => Promise<unknown>) => {
        const t0 = performance.now();
        await f();
        return Math.round(performance.now() - t0);
      };
      return {
        get: await t(() => api.exchanges.get({ id: rid })),
        entries200: await t(() => api.exchanges.entries({ roundId: rid, direction: 'receive', limit: 200 })),
        entries50: await t(() => api.exchanges.entries({ roundId: rid, direction: 'receive', limit: 50 })),
        personsSearch200: await t(() => api.persons.search({ query: '', limit: 200 })),
      };
    }, id);
    fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    fs.writeFileSync(path.join(ROOT, 'test-results/exchanges-ui-figures.json'), JSON.stringify({ roundPagePaintMs: times, callsMs: calls }, null, 2));
  });
});
