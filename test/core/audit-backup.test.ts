import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../electron/core/audit/audit';
import { initCore, newCore, PASS, SITE, tmpDir } from '../helpers/tmp';

describe('audit chain', () => {
  it('verifies an intact chain and names the first entry changed behind its back', async () => {
    const core = await initCore();
    core.updateSettings({ idleLockMinutes: 5 });
    core.updateSettings({ idleLockMinutes: 6 });
    const db = core.require().db;
    const before = verifyAudit(db);
    expect(before.ok).toBe(true);
    expect(before.entries).toBeGreaterThanOrEqual(4);
    // The table refuses edits; an attacker with the key would have to drop the trigger first.
    expect(() => db.prepare("UPDATE audit SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER audit_no_update');
    db.prepare(`UPDATE audit SET details = '{"idleLockMinutes":60}' WHERE seq = 3`).run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, entries: 3, firstBrokenSeq: 3, problems: [{ kind: 'chain', seq: 3 }] });
  });

  it('notices a deleted entry in the middle', async () => {
    const core = await initCore();
    core.updateSettings({ idleLockMinutes: 5 });
    core.updateSettings({ idleLockMinutes: 6 });
    const db = core.require().db;
    db.exec('DROP TRIGGER audit_no_delete');
    db.prepare('DELETE FROM audit WHERE seq = 2').run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, firstBrokenSeq: 2 });
  });
});

describe('backup and restore', () => {
  it('restores an encrypted copy into a new folder and proves it with the passphrase', async () => {
    const core = await initCore();
    core.updateSettings({ idleLockMinutes: 13 });
    const out = path.join(tmpDir(), 'site.obmin-backup');
    core.backup(out);
    const bytes = fs.readFileSync(out);
    expect(bytes.includes(Buffer.from(SITE.siteName))).toBe(false);
    const target = path.join(tmpDir(), 'restored');
    const restored = newCore(target);
    const s = await restored.restore(out, null, PASS);
    expect(s.site.name).toBe(SITE.siteName);
    expect(restored.settings().idleLockMinutes).toBe(13);
    expect(restored.integrity()).toEqual({ ok: true, problems: [] });
  });

  it('refuses a tampered backup and leaves the target folder empty', async () => {
    const core = await initCore();
    const out = path.join(tmpDir(), 'site.obmin-backup');
    core.backup(out);
    const bytes = fs.readFileSync(out);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0x40, bytes.length - 100);
    fs.writeFileSync(out, bytes);
    const target = path.join(tmpDir(), 'restored');
    await expect(newCore(target).restore(out, null, PASS)).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    expect(fs.existsSync(path.join(target, 'obmin.db'))).toBe(false);
  });

  it('writes nothing when the passphrase is wrong', async () => {
    const core = await initCore();
    const out = path.join(tmpDir(), 'site.obmin-backup');
    core.backup(out);
    const target = path.join(tmpDir(), 'restored');
    await expect(newCore(target).restore(out, null, 'definitely not the passphrase')).rejects.toMatchObject({ code: 'WRONG_CREDENTIALS' });
    // Nothing was written: the passphrase is tried against the slots held in memory, before the folder is made.
    expect(fs.existsSync(target)).toBe(false);
  });

  it('will not restore over an existing vault', async () => {
    const dir = tmpDir();
    const core = await initCore(dir);
    const out = path.join(tmpDir(), 'site.obmin-backup');
    core.backup(out);
    core.lock('manual');
    await expect(newCore(dir).restore(out, null, PASS)).rejects.toMatchObject({ code: 'ALREADY_INITIALISED' });
  });
});
