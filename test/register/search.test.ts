import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { applyImport, previewImport } from '../../electron/core/register/import';
import { createPerson } from '../../electron/core/register/persons';
import { searchPersons } from '../../electron/core/register/search';
import { initCore, newCore, PASS, tmpDir } from '../helpers/tmp';
import { tx } from './helpers';
import { DEV_PERSONS } from '../helpers/devset';

const DEV = DEV_PERSONS;

describe('register search', () => {
  it('finds Григорій Ковальов first for Russian and Latin spellings, without scanning the table', async () => {
    const core = await initCore();
    const s = core.require();
    const p = await previewImport(s.db, { path: DEV });
    await applyImport(s.db, s.operator.id, { token: p.token, skipInvalid: false });
    const target = tx(core, (w) =>
      createPerson(w, { surname: 'Ковальов', givenName: 'Григорій', patronymic: 'Іванович', side: 'ours', category: 'military', ref: 'TARGET' }),
    );
    tx(core, (w) => createPerson(w, { surname: 'Коваленко', givenName: 'Григорій', side: 'ours', category: 'military' }));
    for (const q of ['Grigoriy Kovalev', 'Григорий Ковалёв', 'Hryhorii Kovalov', 'Ковальов Григорій']) {
      const explain: string[] = [];
      const r = searchPersons(s.db, { query: q, filters: {}, offset: 0, limit: 5 }, { explain });
      expect(r.rows[0]?.id, q).toBe(target.id);
      expect(
        explain.filter((d) => /^SCAN (persons|p)\b(?! USING)/.test(d)),
        q,
      ).toEqual([]);
      // Nor walk a filter index over every live person (`deleted=?` alone is the whole table): candidates go by id.
      expect(
        explain.filter((d) => /\(deleted=\?\)$/.test(d)),
        q,
      ).toEqual([]);
    }
  });

  it('filters, sorts and pages', async () => {
    const core = await initCore();
    const router = createRouter(core);
    for (let i = 0; i < 30; i++) {
      await router.handle('persons.create', {
        surname: `Прізвище${String(i).padStart(2, '0')}`,
        side: 'ours',
        category: i % 2 ? 'military' : 'civilian',
        seriouslyWounded: i % 5 === 0,
        facility: i < 10 ? 'Вигадана колонія №1' : null,
        captureDate: i < 3 ? '2022-03-01' : null,
      });
    }
    const page = await router.handle('persons.search', { filters: { category: ['military'] }, sort: { field: 'surname', dir: 'desc' }, offset: 5, limit: 5 });
    expect(page).toMatchObject({ ok: true, value: { total: 15 } });
    const rows = (page as { value: { rows: { surname: string }[] } }).value.rows;
    expect(rows).toHaveLength(5);
    expect(rows[0]!.surname > rows[4]!.surname).toBe(true);
    expect(await router.handle('persons.search', { filters: { seriouslyWounded: true } })).toMatchObject({ value: { total: 6 } });
    expect(await router.handle('persons.search', { filters: { facility: 'колонія' } })).toMatchObject({ value: { total: 10 } });
    expect(await router.handle('persons.search', { filters: { captivityMinDays: 365 } })).toMatchObject({ value: { total: 3 } });
  });
});

describe('register search after a backup is restored', () => {
  it('finds people by their other text (FTS) in the restored copy, pointing at the right person', async () => {
    const core = await initCore();
    const ids = ['якір', 'орел', 'троянда'].map(
      (mark, i) =>
        tx(core, (w) => createPerson(w, { surname: `Вигаданий${i}`, side: 'ours', category: 'military', distinguishingMarks: `татуювання «${mark}» на плечі` }))
          .id,
    );
    const out = path.join(tmpDir(), 'b.obmin-backup');
    core.backup(out);
    const restored = newCore(path.join(tmpDir(), 'restored'));
    await restored.restore(out, null, PASS);
    const db = restored.require().db;
    expect(searchPersons(db, { query: 'орел', filters: {}, offset: 0, limit: 5 }).rows.map((r) => r.id)).toEqual([ids[1]]);
    expect(searchPersons(db, { query: 'троянда', filters: {}, offset: 0, limit: 5 }).rows.map((r) => r.id)).toEqual([ids[2]]);
  });
});

describe('register sorting', () => {
  it('sorts surnames in Ukrainian alphabetical order through the index', async () => {
    const core = await initCore();
    for (const surname of ['Ярош', 'Іванов', 'Ґалаґан', 'Гнатюк', 'Їжак', 'Євтушенко', 'Петренко']) {
      tx(core, (w) => createPerson(w, { surname, side: 'ours', category: 'military' }));
    }
    const explain: string[] = [];
    const r = searchPersons(core.require().db, { query: '', filters: {}, sort: { field: 'surname', dir: 'asc' }, offset: 0, limit: 10 }, { explain });
    expect(r.rows.map((p) => p.surname)).toEqual(['Гнатюк', 'Ґалаґан', 'Євтушенко', 'Іванов', 'Їжак', 'Петренко', 'Ярош']);
    expect(explain.some((d) => /persons_surname_uk/.test(d))).toBe(true);
    expect(explain.some((d) => /USE TEMP B-TREE FOR ORDER BY/.test(d))).toBe(false);
  });
});

describe('an honest count for a text query', () => {
  it('says how many fit well and how many are only similar, the ones that fit first', async () => {
    const core = await initCore();
    const mk = (surname: string, givenName: string) => tx(core, (w) => createPerson(w, { surname, givenName, side: 'ours', category: 'civilian' })).id;
    const fit = [mk('Ярошенко', 'Тетяна'), mk('Ярошенко', 'Тетяна')];
    for (const g of ['Олена', 'Ірина', 'Марія']) mk('Ярошенко', g);
    const r = searchPersons(core.require().db, { query: 'Ярошенко Тетяна', filters: {}, offset: 0, limit: 10 });
    expect(r.total).toBe(5);
    expect(r.good).toBe(2);
    expect(
      r.rows
        .slice(0, 2)
        .map((x) => x.id)
        .sort(),
    ).toEqual([...fit].sort());
    // A surname alone fits everyone who carries it; no query, no split.
    expect(searchPersons(core.require().db, { query: 'Ярошенко', filters: {}, offset: 0, limit: 10 }).good).toBe(5);
    expect(searchPersons(core.require().db, { query: '', filters: {}, offset: 0, limit: 10 }).good).toBeNull();
  });
});
