import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { initCore, PASS, SITE } from '../helpers/tmp';

const P2 = 'сонячний-берег-тиха-ріка-9';

describe('register permissions and the full record', () => {
  it('viewer cannot write; analyst cannot see relatives; status change cites a source', async () => {
    const core = await initCore();
    const router = createRouter(core);
    const created = (await router.handle('persons.create', { surname: 'Ковальов', givenName: 'Григорій', side: 'ours', category: 'military' })) as {
      ok: true;
      value: { id: string };
    };
    const id = created.value.id;
    const rel = await router.handle('relatives.add', {
      personId: id,
      name: 'Ковальова Ганна',
      relation: 'мати',
      phone: '+380000000000',
      consent: true,
      dnaLabRef: 'ДНК-1',
    });
    expect(rel.ok).toBe(true);
    const relId = (rel as { value: { id: string } }).value.id;
    expect(
      (
        await router.handle('relatives.logContact', {
          relativeId: relId,
          at: '2024-05-01T10:00:00Z',
          channel: 'phone',
          kind: 'notification',
          summary: 'Повідомили',
        })
      ).ok,
    ).toBe(true);
    expect(await router.handle('persons.changeStatus', { personId: id, status: 'captivity_confirmed' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const st = await router.handle('persons.changeStatus', {
      personId: id,
      status: 'captivity_confirmed',
      source: { kind: 'media_capture', title: 'Відео', reliability: 'B', credibility: 2, url: 'https://example.invalid/v/1' },
    });
    expect(st).toMatchObject({ ok: true, value: { fromStatus: 'missing', toStatus: 'captivity_confirmed' } });
    expect(
      await router.handle('persons.changeStatus', { personId: id, status: 'held', sourceId: (st as { value: { sourceId: string } }).value.sourceId }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const att = await router.handle('attachments.add', {
      personId: id,
      kind: 'photo',
      mime: 'image/png',
      filename: 'a.png',
      dataBase64: Buffer.from('png-bytes').toString('base64'),
    });
    expect(att.ok).toBe(true);
    const got = await router.handle('attachments.get', { id: (att as { value: { id: string } }).value.id });
    expect(Buffer.from((got as { value: { dataBase64: string } }).value.dataBase64, 'base64').toString()).toBe('png-bytes');
    const detail = await router.handle('persons.get', { id });
    expect(detail).toMatchObject({
      ok: true,
      value: {
        person: { status: 'captivity_confirmed' },
        relatives: [{ phone: '+380000000000', contacts: [{ kind: 'notification' }] }],
        statusHistory: [{ toStatus: 'captivity_confirmed' }],
        attachments: [{ filename: 'a.png' }],
      },
    });

    await core.addOperator({ name: 'Глядач Вигаданий', role: 'viewer', passphrase: P2 });
    await core.addOperator({ name: 'Аналітик Вигаданий', role: 'analyst', passphrase: P2 + 'x' });
    core.lock('manual');
    await core.unlock('Глядач Вигаданий', P2);
    expect(await router.handle('persons.create', { surname: 'Х', side: 'ours', category: 'military' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(await router.handle('persons.update', { id, patch: { unit: 'А1' } })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await router.handle('persons.export', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect((await router.handle('persons.search', { query: 'Ковальов' })).ok).toBe(true);
    core.lock('manual');
    await core.unlock('Аналітик Вигаданий', P2 + 'x');
    expect(await router.handle('persons.get', { id })).toMatchObject({ ok: true, value: { relatives: null } });
    expect(await router.handle('relatives.add', { personId: id, name: 'Х', relation: 'брат', consent: false })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect((await router.handle('persons.update', { id, patch: { unit: 'А1' } })).ok).toBe(true);
    core.lock('manual');
    await core.unlock(SITE.operator, PASS);
    expect(await router.handle('persons.delete', { id })).toMatchObject({ ok: true });
    expect(await router.handle('persons.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
