// Resolving a conflict with a third value: the resolver's edit has seen both sides, so the conflict is gone here and,
// once the file travels, on the other site too — which then shows the same value. Two real vaults through the router.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Core } from '../../electron/core';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { importFile } from '../../electron/core/transfer/importFile';
import { tmpDir } from '../helpers/tmp';
import { ctx, dbHash, pair, registerHash, site } from '../transfer/sites';

type Res = { ok: true; value: unknown } | { ok: false; error: { code: string; details?: { detail?: string } } };

describe('conflicts.resolve with a value', () => {
  let hq: Core;
  let office: Core;
  let id = '';
  const media = tmpDir('obmin-resolve-edit-');
  const call = (core: Core, channel: string, args: unknown) => createRouter(core).handle(channel as never, args as never) as Promise<Res>;
  const send = async (from: Core, to: Core, code: string, name: string) =>
    expect(await importFile(ctx(to), (await exportFile(ctx(from), [code], path.join(media, name))).file)).toMatchObject({ applied: true });
  const list = async (core: Core) => ((await call(core, 'conflicts.list', {})) as { value: { entries: { id: number; field: string }[] } }).value.entries;
  const person = async (core: Core) => ((await call(core, 'persons.get', { id })) as { value: { person: Record<string, unknown> } }).value.person;

  beforeAll(async () => {
    hq = await site('HQ-E');
    office = await site('OFFICE-E');
    await pair(hq, office);
    const p = (await call(hq, 'persons.create', {
      ref: 'E-1',
      surname: 'Редагенко',
      side: 'ours',
      category: 'military',
      unit: 'в/ч А0001',
      heightCm: 170,
    })) as {
      value: { id: string };
    };
    id = p.value.id;
    await send(hq, office, 'OFFICE-E', 'f1.obmin');
    // Both change the unit and the height, neither having seen the other's edit.
    expect((await call(hq, 'persons.update', { id, patch: { unit: 'в/ч А0002', heightCm: 171 } })).ok).toBe(true);
    expect((await call(office, 'persons.update', { id, patch: { unit: 'в/ч А0003', heightCm: 172 } })).ok).toBe(true);
    await send(office, hq, 'HQ-E', 'f2.obmin');
    await send(hq, office, 'OFFICE-E', 'f2b.obmin');
  }, 120_000);
  afterAll(() => {
    hq?.close();
    office?.close();
  });

  it('refuses a value the form would refuse, both keep and value, or neither — and changes nothing', async () => {
    const conflicts = await list(hq);
    expect(conflicts.map((c) => c.field).sort()).toEqual(['height_cm', 'unit']);
    const height = conflicts.find((c) => c.field === 'height_cm')!;
    const before = dbHash(hq);
    const tooTall = await call(hq, 'conflicts.resolve', { id: height.id, value: 999 });
    expect(tooTall).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!tooTall.ok && tooTall.error.details?.detail).toMatch(/heightCm/);
    expect(await call(hq, 'conflicts.resolve', { id: height.id, value: 'сто' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(hq, 'conflicts.resolve', { id: height.id, keep: 'mine', value: 180 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(hq, 'conflicts.resolve', { id: height.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unit = conflicts.find((c) => c.field === 'unit')!;
    expect(await call(hq, 'conflicts.resolve', { id: unit.id, value: 'в/ч\nА0004' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dbHash(hq)).toBe(before);
  });

  it('writes the third value; the conflict is gone here and on the other site, which shows the same value', async () => {
    const unit = (await list(hq)).find((c) => c.field === 'unit')!;
    expect(await list(office)).toHaveLength(2); // the office holds both conflicts too
    const r = await call(hq, 'conflicts.resolve', { id: unit.id, value: '  в/ч А0004 ' });
    expect(r).toMatchObject({ ok: true, value: { id: unit.id, field: 'unit' } });
    expect((await list(hq)).map((c) => c.field)).toEqual(['height_cm']);
    expect((await person(hq)).unit).toBe('в/ч А0004'); // trimmed, as the form's schema does
    const audit = hq.require().db.prepare("SELECT details FROM audit WHERE action = 'conflicts.resolve'").pluck().all() as string[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toContain('"edited":true');
    expect(audit[0]).not.toContain('А0004');

    await send(hq, office, 'OFFICE-E', 'f3.obmin');
    expect((await list(office)).map((c) => c.field)).toEqual(['height_cm']);
    expect((await person(office)).unit).toBe('в/ч А0004');

    // The number field takes a number; the resolution of the last conflict leaves both sites identical and clear.
    const height = (await list(office))[0]!;
    expect(await call(office, 'conflicts.resolve', { id: height.id, value: 175 })).toMatchObject({ ok: true });
    await send(office, hq, 'HQ-E', 'f4.obmin');
    expect(await list(hq)).toEqual([]);
    expect(await list(office)).toEqual([]);
    expect((await person(hq)).heightCm).toBe(175);
    expect(registerHash(hq)).toBe(registerHash(office));
  });
});
