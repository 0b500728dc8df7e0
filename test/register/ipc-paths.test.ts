// The window never names files on disk: a path over IPC could read any file or overwrite the vault's key slots.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { exportPersons } from '../../electron/core/register/export';
import { initCore, tmpDir } from '../helpers/tmp';

describe('file paths never cross IPC', () => {
  it('refuses persons.export with a path and leaves the slots file intact', async () => {
    const core = await initCore();
    const router = createRouter(core);
    const before = fs.readFileSync(core.paths.slots);
    const r = await router.handle('persons.export', { path: core.paths.slots, format: 'csv' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(fs.readFileSync(core.paths.slots).equals(before)).toBe(true);
    expect(await router.handle('persons.export', { format: 'csv' })).toMatchObject({ ok: true, value: { path: null } });
  });

  it('refuses persons.importPreview with a path', async () => {
    const core = await initCore();
    const secret = path.join(tmpDir(), 'secret.csv');
    fs.writeFileSync(secret, 'ref,surname\nX-1,Таємний\n');
    const r = await createRouter(core).handle('persons.importPreview', { path: secret });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('writes an export owner-only even over an existing world-readable file', async () => {
    const core = await initCore();
    const s = core.require();
    const out = path.join(tmpDir(), 'people.csv');
    fs.writeFileSync(out, 'old', { mode: 0o644 });
    fs.chmodSync(out, 0o644);
    await exportPersons(s.db, s.operator.id, { path: out, format: 'csv', query: '', filters: {} });
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^\uFEFFref,/);
  });

  it('will not write a backup into its own data folder', async () => {
    const core = await initCore();
    expect(() => core.backup(path.join(core.paths.dir, 'keyslots.json'))).toThrow(expect.objectContaining({ code: 'NOT_ALLOWED' }));
    expect(() => core.assertOutsideData(path.join(core.paths.dir, '..', 'elsewhere.csv'))).not.toThrow();
  });
});
