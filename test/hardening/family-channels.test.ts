// Role filtering coverage: an analyst or a field team gets no family data through any channel that carries people.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { pdftotext, save } from '../manifest/pdf';
import { as, FAMILY, SECRETS, setup, type Ok } from './family';

const none = (text: string, where: string) => {
  for (const secret of SECRETS) expect(text, `${where}: ${secret}`).not.toContain(secret);
  expect(text, where).not.toContain('obmin-fk1:');
};

describe('family data by role, channel by channel', () => {
  for (const role of ['analyst', 'field'] as const) {
    it(`${role}: persons.get / find / search and the dossier carry none of it`, async () => {
      const { dir, id } = await setup();
      const { router } = await as(dir, role);
      for (const [channel, args] of [
        ['persons.get', { id }],
        ['persons.find', { refOrId: id }],
      ] as const) {
        const r = (await router.handle(channel, args)) as Ok<{ person: Record<string, unknown>; relatives: unknown }>;
        expect(r.ok, channel).toBe(true);
        for (const k of Object.keys(FAMILY)) expect(r.value.person[k], `${channel} ${k}`).toBeNull();
        expect(r.value.relatives, channel).toBeNull();
        none(JSON.stringify(r.value), channel);
      }
      const s = (await router.handle('persons.search', { query: '', filters: {}, offset: 0, limit: 50 })) as Ok<{ rows: unknown[] }>;
      expect(s.value.rows).toHaveLength(1);
      none(JSON.stringify(s.value), 'persons.search');
      for (const q of [FAMILY.dnaLabRef, 'Вигадана', 'Батько']) {
        const f = (await router.handle('persons.search', { query: q, filters: {}, offset: 0, limit: 50 })) as Ok<{ rows: unknown[] }>;
        expect(f.value.rows, q).toHaveLength(0);
      }
      const d = (await router.handle('manifest.render', { request: { kind: 'dossier', personId: id } })) as Ok<{ pdfBase64: string }>;
      expect(d.ok).toBe(true);
      const text = pdftotext(save(Buffer.from(d.value.pdfBase64, 'base64')));
      expect(text.toLocaleUpperCase('uk')).toContain('ВИГАДАНЕНКО');
      none(text, 'dossier');
    });
  }

  it('analyst: CSV and XLSX exports carry none of it; a changes file for other sites is refused', async () => {
    const { dir } = await setup();
    const { router } = await as(dir, 'analyst');
    const csv = (await router.handle('persons.export', { format: 'csv', query: '', filters: {} })) as Ok<{ dataBase64: string }>;
    const csvText = Buffer.from(csv.value.dataBase64, 'base64').toString('utf8');
    expect(csvText).toContain('Вигаданенко');
    none(csvText, 'csv');
    const xlsx = (await router.handle('persons.export', { format: 'xlsx', query: '', filters: {} })) as Ok<{ dataBase64: string }>;
    const zip = await JSZip.loadAsync(Buffer.from(xlsx.value.dataBase64, 'base64'));
    const parts = await Promise.all(
      Object.values(zip.files)
        .filter((f) => !f.dir)
        .map((f) => f.async('string')),
    );
    expect(parts.join('\n')).toContain('Вигаданенко');
    none(parts.join('\n'), 'xlsx');
    const t = await router.handle('transfer.export', { to: ['SITE-B'], kind: 'changes', file: '/tmp/obmin-never-written.obx' });
    expect(t).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('field: no export and no changes file at all', async () => {
    const { dir } = await setup();
    const { router } = await as(dir, 'field');
    expect(await router.handle('persons.export', { format: 'csv', query: '', filters: {} })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await router.handle('transfer.export', { to: ['SITE-B'], kind: 'changes', file: '/tmp/obmin-never-written.obx' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
  });
});
