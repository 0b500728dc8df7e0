// Rotating the family key when a family role is disabled: the old key opens nothing stored, the remaining family
// roles read on, and a rotation cut short at any step is finished at the next family-role unlock.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import type { Core } from '../../electron/core/core';
import { openDatabase } from '../../electron/core/vault/database';
import { isSealed, openValue } from '../../electron/core/vault/family';
import { beginFamilyRotation, markFamilyRotationDue, resealFamilyData } from '../../electron/core/vault/familyRotate';
import { readSlotsFile } from '../../electron/core/vault/keyslots';
import { SEALED_COLUMNS } from '../../shared/register';
import { newCore, PASS, SITE } from '../helpers/tmp';
import { as, CONTACT, FAMILY, RELATIVE, setup, type Ok } from './family';

const LEAVER = { name: 'Вигаданий Відхідний', role: 'liaison' as const, passphrase: 'сосна-пісок-білий-човен-15' };

async function admin(dir: string): Promise<Core> {
  const core = newCore(dir);
  await core.unlock(SITE.operator, PASS);
  return core;
}

/** Every sealed value stored anywhere (tables, change log, kept values), with its table and column. */
function sealedValues(dir: string, dbKey: Buffer): { tbl: string; col: string; v: string }[] {
  const db = openDatabase(`${dir}/obmin.db`, dbKey, { readonly: true });
  try {
    const out: { tbl: string; col: string; v: string }[] = [];
    for (const [tbl, cols] of Object.entries(SEALED_COLUMNS) as [string, readonly string[]][]) {
      for (const r of db.prepare(`SELECT ${cols.join(', ')} FROM ${tbl}`).all() as Record<string, unknown>[])
        for (const col of cols) if (isSealed(r[col])) out.push({ tbl, col, v: r[col] });
      for (const f of db.prepare('SELECT fields FROM change_log WHERE tbl = ?').pluck().all(tbl) as string[]) {
        const o = JSON.parse(f) as Record<string, unknown>;
        for (const col of cols) if (isSealed(o[col])) out.push({ tbl, col, v: o[col] });
      }
    }
    return out;
  } finally {
    db.close();
  }
}

/** The slots file and the database agree on the family key, and no rotation is pending. */
function consistent(dir: string, dbKey: Buffer): void {
  const slots = readSlotsFile(`${dir}/keyslots.json`);
  expect(slots.pendingFamilyKeyCheck).toBeUndefined();
  expect(slots.slots.some((s) => s.pendingFamilyKey)).toBe(false);
  const db = openDatabase(`${dir}/obmin.db`, dbKey, { readonly: true });
  try {
    expect(db.prepare("SELECT value FROM meta WHERE key = 'family_key_check'").pluck().get()).toBe(slots.familyKeyCheck);
    expect(db.prepare("SELECT 1 FROM meta WHERE key = 'family_rotate_due'").get()).toBeUndefined();
  } finally {
    db.close();
  }
}

async function liaisonReads(dir: string, id: string): Promise<void> {
  const { core } = await as(dir, 'liaison');
  const g = (await createRouter(core).handle('persons.get', { id })) as Ok<{
    person: Record<string, unknown>;
    relatives: { name: string; phone: string; contacts: { summary: string }[] }[];
  }>;
  expect(g.ok).toBe(true);
  expect(g.value.person).toMatchObject(FAMILY);
  expect(g.value.relatives[0]).toMatchObject({ name: RELATIVE.name, phone: RELATIVE.phone });
  expect(g.value.relatives[0]!.contacts[0]!.summary).toBe(CONTACT);
  core.lock('manual');
}

function opensNothing(dir: string, dbKey: Buffer, oldKey: Buffer): void {
  const all = sealedValues(dir, dbKey);
  expect(all.length).toBeGreaterThan(10);
  for (const { tbl, col, v } of all) expect(openValue(oldKey, tbl, col, v), `${tbl}.${col}`).toBeNull();
}

