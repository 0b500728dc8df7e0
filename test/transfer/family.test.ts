// Family values between two sites: each site seals them under its own family key, so they travel opened inside the
// encrypted file and are sealed again on arrival — readable at the peer, never stored there in the clear.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { importFile } from '../../electron/core/transfer/importFile';
import { SEALED_PREFIX } from '../../electron/core/vault/family';
import { tmpDir } from '../helpers/tmp';
import { ctx, pair, registerHash, site } from './sites';

type Ok<T> = { ok: true; value: T };

describe('family values between sites', () => {
  it('arrive readable at the peer, sealed under its own key; a concurrent edit shows both sides in words', async () => {
    const hq = await site('HQ-FAM');
    const office = await site('OFFICE-FAM');
    await pair(hq, office);
    const rh = createRouter(hq);
    const p = (await rh.handle('persons.create', {
      surname: 'Вигаданчук',
      givenName: 'Тарас',
      side: 'ours',
      category: 'military',
      personToInform: 'Вигадана Дружина, +380 00 000 3333',
      dnaLabRef: 'DNA-FICT-31',
    })) as Ok<{ id: string }>;
    expect(p.ok).toBe(true);
    const rel = await rh.handle('relatives.add', { personId: p.value.id, name: 'Вигаданий Брат', relation: 'брат', phone: '+380 00 000 4444' });
    expect(rel.ok).toBe(true);

    const media = tmpDir();
    const f1 = await exportFile(ctx(hq), ['OFFICE-FAM'], path.join(media, 'f1.obmin'));
    expect(await importFile(ctx(office), f1.file)).toMatchObject({ applied: true });

    const ro = createRouter(office);
    const got = (await ro.handle('persons.get', { id: p.value.id })) as Ok<{ person: { personToInform: string | null; dnaLabRef: string | null } }>;
    expect(got.ok).toBe(true);
    expect(got.value.person).toMatchObject({ personToInform: 'Вигадана Дружина, +380 00 000 3333', dnaLabRef: 'DNA-FICT-31' });
    const odb = office.require().db;
    const stored = odb.prepare('SELECT person_to_inform FROM persons WHERE id = ?').pluck().get(p.value.id) as string;
    const hqStored = hq.require().db.prepare('SELECT person_to_inform FROM persons WHERE id = ?').pluck().get(p.value.id) as string;
    expect(stored.startsWith(SEALED_PREFIX)).toBe(true);
    expect(stored).not.toBe(hqStored);
    const phone = odb.prepare('SELECT phone FROM relatives').pluck().get() as string;
    expect(phone.startsWith(SEALED_PREFIX)).toBe(true);
    const log = (odb.prepare('SELECT fields FROM change_log').pluck().all() as string[]).join('\n');
    expect(log).not.toContain('+380 00 000');
    expect(registerHash(office)).toBe(registerHash(hq));

    // Both sites change the person to inform without seeing each other's change: one conflict, both sides in words.
    const w1 = await rh.handle('persons.update', { id: p.value.id, patch: { personToInform: 'Вигадана Мати, +380 00 000 5555' } });
    const w2 = await ro.handle('persons.update', { id: p.value.id, patch: { personToInform: 'Вигаданий Батько, +380 00 000 6666' } });
    expect(w1.ok && w2.ok).toBe(true);
    const f2 = await exportFile(ctx(hq), ['OFFICE-FAM'], path.join(media, 'f2.obmin'));
    expect(await importFile(ctx(office), f2.file)).toMatchObject({ applied: true });
    const list = (await ro.handle('conflicts.list', {})) as Ok<{ entries: { field: string; mine: { value: unknown }; theirs: { value: unknown } }[] }>;
    expect(list.ok).toBe(true);
    expect(list.value.entries).toHaveLength(1);
    const c = list.value.entries[0]!;
    expect(c.field).toBe('person_to_inform');
    expect([c.mine.value, c.theirs.value].sort()).toEqual(['Вигадана Мати, +380 00 000 5555', 'Вигаданий Батько, +380 00 000 6666']);
  });
});
