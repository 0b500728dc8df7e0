// persons.importPreview with bytes (the window has no file paths): parsed in memory, same checks, nothing on disk.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { initCore } from '../helpers/tmp';

const CSV = 'ref,surname,given_name,date_of_birth,side,category\nB1,Незабутній,Маркер,1980-01-02,ours,military\nB2,Другий,Рядок,1990-13-40,ours,military\n';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('persons.importPreview from bytes', () => {
  it('previews with row errors, applies the fixed bytes, and writes no plaintext copy of the file', async () => {
    const core = await initCore();
    const router = createRouter(core);
    const bad = await router.handle('persons.importPreview', { fileName: 'list.csv', dataBase64: b64(CSV) });
    expect(bad.ok).toBe(true);
    if (!bad.ok) return;
    const preview = bad.value as { file: string; total: number; invalid: number; errors: { row: number; code: string }[]; token: string };
    expect(preview.file).toBe('list.csv');
    expect(preview.total).toBe(2);
    expect(preview.invalid).toBe(1);
    expect(preview.errors).toEqual([expect.objectContaining({ row: 2, code: 'invalid_value' })]);
    const refused = await router.handle('persons.importApply', { token: preview.token });
    expect(refused.ok).toBe(false);
    expect(core.countPersons()).toBe(0);

    const good = await router.handle('persons.importPreview', { fileName: 'list.csv', dataBase64: b64(CSV.replace('1990-13-40', '1990-12-04')) });
    if (!good.ok) throw new Error(good.error.code);
    expect((good.value as { invalid: number }).invalid).toBe(0);
    const applied = await router.handle('persons.importApply', { token: (good.value as { token: string }).token });
    expect(applied).toEqual({ ok: true, value: { created: 2, updated: 0, unchanged: 0, skipped: 0 } });
    expect(core.countPersons()).toBe(2);
    // The data folder holds the encrypted vault only: the marker name is in no file as plain text.
    for (const f of filesUnder(core.paths.dir)) expect(fs.readFileSync(f).includes(Buffer.from('Незабутній'))).toBe(false);
    core.close();
  });

  it('refuses both a path and bytes, bytes without a name, and a file that is not CSV or XLSX', async () => {
    const core = await initCore();
    const router = createRouter(core);
    for (const args of [{ path: '/tmp/x.csv', fileName: 'x.csv', dataBase64: b64(CSV) }, { dataBase64: b64(CSV) }, {}]) {
      const r = await router.handle('persons.importPreview', args);
      expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION');
    }
    const exe = await router.handle('persons.importPreview', { fileName: 'list.exe', dataBase64: b64(CSV) });
    expect(exe.ok ? 'ok' : exe.error.code).toBe('FILE_MALFORMED');
    core.close();
  });
});
