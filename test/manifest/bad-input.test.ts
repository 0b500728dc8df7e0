// Bad input still gives a sensible document: nobody on the round, no dates of birth, very long names, 2 000 people.
import { describe, expect, it } from 'vitest';
import { manifestPdf } from '../../electron/core/manifest';
import { entry, round } from './fixtures';
import { pageCount, pdftotext, save, words } from './pdf';

const DATE = new Date('2026-11-29T00:00:00Z');
const opts = { variant: 'field', direction: 'both', date: DATE } as const;

describe('manifest with bad input', () => {
  it('a round with nobody on it: one page per direction says the list is empty, totals 0, signatures still there', async () => {
    const m = await manifestPdf(round(0, 0, { place: null, date: null, mediators: [] }), opts);
    const file = save(m.bytes);
    expect(pageCount(file)).toBe(1);
    const text = pdftotext(file);
    expect(text.match(/Список порожній \/ The list is empty/g)).toHaveLength(2);
    expect(text.match(/Разом \/ Total: 0/g)).toHaveLength(2);
    expect(text).toContain('Сторона, що приймає');
    expect(m.people).toBe(0);
  });

  it('withdrawn and rejected entries are neither printed nor counted', async () => {
    const r = round(0, 0, {
      entries: [entry(1, { direction: 'receive', state: 'withdrawn', surname: 'Відкликаний' }), entry(4, { direction: 'receive', state: 'agreed' })],
    });
    const m = await manifestPdf(r, opts);
    const text = pdftotext(save(m.bytes));
    expect(text).not.toContain('ВІДКЛИКАНИЙ');
    expect(m.people).toBe(1);
  });

  it('no date of birth, no Latin, no unit: a dash, never an empty or shifted column', async () => {
    const r = round(0, 0, {
      entries: [
        entry(4, {
          surname: 'Коваленко',
          dateOfBirth: null,
          surnameLatin: null,
          givenNameLatin: null,
          patronymicLatin: null,
          rank: null,
          unit: null,
          documentNumbers: null,
          icrcRef: null,
          direction: 'receive',
        }),
      ],
    });
    const text = pdftotext(save((await manifestPdf(r, opts)).bytes));
    const line = text.split('\n').find((l) => l.includes('КОВАЛЕНКО'))!;
    expect(line.match(/—/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('a 120-character name wraps inside its column; every letter is on the page, nothing past the margin', async () => {
    const long = 'Д'.repeat(40) + 'Ж'.repeat(40) + 'Щ'.repeat(40);
    const spaced = Array.from({ length: 12 }, (_, i) => `Слово${i}дуже`).join(' ');
    const r = round(0, 0, { entries: [entry(0, { surname: long, direction: 'receive' }), entry(4, { givenName: spaced, direction: 'receive' })] });
    const file = save((await manifestPdf(r, opts)).bytes);
    const ws = words(file);
    const letters = ws.map((w) => w.word).join('');
    expect(letters.match(/Д/g)!.length).toBeGreaterThanOrEqual(40);
    expect(letters.match(/Щ/g)!.length).toBeGreaterThanOrEqual(40);
    expect(letters).toContain('Слово11дуже');
    for (const w of ws) expect(w.x1).toBeLessThanOrEqual(595.28 - 30);
  });

  it('2 000 people: every one numbered, section totals add up, pages numbered to the end', async () => {
    const r = round(0, 2000);
    const m = await manifestPdf(r, { ...opts, variant: 'mediator' });
    const file = save(m.bytes);
    const pages = pageCount(file);
    expect(m.people).toBe(2000);
    expect(pdftotext(file, pages)).toContain(`сторінка ${pages} з ${pages}`);
    const text = pdftotext(file);
    const totals = [...text.matchAll(/Усього в розділі \/ Section total: (\d+)/g)].map((x) => Number(x[1]));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(2000);
  }, 120_000);
});
