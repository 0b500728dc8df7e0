import { describe, expect, it } from 'vitest';
import { Writer } from '../../electron/core/db/write';
import { applyChanges, changesFor } from '../../electron/core/replication';
import { obmin } from '../helpers/cli';
import { PASS, initCore, tmpDir } from '../helpers/tmp';
import { newSite } from './sites';

const env = { OBMIN_PASSPHRASE: PASS };

async function conflicted(): Promise<{ dir: string; fieldId: string }> {
  const dir = tmpDir();
  const core = await initCore(dir);
  const s = core.require();
  const db = s.db;
  const field = newSite('FIELD');
  db.transaction(() =>
    new Writer(db, s.operator.id).insert(
      'persons',
      'p1',
      { ref: 'HQ-7', surname: 'Ковальчук', side: 'ours', category: 'military', status: 'missing', unit: 'А1' },
      null,
    ),
  )();
  applyChanges(field.db, [...changesFor(db, field.id)]);
  field.tx((w) => w.update('persons', 'p1', { unit: 'Б2' }, null));
  const until = Date.now() + 3;
  while (Date.now() < until);
  db.transaction(() => new Writer(db, s.operator.id).update('persons', 'p1', { unit: 'В3' }, null))();
  applyChanges(db, [...changesFor(field.db, 'nobody')]);
  core.close();

  return { dir, fieldId: field.id };
}

describe('obmin conflicts', () => {
  it('lists a concurrent edit from another site with both values, and resolve --keep theirs makes it the value', async () => {
    const { dir, fieldId } = await conflicted();
    const list = obmin(['conflicts', 'list', '--data', dir, '--json'], env);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    const entries = JSON.parse(list.stdout) as {
      id: number;
      ref: string;
      field: string;
      mine: { value: string; siteCode: string | null };
      theirs: { value: string; site: string };
    }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ ref: 'HQ-7', field: 'unit', mine: { value: 'В3', siteCode: 'TEST-HQ' }, theirs: { value: 'Б2', site: fieldId } });

    const bad = obmin(['conflicts', 'resolve', '--data', dir, '999', '--keep', 'theirs'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/999/);
    const r = obmin(['conflicts', 'resolve', '--data', dir, String(entries[0]!.id), '--keep', 'theirs', '--json'], env);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ ref: 'HQ-7', field: 'unit', kept: 'theirs', value: 'Б2' });
    expect(JSON.parse(obmin(['conflicts', 'list', '--data', dir, '--json'], env).stdout)).toEqual([]);
    const shown = obmin(['persons', 'show', '--data', dir, 'HQ-7', '--json'], env);
    expect(shown.stdout).toContain('Б2');
  });

  it('resolve --value writes a third value checked as the form checks it; --keep and --value together, or neither, are refused', async () => {
    const { dir } = await conflicted();
    const [entry] = JSON.parse(obmin(['conflicts', 'list', '--data', dir, '--json'], env).stdout) as { id: number }[];
    const id = String(entry!.id);
    expect(obmin(['conflicts', 'resolve', '--data', dir, id], env).code).not.toBe(0);
    expect(obmin(['conflicts', 'resolve', '--data', dir, id, '--keep', 'mine', '--value', 'Г4'], env).code).not.toBe(0);
    const bad = obmin(['conflicts', 'resolve', '--data', dir, id, '--value', 'Г'.repeat(129)], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unit/);
    expect(JSON.parse(obmin(['conflicts', 'list', '--data', dir, '--json'], env).stdout)).toHaveLength(1);
    const r = obmin(['conflicts', 'resolve', '--data', dir, id, '--value', 'Г4', '--json'], env);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ ref: 'HQ-7', field: 'unit', kept: 'value', value: 'Г4' });
    expect(JSON.parse(obmin(['conflicts', 'list', '--data', dir, '--json'], env).stdout)).toEqual([]);
    expect(obmin(['persons', 'show', '--data', dir, 'HQ-7', '--json'], env).stdout).toContain('Г4');
  });

  it('a delete against an edit made without seeing it is listed in words (uk by default, en with --lang), and keeping the edit brings the person back', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    const s = core.require();
    const field = newSite('FIELD');
    const hq = () => new Writer(s.db, s.operator.id);
    s.db.transaction(() =>
      hq().insert('persons', 'p1', { ref: 'HQ-8', surname: 'Мельник', side: 'ours', category: 'military', status: 'missing', unit: 'А1' }, null),
    )();
    applyChanges(field.db, [...changesFor(s.db, field.id)]);
    field.tx((w) => w.update('persons', 'p1', { unit: 'Б2' }, null));
    const until = Date.now() + 3;
    while (Date.now() < until);
    s.db.transaction(() => hq().tombstone('persons', 'p1', { action: 'persons.delete' }))();
    applyChanges(s.db, [...changesFor(field.db, 'nobody')]);
    core.close();

    const uk = obmin(['conflicts', 'list', '--data', dir], env);
    expect(uk.stderr).toBe('');
    expect(uk.stdout).toContain('\tвидалено чи залишено\tmine: видалено (');
    expect(uk.stdout).toContain('theirs: залишено (змінено без відома про видалення) (');
    const en = obmin(['conflicts', 'list', '--data', dir, '--lang', 'en'], env);
    expect(en.stdout).toContain('\tdeleted or kept\tmine: deleted (');
    expect(en.stdout).toContain('theirs: kept (edited without seeing the delete) (');
    const [entry] = JSON.parse(obmin(['conflicts', 'list', '--data', dir, '--json'], env).stdout) as {
      id: number;
      field: string;
      mine: { value: number };
      theirs: { value: number };
    }[];
    expect(entry).toMatchObject({ field: 'deleted', mine: { value: 1 }, theirs: { value: 0 } });
    const kept = obmin(['conflicts', 'resolve', '--data', dir, String(entry!.id), '--keep', 'theirs', '--lang', 'en'], env);
    expect(kept.stderr).toBe('');
    expect(kept.stdout).toContain('Kept “kept (edited without seeing the delete)” for deleted or kept of HQ-8.');
    expect(JSON.parse(obmin(['conflicts', 'list', '--data', dir, '--json'], env).stdout)).toEqual([]);
    expect(obmin(['persons', 'show', '--data', dir, 'HQ-8', '--json'], env).stdout).toContain('Б2');
  });
});
