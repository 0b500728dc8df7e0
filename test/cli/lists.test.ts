import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { obmin } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';
import { DEV_DIR, HAS_DEV } from '../lists/helpers';

const env = { OBMIN_PASSPHRASE: 'вишня-гора-мідний-ліхтар-42' };

interface Row {
  row: number;
  suggestion: string;
  candidates: { personId: string; ref: string | null; score: number }[];
}

describe.skipIf(!HAS_DEV)('obmin lists', () => {
  const dir = tmpDir();
  beforeAll(() => {
    expect(obmin(['init', '--data', dir, '--site-code', 'LIST-HQ', '--site-name', 'Вигаданий штаб', '--operator', 'Аналітик'], env).code).toBe(0);
    expect(obmin(['persons', 'import', '--data', dir, path.join(DEV_DIR, 'persons.csv')], env).code).toBe(0);
  });

  it('match --json: one object per input row, in order, with at most five candidates best first', () => {
    const r = obmin(['lists', 'match', '--data', dir, path.join(DEV_DIR, 'list.csv'), '--json'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Row[];
    const lines = fs.readFileSync(path.join(DEV_DIR, 'list.csv'), 'utf8').split(/\r?\n/).filter(Boolean).length - 1;
    expect(rows).toHaveLength(lines);
    rows.forEach((row, i) => {
      expect(row.row).toBe(i + 1);
      expect(['link', 'review', 'new']).toContain(row.suggestion);
      expect(row.candidates.length).toBeLessThanOrEqual(5);
      for (const c of row.candidates) {
        expect(typeof c.personId).toBe('string');
        expect(c.ref === null || typeof c.ref === 'string').toBe(true);
        expect(c.score).toBeGreaterThanOrEqual(0);
        expect(c.score).toBeLessThanOrEqual(1);
      }
      for (let k = 1; k < row.candidates.length; k++) expect(row.candidates[k - 1]!.score).toBeGreaterThanOrEqual(row.candidates[k]!.score);
    });
    // Row 1 of the dev list is P004942 (expected.csv), in the Russian form with initials.
    expect(rows[0]!.candidates[0]!.ref).toBe('P004942');
    // It changed nothing: a second run gives the same answer and the register has no sightings.
    const again = obmin(['lists', 'match', '--data', dir, path.join(DEV_DIR, 'list.csv'), '--json'], env);
    expect(again.stdout).toBe(r.stdout);
  });

  it('import saves a list; --accept-links applies the clear links as sightings', () => {
    const file = path.join(tmpDir(), 'debriefing.txt');
    fs.writeFileSync(file, 'МАТВИЕНКО О. И. 17.03.1973\n\nДьячук А., 28.04.1977\nВигаданенко Неіснуючий 01.01.1990\n');
    const r = obmin(
      [
        'lists',
        'import',
        '--data',
        dir,
        file,
        '--kind',
        'debriefing',
        '--title',
        'Опитування 7',
        '--reliability',
        'B',
        '--credibility',
        '2',
        '--accept-links',
        '--json',
      ],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { listId: string; total: number; link: number; new: number; linked: number };
    expect(out.total).toBe(3);
    expect(out.linked).toBe(out.link);
    expect(out.linked).toBeGreaterThanOrEqual(1);
    const show = JSON.parse(obmin(['persons', 'show', '--data', dir, 'P004942', '--json'], env).stdout) as {
      sightings: { source: { reliability: string; title: string } }[];
    };
    expect(show.sightings).toHaveLength(1);
    expect(show.sightings[0]!.source).toMatchObject({ reliability: 'B', title: 'Опитування 7' });
  });

  it('a malformed file: exit 4 and one translated line, nothing written', () => {
    const bad = path.join(tmpDir(), 'bad.csv');
    fs.writeFileSync(bad, 'foo,bar\n1,2\n');
    const r = obmin(['lists', 'match', '--data', dir, bad, '--json'], env);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^obmin: Файл має неправильний формат/);
    const en = obmin(['lists', 'import', '--data', dir, bad, '--lang', 'en'], env);
    expect(en.code).toBe(4);
    expect(en.stderr).toMatch(/^obmin: The file is malformed/);
    const xlsx = path.join(tmpDir(), 'broken.xlsx');
    fs.writeFileSync(xlsx, 'PK not really');
    expect(obmin(['lists', 'match', '--data', dir, xlsx], env).code).toBe(4);
  });

  it('an unknown kind is a usage error (exit 2)', () => {
    expect(obmin(['lists', 'import', '--data', dir, path.join(DEV_DIR, 'list.csv'), '--kind', 'rumour'], env).code).toBe(2);
  });
});
