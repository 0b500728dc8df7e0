// A vault with one fictional person with family fields, a relative and a contact, and one operator per role.
import { expect } from 'vitest';
import { createRouter } from '../../electron/core';
import { initCore, newCore, tmpDir } from '../helpers/tmp';

export const PASSES = {
  analyst: 'вітер-глина-срібна-лоза-13',
  liaison: 'озеро-вишня-мідна-зоря-14',
  viewer: 'тихий-ліс-синій-дзвін-11',
  field: 'ранок-пором-жовтий-камінь-12',
} as const;
export const FAMILY = {
  fatherName: 'Вигаданий Батько',
  motherMaidenName: 'Вигадана Дівоча',
  personToInform: 'Вигадана Сестра, +380 00 000 1111',
  dnaLabRef: 'DNA-FICT-77',
  dnaMatchResult: 'збіг-вигаданий',
};
export const RELATIVE = { name: 'Вигадана Мати', relation: 'мати', phone: '+380 00 000 2222', address: 'вул. Вигадана, 1' };
export const CONTACT = 'Дзвінок про вигаданий обмін';
export const SECRETS = [...Object.values(FAMILY), RELATIVE.name, RELATIVE.phone, RELATIVE.address, CONTACT];

export type Ok<T> = { ok: true; value: T };

export async function setup() {
  const dir = tmpDir();
  const admin = await initCore(dir);
  const r = createRouter(admin);
  const p = (await r.handle('persons.create', { surname: 'Вигаданенко', givenName: 'Тест', side: 'ours', category: 'military', ...FAMILY })) as Ok<{
    id: string;
  }>;
  expect(p.ok).toBe(true);
  const rel = (await r.handle('relatives.add', { personId: p.value.id, ...RELATIVE })) as Ok<{ id: string }>;
  expect(rel.ok).toBe(true);
  const c = await r.handle('relatives.logContact', {
    relativeId: rel.value.id,
    at: '2026-01-02T10:00:00Z',
    channel: 'phone',
    kind: 'notification',
    summary: CONTACT,
  });
  expect(c.ok).toBe(true);
  for (const [role, passphrase] of Object.entries(PASSES)) await admin.addOperator({ name: `Вигаданий ${role}`, role: role as 'viewer', passphrase });
  admin.lock('manual');
  return { dir, id: p.value.id, relativeId: rel.value.id };
}

export async function as(dir: string, role: keyof typeof PASSES) {
  const core = newCore(dir);
  await core.unlock(`Вигаданий ${role}`, PASSES[role]);
  return { core, router: createRouter(core) };
}
