// The manifest PDF as a person and an auditor see it: text, fonts, numbering, totals, glyphs on the page, same bytes.
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { manifestPdf } from '../../electron/core/manifest';
import { printablePhoto } from '../../electron/core/manifest/photos';
import { entry, round } from './fixtures';
import { fonts, inkIn, keepPng, pageCount, pdftotext, raster, save, words } from './pdf';

const DATE = new Date('2026-11-29T00:00:00Z');

describe('manifest PDF', () => {
  it('field: names in Cyrillic and Latin, every font embedded, "N з M" and the code on every page, totals right', async () => {
    const r = round(0, 60);
    const m = await manifestPdf(r, { variant: 'field', direction: 'both', date: DATE });
    const file = save(m.bytes);
    keepPng(file, 'field');
    const text = pdftotext(file);
    expect(text).toContain('ҐУДЗЬ Григорій Вікторович');
    expect(text).toContain('HUDZ Hryhorii Viktorovych');
    expect(text).toContain('ЄРЕМЕНКО');
    expect(text).toContain('Маніфест обміну · Обмін № 68');
    expect(text).toContain('пункт пропуску «Північ»');
    const fs = fonts(file);
    expect(fs.length).toBeGreaterThan(0);
    for (const f of fs) expect(f).toMatchObject({ emb: 'yes', uni: 'yes' });
    const pages = pageCount(file);
    expect(m.pages).toBe(pages);
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p++) {
      const t = pdftotext(file, p);
      expect(t).toContain(`сторінка ${p} з ${pages} / page ${p} of ${pages}`);
      expect(t).toContain(m.code);
    }
    // 60 people: i % 3 === 2 give (20), the rest receive (40); categories cycle military, military, civilian, remains.
    expect(m.people).toBe(60);
    expect(text).toMatch(/Разом \/ Total: 40/);
    expect(text).toMatch(/Разом \/ Total: 20/);
    const receiveMilitary = r.entries.filter((e) => e.direction === 'receive' && e.category === 'military').length;
    expect(text).toContain(`Військовослужбовці / Service members — ${receiveMilitary}`);
    expect(text).toContain('Сторона, що передає');
    expect(text).toContain('Посередник / свідок МКЧХ');
    expect(text).toContain('пакет не створено / no package');
  });

  it('glyphs really render: the page has ink where pdftotext says the names are', async () => {
    const m = await manifestPdf(round(0, 12), { variant: 'field', direction: 'receive', date: DATE });
    const file = save(m.bytes);
    const ws = words(file).filter((w) => /^[А-ЯҐЄІЇ]{4,}$/.test(w.word));
    expect(ws.length).toBeGreaterThan(5);
    const img = raster(file, 1, 100);
    for (const w of ws) expect(inkIn(img, w)).toBeGreaterThan(0.02);
    // and a box of the same size in the empty right margin has none (the check can fail)
    expect(inkIn(img, { x0: 565, y0: 300, x1: 590, y1: 310 })).toBe(0);
  });

  it('sorted in Ukrainian alphabetical order: Ґ after Г, Є after Е, І and Ї after И', async () => {
    const names = ['Яковенко', 'Ігнатенко', 'Їжак', 'Гаврилюк', 'Ґава', 'Євтух', 'Етнер', 'Иванів', 'Абрамов'];
    const r = round(0, 0, { entries: names.map((s, i) => entry(i * 12, { surname: s, direction: 'receive', category: 'civilian' })) });
    const file = save((await manifestPdf(r, { variant: 'mediator', direction: 'receive', date: DATE })).bytes);
    const text = pdftotext(file);
    const order = names
      .map((n) => text.indexOf(n.toLocaleUpperCase('uk')))
      .map((i, k) => [i, names[k]] as const)
      .sort((a, b) => a[0] - b[0])
      .map((x) => x[1]);
    expect(order).toEqual(['Абрамов', 'Гаврилюк', 'Ґава', 'Етнер', 'Євтух', 'Иванів', 'Ігнатенко', 'Їжак', 'Яковенко']);
  });

  it('reproducible: the same data gives the same bytes; the code ignores the variant and follows the data', async () => {
    const r = round(0, 30);
    const a = await manifestPdf(r, { variant: 'field', direction: 'both', date: DATE });
    const b = await manifestPdf(structuredClone(r), { variant: 'field', direction: 'both', date: DATE });
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const c = await manifestPdf(r, { variant: 'mediator', direction: 'give', date: DATE });
    expect(c.code).toBe(a.code);
    const changed = structuredClone(r);
    changed.entries[3]!.dateOfBirth = '1999-09-09';
    expect((await manifestPdf(changed, { variant: 'field', direction: 'both', date: DATE })).code).not.toBe(a.code);
    const later = await manifestPdf(r, { variant: 'field', direction: 'both', date: new Date('2026-12-01T00:00:00Z') });
    expect(Buffer.compare(a.bytes, later.bytes)).not.toBe(0);
  });

  it('mediator: names, dates of birth and category only', async () => {
    const r = round(0, 8);
    const m = await manifestPdf(r, { variant: 'mediator', direction: 'both', date: DATE });
    const file = save(m.bytes);
    keepPng(file, 'mediator');
    const text = pdftotext(file);
    expect(text).toContain('Категорія');
    expect(text).not.toContain('ICRC-');
    expect(text).not.toContain('в/ч');
    expect(text).not.toContain('паспорт');
    expect(text).toContain(r.entries[0]!.dateOfBirth!);
  });

  it('full: photos printed; a missing or huge photo says so and the rest prints', async () => {
    const png = await QRCode.toBuffer('фото', { type: 'png', width: 120 });
    const huge = Buffer.concat([Buffer.from([0xff, 0xd8]), Buffer.alloc(3_000_000), Buffer.from([0xff, 0xd9])]);
    const r = round(0, 0, {
      entries: [
        entry(1, { direction: 'receive', category: 'military', photoSha256: 'a'.repeat(64) }),
        entry(2, { direction: 'receive', category: 'military', surname: 'Бойко', surnameLatin: 'Boiko', photoSha256: 'b'.repeat(64) }),
        entry(3, { direction: 'receive', category: 'military', surname: 'Мельник', surnameLatin: 'Melnyk', photoSha256: 'c'.repeat(64) }),
      ],
    });
    expect(printablePhoto(png)).toBe(png);
    expect(printablePhoto(huge)).toBeNull();
    expect(printablePhoto(Buffer.from('not an image at all'))).toBeNull();
    const photos = new Map<string, Buffer | null>([
      ['a'.repeat(64), printablePhoto(png)],
      ['b'.repeat(64), null],
      ['c'.repeat(64), printablePhoto(huge)],
    ]);
    const m = await manifestPdf(r, { variant: 'full', direction: 'receive', date: DATE, photos });
    const file = save(m.bytes);
    keepPng(file, 'full');
    const text = pdftotext(file);
    expect(text).toContain('недоступне');
    expect(text).toContain('ҐУДЗЬ');
    expect(text).toContain('БОЙКО');
    expect(text).toContain('МЕЛЬНИК');
    expect(m.bytes.length).toBeLessThan(500_000);
  });
});