describe('the family key is rotated when a family role leaves', () => {
  it('disabling a liaison re-seals every value: the old copy opens nothing, the remaining liaison reads on', async () => {
    const { dir, id } = await setup();
    const a = await admin(dir);
    const leaver = await a.addOperator(LEAVER);
    a.lock('manual');
    const l = newCore(dir);
    await l.unlock(LEAVER.name, LEAVER.passphrase);
    const kept = Buffer.from(l.require().familyKey!); // what a leaving operator could have copied
    l.lock('manual');

    const b = await admin(dir);
    expect(sealedValues(dir, Buffer.from(b.require().key)).every(({ tbl, col, v }) => openValue(kept, tbl, col, v) !== null)).toBe(true);
    b.disableOperator(leaver.id);
    const s = b.require();
    expect(s.familyKey!.equals(kept)).toBe(false);
    const dbKey = Buffer.from(s.key);
    const audit = s.db.prepare("SELECT count(*) FROM audit WHERE action = 'family.rotate'").pluck().get();
    expect(audit).toBe(1);
    // The administrator's own session reads with the new key at once.
    const g = (await createRouter(b).handle('persons.get', { id })) as Ok<{ person: Record<string, unknown> }>;
    expect(g.value.person).toMatchObject(FAMILY);
    b.lock('manual');

    opensNothing(dir, dbKey, kept);
    consistent(dir, dbKey);
    const slots = readSlotsFile(`${dir}/keyslots.json`);
    expect(slots.slots.filter((x) => x.sealedFamilyKey)).toHaveLength(2); // the administrator and the remaining liaison
    await liaisonReads(dir, id);
  });

  it('disabling an analyst rotates nothing', async () => {
    const { dir } = await setup();
    const a = await admin(dir);
    const before = Buffer.from(a.require().familyKey!);
    const analyst = a.listOperators().find((o) => o.role === 'analyst')!;
    a.disableOperator(analyst.id);
    expect(a.require().familyKey!.equals(before)).toBe(true);
    a.lock('manual');
  });

  it('cut short after the slots file got the new key: an analyst leaves it, the next family unlock finishes it', async () => {
    const { dir, id } = await setup();
    const a = await admin(dir);
    const old = Buffer.from(a.require().familyKey!);
    const dbKey = Buffer.from(a.require().key);
    beginFamilyRotation(a.paths, a.require().db); // step 1 written, then the process dies
    a.lock('manual');
    const { core: an } = await as(dir, 'analyst');
    an.lock('manual');
    expect(readSlotsFile(`${dir}/keyslots.json`).pendingFamilyKeyCheck).toBeDefined();
    expect(sealedValues(dir, dbKey).every(({ tbl, col, v }) => openValue(old, tbl, col, v) !== null)).toBe(true);
    await liaisonReads(dir, id);
    consistent(dir, dbKey);
    opensNothing(dir, dbKey, old);
  });

  it('cut short after the database was re-sealed: the slots file catches up at the next unlock', async () => {
    const { dir, id } = await setup();
    const a = await admin(dir);
    const s = a.require();
    const old = Buffer.from(s.familyKey!);
    const dbKey = Buffer.from(s.key);
    const next = beginFamilyRotation(a.paths, s.db);
    resealFamilyData(s.db, readSlotsFile(a.paths.slots).vaultId, old, next, s.operator.id); // step 2 committed, step 3 never ran
    a.lock('manual');
    expect(readSlotsFile(`${dir}/keyslots.json`).familyKeyCheck).not.toBe(readSlotsFile(`${dir}/keyslots.json`).pendingFamilyKeyCheck);
    opensNothing(dir, dbKey, old);
    await liaisonReads(dir, id);
    consistent(dir, dbKey);
  });

  it('a rotation owed by a disable that died before it ran is done at the next family unlock', async () => {
    const { dir, id } = await setup();
    const a = await admin(dir);
    const old = Buffer.from(a.require().familyKey!);
    const dbKey = Buffer.from(a.require().key);
    markFamilyRotationDue(a.require().db);
    a.lock('manual');
    await liaisonReads(dir, id);
    consistent(dir, dbKey);
    opensNothing(dir, dbKey, old);
  });
});
