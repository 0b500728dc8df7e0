import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { FAMILY_FIELDS, FIELD_SENSITIVITY } from '../../shared/register';
import { initCore, newCore, tmpDir } from '../helpers/tmp';

const PASSES = { viewer: 'тихий-ліс-синій-дзвін-11', field: 'ранок-пором-жовтий-камінь-12', analyst: 'вітер-глина-срібна-лоза-13' } as const;
const FAMILY = {
  fatherName: 'Вигаданий Батько',
  motherMaidenName: 'Вигадана Дівоча',
  personToInform: 'Вигадана Сестра, +380 00 000 0000',
  dnaLabRef: 'DNA-TEST-1',
};

async function setup() {
  const dir = tmpDir();
  const admin = await initCore(dir);
  const r = createRouter(admin);
  const created = (await r.handle('persons.create', { surname: 'Вигаданенко', givenName: 'Тест', side: 'ours', category: 'military', ...FAMILY })) as {
    ok: true;
    value: { id: string };
  };
  expect(created.ok).toBe(true);
  for (const [role, passphrase] of Object.entries(PASSES)) await admin.addOperator({ name: `Вигаданий ${role}`, role: role as 'viewer', passphrase });
  admin.lock('manual');
  return { dir, id: created.value.id };
}

async function as(dir: string, role: keyof typeof PASSES) {
  const core = newCore(dir);
  await core.unlock(`Вигаданий ${role}`, PASSES[role]);
  return { core, router: createRouter(core) };
}

describe('family fields are filtered by role in one place', () => {
  it('every person field is classified; the family ones are the ones the red team named', () => {
    expect(Object.keys(FIELD_SENSITIVITY).length).toBeGreaterThan(40);
    expect(FAMILY_FIELDS).toEqual(expect.arrayContaining(['fatherName', 'motherMaidenName', 'personToInform', 'dnaLabRef']));
  });

  for (const role of ['viewer', 'field'] as const) {
    it(`${role}: persons.get gives no father, mother's maiden name, person to inform or relatives`, async () => {
      const { dir, id } = await setup();
      const { router } = await as(dir, role);
      const r = (await router.handle('persons.get', { id })) as { ok: true; value: { person: Record<string, unknown>; relatives: unknown } };
      expect(r.ok).toBe(true);
      expect(r.value.person).toMatchObject({ surname: 'Вигаданенко', fatherName: null, motherMaidenName: null, personToInform: null, dnaLabRef: null });
      expect(r.value.relatives).toBeNull();
    });
  }

  it('an analyst may update and export, but neither answer nor file carries the family fields', async () => {
    const { dir, id } = await setup();
    const { router } = await as(dir, 'analyst');
    const u = (await router.handle('persons.update', { id, patch: { rank: 'солдат' } })) as { ok: true; value: Record<string, unknown> };
    expect(u.value).toMatchObject({ rank: 'солдат', personToInform: null, fatherName: null });
    const out = path.join(tmpDir(), 'out.csv');
    const e = (await router.handle('persons.export', { format: 'csv', query: '', filters: {} })) as { ok: true; value: { dataBase64: string } };
    expect(e.ok).toBe(true);
    fs.writeFileSync(out, Buffer.from(e.value.dataBase64, 'base64'));
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('Вигаданенко');
    for (const v of Object.values(FAMILY)) expect(text).not.toContain(v);
  });
});
