// «Передавання» in the window: the fingerprint ceremony for a second site's card, a changes file received (verified,
// previewed, applied), a file written to the "drive", the header badge following each step, and a tampered file
// refused in plain words with nothing changed. The second site is a real vault driven through the core; the media
// dialogs are main's glue (electron/main/media.ts) answering with test paths.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { addPeer, exportIdentity } from '../../electron/core/transfer/identity';
import { importFile } from '../../electron/core/transfer/importFile';
import { verifyFile } from '../../electron/core/transfer/importFile';
import { addEntries, createRound } from '../../electron/core/exchanges';
import { createPerson } from '../../electron/core/register/persons';
import { Writer } from '../../electron/core/db/write';
import { tmpDir } from '../helpers/tmp';
import { ctx, dbHash, demo, site } from '../transfer/sites';
import { screenshot } from './harness';
import { appAfterFirstRun, SITE } from './flows';

describe('transfers between two sites in the window', () => {
  const suite = appAfterFirstRun();
  let office: Core;
  const media = tmpDir('obmin-e2e-usb-');
  const badge = () => suite.app.page.getByTestId('unsynced');
  const persons = () => suite.app.core.require().db.prepare('SELECT count(*) FROM persons').pluck().get() as number;
  let officeFile = '';

  beforeAll(async () => {
    office = await site('OFFICE-ONE');
    await demo(office, 6);
  }, 120_000);
  afterAll(() => office?.close());

  it('a new site says synchronisation is not set up; the card is trusted only after the ceremony', async () => {
    const { page } = suite.app;
    await badge().waitFor();
    expect(await badge().getAttribute('data-state')).toBe('none');
    expect(await badge().textContent()).toBe('Синхронізацію не налаштовано');
    await badge().click();
    await page.getByRole('heading', { name: 'Передавання', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Вузли й довіра' }).click();

    const card = await exportIdentity(ctx(office), path.join(media, 'office.card'));
    suite.app.media.open = card.file;
    await page.getByRole('button', { name: 'Імпортувати картку вузла' }).click();
    await page.getByRole('heading', { name: 'Звірка відбитка вузла OFFICE-ONE' }).waitFor();
    expect(await page.getByTestId('peers').textContent()).toContain('Очікує звірки');
    expect(await badge().getAttribute('data-state')).toBe('none'); // a pending card trusts nothing yet
    await screenshot(page, 'transfers-ceremony-uk');
    await page.getByRole('button', { name: 'Усі слова збігаються — довіряти' }).click();
    await page.getByRole('heading', { name: 'Звірка відбитка вузла OFFICE-ONE' }).waitFor({ state: 'detached' });
    await expect.poll(async () => page.getByTestId('peers').textContent()).toContain('Довірений');
    await expect.poll(async () => badge().getAttribute('data-state')).not.toBe('none');

    // The office trusts this site the same way (through its core).
    const mine = await exportIdentity(ctx(suite.app.core), path.join(media, 'hq.card'));
    expect(addPeer(ctx(office), mine.file, mine.fingerprint)).toMatchObject({ site: SITE.code, status: 'trusted' });
  });

  it('receives the office’s changes: signature checked, preview, applied with the register grown', async () => {
    const { page } = suite.app;
    const f = await exportFile(ctx(office), [SITE.code], path.join(media, 'office-1.obmin'));
    officeFile = f.file;
    const want = office.require().db.prepare('SELECT count(*) FROM persons').pluck().get() as number;
    expect(persons()).toBe(0);
    await page.getByRole('tab', { name: 'Прийняти файл' }).click();
    suite.app.media.open = f.file;
    await page.getByRole('button', { name: 'Обрати файл на носії' }).click();
    await page.getByTestId('transfer-verified').waitFor();
    expect(await page.getByTestId('transfer-verified').textContent()).toContain('Підпис перевірено. Файл від вузла OFFICE-ONE');
    expect(await page.getByTestId('transfer-preview').textContent()).toContain(`Файл додасть ${f.records}, змінить 0`);
    expect(persons()).toBe(0); // the preview wrote nothing
    await screenshot(page, 'transfers-preview-uk');
    await page.getByRole('button', { name: 'Застосувати' }).click();
    await page.getByTestId('transfer-applied').waitFor();
    expect(await page.getByTestId('transfer-applied').textContent()).toBe(`Застосовано: додано ${f.records}, змінено 0.`);
    expect(persons()).toBe(want);
    // What arrived is now waiting to go on to the office's peers here: the badge counts it.
    await expect.poll(async () => badge().getAttribute('data-state')).toBe('waiting');
    expect(await badge().textContent()).toMatch(/чека\S* на відправлення/);
  });

  it('writes a file for the office; the badge says sent, then all acknowledged once the office’s acknowledgement comes', async () => {
    const { page } = suite.app;
    const drive = tmpDir('obmin-e2e-drive-');
    suite.app.media.folder = drive;
    await page.getByRole('tab', { name: 'Записати файл' }).click();
    await page.getByRole('checkbox', { name: /OFFICE-ONE/ }).check();
    await page.getByRole('button', { name: 'Обрати носій і записати' }).click();
    await page.getByTestId('transfer-written').waitFor();
    const [name] = fs.readdirSync(drive);
    expect(name).toMatch(/^obmin_KYIV-HQ_to_OFFICE-ONE_0001_\d{4}-\d{2}-\d{2}\.obmin$/);
    expect(await page.getByTestId('transfer-written').textContent()).toContain(path.join(drive, name!));
    await expect.poll(async () => badge().getAttribute('data-state')).toBe('unacknowledged');
    expect(await badge().textContent()).toBe('Надіслано, ще не підтверджено');
    await page.getByRole('tab', { name: 'Вузли й довіра' }).click();
    const row = page.locator('[data-testid="peers"] tr[data-site="OFFICE-ONE"]');
    // Until the office acknowledges, everything it was sent still waits (the next file carries it again); one file out.
    const replicated = suite.app.core.require().db.prepare('SELECT count(*) FROM change_log WHERE oseq IS NOT NULL').pluck().get() as number;
    expect(replicated).toBeGreaterThan(0);
    expect(await row.locator('td.num').allTextContents()).toEqual([String(replicated), '1']);

    // The office applies it and acknowledges; this site receives the acknowledgement.
    expect(await importFile(ctx(office), path.join(drive, name!))).toMatchObject({ applied: true });
    const ack = await exportFile(ctx(office), [SITE.code], path.join(media, 'office-ack.obmin'), 'ack');
    await page.getByRole('tab', { name: 'Прийняти файл' }).click();
    suite.app.media.open = ack.file;
    await page.getByRole('button', { name: 'Обрати файл на носії' }).click();
    await page.getByTestId('transfer-preview').waitFor();
    expect(await page.getByTestId('transfer-preview').textContent()).toBe('Це підтвердження: вузол OFFICE-ONE застосував наші файли до № 1.');
    await page.getByRole('button', { name: 'Застосувати' }).click();
    await page.getByTestId('transfer-applied').waitFor();
    await expect.poll(async () => badge().getAttribute('data-state')).toBe('synced');
    expect(await badge().textContent()).toBe('Усе надіслано й підтверджено');
    await page.getByRole('tab', { name: 'Вузли й довіра' }).click();
    await expect.poll(async () => row.locator('td.num').allTextContents()).toEqual(['0', '0']); // acknowledged: nothing waits
  });

  it('a tampered file is refused in plain words and changes nothing', async () => {
    const { page } = suite.app;
    const bytes = fs.readFileSync(officeFile);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    const bad = path.join(media, 'tampered.obmin');
    fs.writeFileSync(bad, bytes);
    const before = dbHash(suite.app.core);
    await page.getByRole('tab', { name: 'Прийняти файл' }).click();
    suite.app.media.open = bad;
    await page.getByRole('button', { name: 'Обрати файл на носії' }).click();
    await page.getByTestId('transfer-refused').waitFor();
    const text = (await page.getByTestId('transfer-refused').textContent()) ?? '';
    expect(text).toContain('Файл відхилено. Нічого не змінено.');
    expect(text).toContain('Підпис не збігається: файл змінено після підписання.');
    expect(await page.getByTestId('transfer-preview').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Застосувати' }).count()).toBe(0);
    await screenshot(page, 'transfers-refused-uk');
    expect(dbHash(suite.app.core)).toBe(before);
    expect(await badge().getAttribute('data-state')).toBe('synced');
    expect(suite.app.problems).toEqual([]);
  });
  it('the round page prepares the field laptop: the round’s exchange package written for the chosen trusted site', async () => {
    const { page } = suite.app;
    const s = suite.app.core.require();
    const w = new Writer(s.db, s.operator.id);
    s.db.transaction(() => {
      const p = createPerson(w, {
        ref: 'F-1',
        surname: 'Польовенко',
        givenName: 'Марко',
        category: 'military',
        side: 'ours',
        status: 'captivity_confirmed',
        dateOfBirth: '1990-02-02',
      });
      const round = createRound(w, { number: 71, mediators: ['icrc'] });
      addEntries(w, round.id, 'receive', [p.id]);
    })();
    const drive = tmpDir('obmin-e2e-field-');
    suite.app.media.folder = drive;
    await page.keyboard.press('Alt+3');
    await page.locator('tr[data-round="71"]').click();
    await page.getByRole('heading', { name: /71-й обмін/ }).waitFor();
    const pkg = page.getByTestId('field-package');
    await pkg.getByRole('heading', { name: 'Підготувати польовий ноутбук' }).waitFor();
    expect(await pkg.getByLabel('Для вузла').inputValue()).toBe('OFFICE-ONE');
    // Every text the progress line shows while the package is written (it is gone once the file is done).
    await page.evaluate(() => {
      const w = window as unknown as { progressSeen: string[] };
      w.progressSeen = [];
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="field-package-progress"]')?.textContent;
        if (text && w.progressSeen.at(-1) !== text) w.progressSeen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await pkg.getByRole('button', { name: 'Обрати носій і записати пакет' }).click();
    await page.getByTestId('field-package-written').waitFor();
    // The core's transfer.export progress reached the window as a percentage, ending at 100 %.
    const progressSeen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(progressSeen).toContain('Записую пакет обміну… 100 %');
    expect(progressSeen.every((t) => /^Записую пакет обміну…( \d+ %)?$/.test(t))).toBe(true);
    const [name] = fs.readdirSync(drive);
    expect(await page.getByTestId('field-package-written').textContent()).toContain(`Пакет обміну для вузла OFFICE-ONE записано: ${path.join(drive, name!)}`);
    // The office can read it as an exchange package from this site.
    const v = await verifyFile(ctx(office), path.join(drive, name!));
    expect(v).toMatchObject({ sender: { site: SITE.code } });
    expect(suite.app.problems).toEqual([]);
  });
});
