import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { createPerson, updatePerson } from '../../electron/core/register/persons';
import { searchPersons } from '../../electron/core/register/search';
import { Writer } from '../../electron/core/db/write';
import { surnameKey } from '../../shared/names';
import { initCore } from '../helpers/tmp';
import { tx } from './helpers';

describe('the one write path', () => {
  it('stamps every changed field with an increasing HLC and the site id, logs the change and audits it', async () => {
    const core = await initCore();
    const db = core.require().db;
    const site = (db.prepare("SELECT value FROM meta WHERE key = 'site_id'").get() as { value: string }).value;
    const p = tx(core, (w) => createPerson(w, { surname: 'Ковальов', givenName: 'Григорій', side: 'ours', category: 'military', ref: 'R-1' }));
    const clocks = db.prepare("SELECT field, hlc FROM field_clock WHERE tbl = 'persons' AND row_id = ?").all(p.id) as { field: string; hlc: string }[];
    expect(clocks.map((c) => c.field)).toEqual(expect.arrayContaining(['surname', 'given_name', 'ref', 'side', 'category', 'status']));
    for (const c of clocks) expect(c.hlc.endsWith(`-${site}`)).toBe(true);
    const before = new Map(clocks.map((c) => [c.field, c.hlc]));
    const { changed } = tx(core, (w) => updatePerson(w, p.id, { unit: 'А1234', surname: 'Ковальов' }));
    expect(changed).toEqual(['unit']);
    const after = new Map(
      (db.prepare('SELECT field, hlc FROM field_clock WHERE row_id = ?').all(p.id) as { field: string; hlc: string }[]).map((c) => [c.field, c.hlc]),
    );
    expect(after.get('surname')).toBe(before.get('surname'));
    // A field written again moves to its new stamp: still one stamp per field.
    tx(core, (w) => updatePerson(w, p.id, { unit: 'А5678' }));
    const again = db.prepare('SELECT field, hlc FROM field_clock WHERE row_id = ?').all(p.id) as { field: string; hlc: string }[];
    expect(again.filter((c) => c.field === 'unit')).toHaveLength(1);
    expect(again).toHaveLength(after.size);
    expect(again.find((c) => c.field === 'unit')!.hlc > after.get('unit')!).toBe(true);
    expect(after.get('unit')! > [...before.values()].sort().at(-1)!).toBe(true);
    const log = db.prepare('SELECT hlc, field, value_json FROM changes WHERE row_id = ? ORDER BY seq').all(p.id) as {
      hlc: string;
      field: string;
      value_json: string;
    }[];
    expect(log.at(-1)).toMatchObject({ field: 'unit', value_json: '"А5678"' });
    expect(log.map((l) => l.hlc)).toEqual([...log.map((l) => l.hlc)].sort());
    const actions = core.auditList(10).map((e) => e.action);
    expect(actions).toContain('persons.create');
    expect(actions).toContain('persons.update');
    expect(core.auditVerify().ok).toBe(true);
  });

  it('refreshes name keys with the name and deletes as a tombstone', async () => {
    const core = await initCore();
    const db = core.require().db;
    const p = tx(core, (w) => createPerson(w, { surname: 'Шевчук', givenName: 'Олена', side: 'ours', category: 'civilian' }));
    const keys = () => (db.prepare('SELECT key FROM person_name_keys WHERE person_id = ?').all(p.id) as { key: string }[]).map((k) => k.key);
    expect(keys()).toContain(`s:${surnameKey('Шевчук')}`);
    tx(core, (w) => updatePerson(w, p.id, { surname: 'Бондаренко' }));
    expect(keys()).toContain(`s:${surnameKey('Бондаренко')}`);
    expect(keys()).not.toContain(`s:${surnameKey('Шевчук')}`);
    tx(core, (w) => w.tombstone('persons', p.id, { action: 'persons.delete' }));
    expect((db.prepare('SELECT deleted FROM persons WHERE id = ?').get(p.id) as { deleted: number }).deleted).toBe(1);
    expect(core.countPersons()).toBe(0);
    expect(keys()).toEqual([]);
    expect(db.prepare("SELECT value_json FROM changes WHERE row_id = ? AND field = 'deleted'").get(p.id)).toEqual({ value_json: '1' });
    expect(searchPersons(db, { query: 'Бондаренко', filters: {}, offset: 0, limit: 10 }).total).toBe(0);
  });

  it('keeps the site of its stamps when the first write of a connection is rolled back', async () => {
    const core = await initCore();
    const db = core.require().db;
    const site = (db.prepare("SELECT value FROM meta WHERE key = 'site_id'").get() as { value: string }).value;
    // A Writer first made inside a transaction that then fails: the site row it may add goes with the rollback.
    expect(() =>
      db.transaction(() => {
        createPerson(new Writer(db, null), { surname: 'Шевчук', side: 'ours', category: 'military' });
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    const p = tx(core, (w) => createPerson(w, { surname: 'Бондар', side: 'ours', category: 'military' }));
    const stamps = db.prepare('SELECT hlc FROM field_clock WHERE row_id = ?').all(p.id) as { hlc: string | null }[];
    expect(stamps.length).toBeGreaterThan(0);
    for (const s of stamps) expect(s.hlc?.endsWith(`-${site}`)).toBe(true);
    expect((db.prepare('SELECT count(*) AS n FROM changes WHERE row_id = ? AND hlc IS NULL').get(p.id) as { n: number }).n).toBe(0);
  });

  it('refuses a table or column outside the allowlist', async () => {
    const core = await initCore();
    const w = new Writer(core.require().db, null);
    expect(() => w.insert('operators' as never, 'x', { name: 'x' })).toThrow();
    expect(() => w.insert('persons', 'x', { 'surname) VALUES (1); DROP TABLE persons; --': 'x' })).toThrow();
  });

  it('stores SQL injection attempts in every text field as text', async () => {
    const core = await initCore();
    const router = createRouter(core);
    const evil = "x'); DROP TABLE persons; --";
    const created = await router.handle('persons.create', {
      surname: evil,
      givenName: evil,
      patronymic: evil,
      side: 'ours',
      category: 'military',
      ref: evil,
      unit: evil,
      facility: evil,
      notes: `" OR 1=1 --`,
      distinguishingMarks: 'NEAR(a b) OR *',
    });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    const got = await router.handle('persons.get', { id });
    expect(got).toMatchObject({ ok: true, value: { person: { surname: evil, ref: evil, unit: evil, notes: `" OR 1=1 --` } } });
    for (const q of [evil, `" OR 1=1 --`, 'NEAR(a b) OR *', '*', '"']) expect((await router.handle('persons.search', { query: q })).ok).toBe(true);
    const found = await router.handle('persons.search', { query: evil });
    expect((found as { value: { rows: { id: string }[] } }).value.rows.map((r) => r.id)).toContain(id);
    expect(core.countPersons()).toBe(1);
  });
});
