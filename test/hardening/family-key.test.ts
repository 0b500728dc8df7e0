// The family key: family columns are sealed inside the database, and only family roles' slots can open them.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { openDatabase, type Db } from '../../electron/core/vault/database';
import { SEALED_PREFIX } from '../../electron/core/vault/family';
import { readSlotsFile, writeSlotsFile } from '../../electron/core/vault/keyslots';
import { SEALED_COLUMNS } from '../../shared/register';
import { newCore } from '../helpers/tmp';
import { as, CONTACT, FAMILY, RELATIVE, SECRETS, setup, type Ok } from './family';

/** Every text value of every table (FTS, change log and kept values included). */
function everything(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables
    .map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).raw().all(), (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
    .join('\n');
}

describe('the family key seals family data inside the database', () => {
  it('an analyst who opens the SQLCipher file with the database key finds only ciphertext for the family columns', async () => {
    const { dir, id } = await setup();
    const { core } = await as(dir, 'analyst');
    const s = core.require();
    expect(s.familyKey).toBeNull();
    const slots = readSlotsFile(`${dir}/keyslots.json`);
    expect(slots.slots.find((x) => x.operatorId === s.operator.id)!.sealedFamilyKey).toBeUndefined();
    const raw = openDatabase(`${dir}/obmin.db`, Buffer.from(s.key), { readonly: true });
    try {
      const person = raw.prepare('SELECT * FROM persons WHERE id = ?').get(id) as Record<string, string>;
      expect(person.surname).toBe('Вигаданенко');
      for (const col of SEALED_COLUMNS.persons!) expect(person[col]?.startsWith(SEALED_PREFIX), col).toBe(true);
      const rel = raw.prepare('SELECT * FROM relatives').get() as Record<string, string | null>;
      for (const col of ['name', 'phone', 'address']) expect(rel[col]?.startsWith(SEALED_PREFIX), col).toBe(true);
      expect(String(raw.prepare('SELECT summary FROM contact_log').pluck().get()).startsWith(SEALED_PREFIX)).toBe(true);
      const all = everything(raw);
      for (const secret of SECRETS) expect(all, secret).not.toContain(secret);
    } finally {
      raw.close();
    }
  });

  it('a liaison (family.read) opens them; the family key is sealed only to family roles', async () => {
    const { dir, id } = await setup();
    const { core, router } = await as(dir, 'liaison');
    expect(core.require().familyKey).not.toBeNull();
    const g = (await router.handle('persons.get', { id })) as Ok<{
      person: Record<string, unknown>;
      relatives: { name: string; phone: string; contacts: { summary: string }[] }[];
    }>;
    expect(g.value.person).toMatchObject(FAMILY);
    expect(g.value.relatives[0]).toMatchObject({ name: RELATIVE.name, phone: RELATIVE.phone });
    expect(g.value.relatives[0]!.contacts[0]!.summary).toBe(CONTACT);
    const slots = readSlotsFile(`${dir}/keyslots.json`);
    expect(slots.slots.filter((x) => x.sealedFamilyKey).length).toBe(2); // the administrator and the liaison
  });

  it('an analyst reads none of it through any channel, cannot write it, and an edit does not wipe it', async () => {
    const { dir, id } = await setup();
    const { core, router } = await as(dir, 'analyst');
    const g = (await router.handle('persons.get', { id })) as Ok<{ person: Record<string, unknown>; relatives: unknown }>;
    for (const k of Object.keys(FAMILY)) expect(g.value.person[k], k).toBeNull();
    expect(g.value.relatives).toBeNull();
    const found = (await router.handle('persons.search', { query: FAMILY.dnaLabRef, filters: {}, offset: 0, limit: 50 })) as Ok<{ rows: unknown[] }>;
    expect(found.value.rows).toHaveLength(0);
    const listed = (await router.handle('persons.search', { query: 'Вигаданенко', filters: {}, offset: 0, limit: 50 })) as Ok<{ rows: unknown[] }>;
    expect(listed.value.rows).toHaveLength(1);
    for (const secret of SECRETS) expect(JSON.stringify(listed.value.rows)).not.toContain(secret);
    const e = (await router.handle('persons.export', { format: 'csv', query: '', filters: {} })) as Ok<{ dataBase64: string }>;
    const csv = Buffer.from(e.value.dataBase64, 'base64').toString('utf8');
    expect(csv).toContain('Вигаданенко');
    for (const secret of SECRETS) expect(csv).not.toContain(secret);
    expect(csv).not.toContain(SEALED_PREFIX);
    const w = await router.handle('persons.update', { id, patch: { personToInform: 'Інший вигаданий' } });
    expect(w).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    const u = await router.handle('persons.update', { id, patch: { rank: 'солдат', fatherName: null, personToInform: null } });
    expect(u.ok).toBe(true);
    core.lock('manual');
    const { router: liaison } = await as(dir, 'liaison');
    const after = (await liaison.handle('persons.get', { id })) as Ok<{ person: Record<string, unknown> }>;
    expect(after.value.person).toMatchObject({ ...FAMILY, rank: 'солдат' });
  });

  it('even the administrator cannot find a person by a family field: search never indexes them', async () => {
    const { dir } = await setup();
    const core = newCore(dir);
    await core.unlock(null, 'вишня-гора-мідний-ліхтар-42');
    const r = createRouter(core);
    const found = (await r.handle('persons.search', { query: FAMILY.dnaLabRef, filters: {}, offset: 0, limit: 50 })) as Ok<{ rows: unknown[] }>;
    expect(found.value.rows).toHaveLength(0);
  });

  it('a vault from before the family key is sealed in place at the first unlock by a family role, not by an analyst', async () => {
    const { dir, id } = await setup();
    // Take the vault back to its old state: plaintext columns, no family key, no "sealed" mark.
    const admin = newCore(dir);
    await admin.unlock(null, 'вишня-гора-мідний-ліхтар-42');
    const key = Buffer.from(admin.require().key);
    admin.lock('manual');
    const db = openDatabase(`${dir}/obmin.db`, key);
    db.prepare('UPDATE persons SET father_name = ?, mother_maiden_name = ?, person_to_inform = ?, dna_lab_ref = ?, dna_match_result = ? WHERE id = ?').run(
      FAMILY.fatherName,
      FAMILY.motherMaidenName,
      FAMILY.personToInform,
      FAMILY.dnaLabRef,
      FAMILY.dnaMatchResult,
      id,
    );
    db.prepare('UPDATE relatives SET name = ?, phone = ?, address = ?').run(RELATIVE.name, RELATIVE.phone, RELATIVE.address);
    db.prepare('UPDATE contact_log SET summary = ?').run(CONTACT);
    db.prepare(
      "UPDATE change_log SET fields = json_set(fields, '$.father_name', ?) WHERE tbl = 'persons' AND json_extract(fields, '$.father_name') IS NOT NULL",
    ).run(FAMILY.fatherName);
    db.prepare("DELETE FROM meta WHERE key = 'family_sealed'").run();
    db.close();
    const slots = readSlotsFile(`${dir}/keyslots.json`);
    writeSlotsFile(`${dir}/keyslots.json`, { ...slots, familyKeyCheck: undefined, slots: slots.slots.map(({ sealedFamilyKey: _f, ...s }) => s) });

    const { core: analyst } = await as(dir, 'analyst');
    expect(analyst.require().familyKey).toBeNull();
    analyst.lock('manual');
    expect(readSlotsFile(`${dir}/keyslots.json`).familyKeyCheck).toBeUndefined();

    const { core: liaison, router } = await as(dir, 'liaison');
    expect(liaison.require().familyKey).not.toBeNull();
    const g = (await router.handle('persons.get', { id })) as Ok<{ person: Record<string, unknown>; relatives: { phone: string }[] }>;
    expect(g.value.person).toMatchObject(FAMILY);
    expect(g.value.relatives[0]).toMatchObject(RELATIVE);
    liaison.lock('manual');
    const after = readSlotsFile(`${dir}/keyslots.json`);
    expect(after.familyKeyCheck).toBeDefined();
    expect(after.slots.filter((x) => x.sealedFamilyKey).length).toBe(2);
    const raw = openDatabase(`${dir}/obmin.db`, key, { readonly: true });
    try {
      const all = everything(raw);
      for (const secret of SECRETS) expect(all, secret).not.toContain(secret);
      expect(raw.prepare("SELECT count(*) FROM audit WHERE action = 'family.seal'").pluck().get()).toBe(1);
    } finally {
      raw.close();
    }
  });
});
