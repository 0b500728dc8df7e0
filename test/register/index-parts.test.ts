// An update rewrites only the search parts that read a changed field (name keys, FTS body, matcher row): after any
// edit they must be exactly what a full rebuild of the person gives.
import { describe, expect, it } from 'vitest';
import { refreshPersonIndexes } from '../../electron/core/register/indexes';
import type { Db } from '../../electron/core/vault/database';
import { initCore } from '../helpers/tmp';
import { tx } from './helpers';

const ID = 'p-parts';

function snapshot(db: Db, words: string[]) {
  const rowid = db.prepare('SELECT rowid FROM persons WHERE id = ?').pluck().get(ID);
  const fts = Object.fromEntries(
    words.map((w) => [w, db.prepare('SELECT count(*) FROM persons_fts WHERE persons_fts MATCH ? AND rowid = ?').pluck().get(`"${w}"`, rowid)]),
  );
  return {
    keys: db.prepare('SELECT key, kind FROM person_name_keys WHERE person_id = ? ORDER BY key, kind').all(ID),
    match: db.prepare('SELECT * FROM person_match WHERE person_id = ?').all(ID),
    vocab: db.prepare('SELECT count(*) FROM surname_vocab').pluck().get(),
    fts,
  };
}

const EDITS: Record<string, string | null>[] = [
  { unit: 'Вигаданий підрозділ 7' },
  { rank: 'старшина' },
  { notes: 'Вигадана примітка' },
  { status: 'captured' },
  { surname: 'Вигаданчук' },
  { date_of_birth: '1990-02-03' },
  { name_variants: '["Vyhadanchuk"]' },
  { surname_latin: 'Vyhadanchuk', unit: null },
  { ref: 'PARTS-2' },
  { given_name: 'Остап', rank: 'солдат' },
  { patronymic: 'Іванович' },
];

describe('person search parts after an update', () => {
  it('equal a full rebuild after every kind of edit', async () => {
    const core = await initCore();
    const db = core.require().db;
    tx(core, (w) =>
      w.insert(
        'persons',
        ID,
        { ref: 'PARTS-1', surname: 'Вигаданенко', given_name: 'Тарас', side: 'ours', category: 'military', status: 'missing', unit: 'А1000', rank: 'сержант' },
        null,
      ),
    );
    const words = [
      'Вигаданенко',
      'Вигаданчук',
      'Тарас',
      'Остап',
      'Іванович',
      'А1000',
      'Вигаданий',
      'старшина',
      'сержант',
      'солдат',
      'примітка',
      'Vyhadanchuk',
      'PARTS',
    ];
    for (const edit of EDITS) {
      const changed = tx(core, (w) => w.update('persons', ID, edit, null));
      expect(changed, JSON.stringify(edit)).toEqual(Object.keys(edit));
      const partial = snapshot(db, words);
      db.transaction(() => refreshPersonIndexes(db, ID))();
      expect(partial, JSON.stringify(edit)).toEqual(snapshot(db, words));
    }
    expect(snapshot(db, words).fts.Vyhadanchuk).toBe(1);
    core.close();
  });
});
