// person_match (migration 0004): the matcher's copy of each living person, kept by the register's index refresh.
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { matchEntries } from '../../electron/core/lists';
import { createPerson, deletePerson, updatePerson } from '../../electron/core/register/persons';
import { MIGRATIONS, migrate } from '../../electron/core/db/migrations';
import type { Db } from '../../electron/core/vault/database';
import { parseListEntry } from '../../shared/matching';
import { initCore } from '../helpers/tmp';
import { tx } from '../register/helpers';
import { coreWithPersons, HAS_DEV } from './helpers';

const MATCH_COLS = 'ref, surname, given_name, patronymic, date_of_birth, unit';

/** What person_match must hold: the living people's matcher columns, by id. */
function expected(db: Db): unknown[] {
  return db.prepare(`SELECT id AS person_id, ${MATCH_COLS} FROM persons WHERE deleted = 0 ORDER BY id`).all();
}
function actual(db: Db): unknown[] {
  return db.prepare(`SELECT person_id, ${MATCH_COLS} FROM person_match ORDER BY person_id`).all();
}

describe('person_match', () => {
  it('migration 0004 fills it from the people a version-3 database already has', () => {
    const db = new Database(':memory:') as unknown as Db;
    migrate(db, MIGRATIONS.slice(0, 3));
    const ins = db.prepare(
      "INSERT INTO persons (id, ref, surname, given_name, patronymic, date_of_birth, unit, side, category, status, created_at, updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 'ours', 'military', 'missing', 'x', 'x', ?)",
    );
    ins.run('b', 'R-2', 'Шевчук', 'Іван', null, '1970', null, 0);
    ins.run('a', 'R-1', 'Коваленко', 'Олексій', 'Вікторович', '1990-03-05', 'А1234', 0);
    ins.run('c', 'R-3', 'Мельник', 'Петро', null, null, null, 1);
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toEqual({ from: 3, to: 4 });
    expect(actual(db)).toEqual(expected(db));
    expect(actual(db).map((r) => (r as { person_id: string }).person_id)).toEqual(['a', 'b']);
    db.close();
  });

  describe('kept by the write path', () => {
    let core: Core;
    beforeAll(async () => {
      core = await initCore();
    });
    afterAll(() => core?.close());

    it('follows create, edit of a matcher field, edit of another field, delete', () => {
      const db = core.require().db;
      let a = '';
      let b = '';
      tx(core, (w) => {
        a = createPerson(w, {
          ref: 'M-1',
          surname: 'Коваленко',
          givenName: 'Олексій',
          dateOfBirth: '1990-03-05',
          unit: 'А1234',
          side: 'ours',
          category: 'military',
        }).id;
        b = createPerson(w, { ref: 'M-2', surname: 'Шевчук', givenName: 'Іван', side: 'ours', category: 'civilian' }).id;
      });
      expect(actual(db)).toEqual(expected(db));
      tx(core, (w) => updatePerson(w, a, { surname: 'Коваленка', patronymic: 'Вікторович', dateOfBirth: '1990' }));
      tx(core, (w) => updatePerson(w, b, { notes: 'з відео' }));
      expect(actual(db)).toEqual(expected(db));
      expect(matchEntries(db, [parseListEntry({ name: 'Коваленка Олексій Вікторович', dateOfBirth: '1990' })])[0]!.candidates[0]!.ref).toBe('M-1');
      tx(core, (w) => deletePerson(w, a));
      expect(actual(db)).toEqual(expected(db));
      expect(actual(db)).toHaveLength(1);
      expect(matchEntries(db, [parseListEntry({ name: 'Коваленко Олексій', dateOfBirth: '1990' })])[0]!.candidates).toHaveLength(0);
    });
  });

  it.skipIf(!HAS_DEV)('is written by the bulk import (deferred, sorted) for every imported person', async () => {
    const core = await coreWithPersons();
    try {
      const db = core.require().db;
      expect(actual(db)).toEqual(expected(db));
      expect(actual(db).length).toBeGreaterThan(1000);
    } finally {
      core.close();
    }
  });
});
