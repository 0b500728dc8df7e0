// A lock (suspend, idle, Ctrl+L) does not wait behind a long import: the import is abandoned whole, nothing applied.
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { initCore, PASS } from '../helpers/tmp';

function csv(n: number): string {
  const lines = ['ref,surname,given_name,date_of_birth,side,category'];
  for (let i = 0; i < n; i++) lines.push(`L-${i},Вигаданенко${i % 97},Петро,1980-01-0${(i % 9) + 1},ours,military`);
  return `${lines.join('\n')}\n`;
}

describe('locking during an import', () => {
  it('closes at once; the import answers LOCKED and leaves the register as it was', async () => {
    const core = await initCore();
    const router = createRouter(core);
    const preview = await router.handle('persons.importPreview', { fileName: 'big.csv', dataBase64: Buffer.from(csv(12_000)).toString('base64') });
    if (!preview.ok) throw new Error(preview.error.code);
    const token = (preview.value as { token: string }).token;
    const importing = router.handle('persons.importApply', { token, taskId: 't1' });
    // Lock as soon as the first batch has been written and the import yields.
    await new Promise((resolve) => setImmediate(resolve));
    const locked = await router.handle('vault.lock', { reason: 'suspend' });
    expect(locked).toEqual({ ok: true, value: null });
    expect(core.unlocked).toBe(false);
    expect(await importing).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await core.unlock(null, PASS);
    expect(core.countPersons()).toBe(0);
    expect(core.auditList(3).map((e) => e.action)).toEqual(['login', 'lock', 'login']);
  });
});
