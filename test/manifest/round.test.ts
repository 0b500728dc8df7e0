// A round held in a real encrypted vault: its manifest through the router, the print log, and `check` after changes.
import { execFileSync } from 'node:child_process';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { bench, person, type Bench } from '../exchanges/helpers';
import { pdftotext, save } from './pdf';

let b: Bench;
let roundId = '';
const receive: string[] = [];
const give: string[] = [];

beforeAll(async () => {
  b = await bench();
  const r = await b.call('exchanges.create', { number: 68, place: 'Вигаданий пункт передачі', plannedDate: '2026-12-01', mediators: ['uae', 'icrc'] });
  roundId = r.id;
  for (const [i, s] of ['Ґудзь', 'Бондар', 'Єременко'].entries())
    receive.push(await person(b, { surname: s, givenName: 'Олексій', surnameLatin: s === 'Ґудзь' ? 'Hudz' : null, givenNameLatin: 'Oleksii', ref: `MR-${i}` }));
  receive.push(
    await person(b, { surname: 'Цивільна', givenName: 'Марія', category: 'civilian', ref: 'MR-C', unit: null, documentNumbers: 'паспорт ВГ000001' }),
  );
  for (const s of ['Вигаданов', 'Придуманов']) give.push(await person(b, { surname: s, side: 'held', ref: `MG-${s}` }));
  await b.call('exchanges.add', { roundId, direction: 'receive', personIds: receive });
  await b.call('exchanges.add', { roundId, direction: 'give', personIds: give });
});

describe('manifest of a round in the vault', () => {
  it('prints the round as held, with mediators in both languages; writing it records the code and audits it', async () => {
    const d = await b.call('manifest.output', { request: { kind: 'manifest', exchange: 68, variant: 'field', direction: 'both' }, action: 'print' });
    const text = pdftotext(save(Buffer.from(d.pdfBase64, 'base64')));
    expect(text).toContain('ҐУДЗЬ Олексій');
    expect(text).toContain('HUDZ Oleksii');
    expect(text).toContain('ОАЕ / UAE');
    expect(text).toContain('Вигаданий пункт передачі');
    expect(text).toContain('паспорт ВГ000001');
    expect(text).toMatch(/Разом \/ Total: 4/);
    expect(text).toMatch(/Разом \/ Total: 2/);
    const db = b.core.require().db;
    expect(db.prepare("SELECT count(*) AS n FROM audit WHERE action = 'manifest.print' AND target = 'exchange 68'").get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT round_number FROM manifest_snapshots WHERE code = ?').get(d.code)).toEqual({ round_number: 68 });
    expect(await b.call('manifest.check', { code: d.code.toLowerCase().replace(/-/g, ' ') })).toMatchObject({ matches: true, round: 68, differences: [] });
  });

  it('full variant embeds the stored photo of a person on the round (pdfimages sees it); others say they have none', async () => {
    const png = await QRCode.toBuffer('вигадане фото', { type: 'png', width: 160 });
    await b.call('attachments.add', { personId: receive[0]!, kind: 'photo', mime: 'image/png', filename: 'f.png', dataBase64: png.toString('base64') });
    const d = await b.call('manifest.render', { request: { kind: 'manifest', exchange: 68, variant: 'full', direction: 'receive' } });
    const file = save(Buffer.from(d.pdfBase64, 'base64'));
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l))).toHaveLength(1);
    expect(pdftotext(file)).toContain('немає фото');
  });

  it('check names what changed since printing: an added person, a removed one, a changed date of birth', async () => {
    const d = await b.call('manifest.output', { request: { kind: 'manifest', exchange: 68, variant: 'mediator', direction: 'receive' }, action: 'save' });
    const extra = await person(b, { surname: 'Доданий', ref: 'MR-NEW' });
    await b.call('exchanges.add', { roundId, direction: 'receive', personIds: [extra] });
    await b.call('persons.update', { id: receive[1]!, patch: { dateOfBirth: '1977-07-07' } });
    const page = await b.call('exchanges.entries', { roundId, direction: 'receive', limit: 5000 });
    const gone = page.rows.find((e) => e.personId === receive[2])!;
    await b.call('exchanges.withdraw', { entryId: gone.id });
    const c = await b.call('manifest.check', { code: d.code });
    expect(c.matches).toBe(false);
    expect(c.snapshotKnown).toBe(true);
    const byRef = Object.fromEntries(c.differences.map((x) => [x.ref, x]));
    expect(byRef['MR-NEW']).toMatchObject({ change: 'added', direction: 'receive' });
    expect(byRef['MR-1']).toMatchObject({ change: 'changed', fields: ['dateOfBirth'] });
    expect(byRef['MR-2']).toMatchObject({ change: 'removed' });
    expect(c.differences).toHaveLength(3);
    // A code this site never printed: mismatch, no entry list, said plainly.
    const foreign = await b.call('manifest.check', { code: 'R68-0000-0000-0000-0000' });
    expect(foreign).toMatchObject({ matches: false, snapshotKnown: false, differences: [] });
  });
});
