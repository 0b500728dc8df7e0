import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditHead, recordWitness, verifyAudit } from '../../electron/core/audit/audit';
import type { Db } from '../../electron/core/vault/database';
import { initCore, newCore, PASS } from '../helpers/tmp';

const VIEWER_PASS = 'сонце-бузок-тихий-причал-77';

/** What an attacker with the database key does: drop the guards, change rows, recompute every hash after them. */
function rewriteFrom(db: Db, seq: number, change: (row: Record<string, unknown>) => void): void {
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  const rows = db.prepare('SELECT * FROM audit WHERE seq >= ? ORDER BY seq').all(seq) as Record<string, unknown>[];
  let prev = (db.prepare('SELECT hash FROM audit WHERE seq = ?').get(seq - 1) as { hash: string } | undefined)?.hash ?? '0'.repeat(64);
  for (const r of rows) {
    if (r.seq === seq) change(r);
    const body = JSON.stringify([r.seq, r.at, r.operator_id, r.action, r.target, r.details]);
    const hash = crypto.createHash('sha256').update(prev).update('\n').update(body).digest('hex');
    db.prepare('UPDATE audit SET at = ?, operator_id = ?, action = ?, target = ?, details = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(
      r.at,
      r.operator_id,
      r.action,
      r.target,
      r.details,
      prev,
      hash,
      r.seq,
    );
    prev = hash;
  }
}

function cutTail(db: Db, n: number): void {
  db.exec('DROP TRIGGER IF EXISTS audit_no_delete');
  const { count } = auditHead(db);
  db.prepare('DELETE FROM audit WHERE seq > ?').run(count - n);
}

describe('signed audit entries', () => {
  it('signs every entry with the acting operator’s own key and verifies clean', async () => {
    const core = await initCore();
    core.updateSettings({ idleLockMinutes: 5 });
    const db = core.require().db;
    const r = verifyAudit(db);
    expect(r).toMatchObject({ ok: true, unsigned: 0, problems: [] });
    const unsigned = db.prepare('SELECT count(*) AS n FROM audit WHERE sig IS NULL').get() as { n: number };
    expect(unsigned.n).toBe(0);
  });

  it('an entry changed and every hash recomputed is caught by its signature', async () => {
    const core = await initCore();
    core.updateSettings({ idleLockMinutes: 5 });
    core.updateSettings({ idleLockMinutes: 6 });
    const db = core.require().db;
    const target = (db.prepare("SELECT seq FROM audit WHERE action = 'settings.update' ORDER BY seq LIMIT 1").get() as { seq: number }).seq;
    rewriteFrom(db, target, (r) => (r.details = '{"idleLockMinutes":60}'));
    const r = verifyAudit(db);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toEqual({ kind: 'signature', seq: target });
    expect(r.firstBrokenSeq).toBe(target);
  });

  it('a viewer cannot pass off entries as the administrator’s: their key is theirs alone', async () => {
    const dir = (await import('../helpers/tmp')).tmpDir();
    const core = await initCore(dir);
    await core.addOperator({ name: 'Вигаданий Глядач', role: 'viewer', passphrase: VIEWER_PASS });
    core.lock('manual');
    const viewer = newCore(dir);
    await viewer.unlock('Вигаданий Глядач', VIEWER_PASS);
    const db = viewer.require().db;
    const adminId = (db.prepare("SELECT id FROM operators WHERE role = 'admin'").get() as { id: string }).id;
    // The viewer writes an entry in the administrator's name, signed with the only key they hold: their own.
    const { appendAudit } = await import('../../electron/core/audit/audit');
    const seq = appendAudit(db, adminId, 'operator.disable', 'someone');
    expect(verifyAudit(db).problems).toContainEqual({ kind: 'wrongSigner', seq });
  });

  it('stripping the signatures off the end is noticed: unsigned entries may only come first', async () => {
    const core = await initCore();
    core.updateSettings({ idleLockMinutes: 7 });
    const db = core.require().db;
    db.exec('DROP TRIGGER audit_no_update');
    const { count } = auditHead(db);
    db.prepare('UPDATE audit SET sig = NULL, signer_key = NULL WHERE seq = ?').run(count);
    expect(verifyAudit(db).problems).toEqual([{ kind: 'unsigned', seq: count }]);
  });

  it('an operator from before signatures gains a key at the next unlock, registered and audited, and the chain still verifies', async () => {
    const dir = (await import('../helpers/tmp')).tmpDir();
    const core = await initCore(dir);
    const slotsFile = core.paths.slots;
    core.lock('manual');
    const slots = JSON.parse(fs.readFileSync(slotsFile, 'utf8')) as { slots: Record<string, unknown>[] };
    for (const s of slots.slots) delete s.signing;
    fs.writeFileSync(slotsFile, JSON.stringify(slots));
    const again = newCore(dir);
    await again.unlock(null, PASS);
    const after = JSON.parse(fs.readFileSync(slotsFile, 'utf8')) as { slots: { signing?: { keyId: string } }[] };
    expect(after.slots[0]!.signing?.keyId).toMatch(/^[0-9a-f-]{36}$/);
    const keys = again.require().db.prepare('SELECT count(*) AS n FROM operator_keys').get() as { n: number };
    expect(keys.n).toBe(2);
    expect(again.auditVerify()).toMatchObject({ ok: true });
  });
});

describe('witnesses of this site’s head', () => {
  it('auditHead gives count and last hash; recordWitness keeps a peer’s copy', async () => {
    const core = await initCore();
    const db = core.require().db;
    const head = auditHead(db);
    expect(head.count).toBeGreaterThan(0);
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(recordWitness(db, { peerSite: 'LVIV-1', ...head, at: '2026-03-12T10:00:00.000Z', fromFile: 'lviv-2026-03-12.obmin' })).toBeGreaterThan(0);
    expect(verifyAudit(db)).toMatchObject({ ok: true, witnesses: 1 });
    expect(() => recordWitness(db, { peerSite: '', count: -1, hash: 'x', at: 'yesterday' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  for (const cut of [1, 10, 'all'] as const) {
    it(`cutting ${cut} entries off the end is named against the newest witness`, async () => {
      const core = await initCore();
      for (let i = 0; i < 12; i++) core.updateSettings({ idleLockMinutes: 5 + i });
      const db = core.require().db;
      const head = auditHead(db);
      recordWitness(db, { peerSite: 'LVIV-1', ...head, at: '2026-03-12T10:00:00.000Z', fromFile: 'lviv-2026-03-12.obmin' });
      const n = cut === 'all' ? head.count : cut;
      cutTail(db, n);
      const r = verifyAudit(db);
      expect(r.ok).toBe(false);
      expect(r.problems).toEqual([
        { kind: 'missing', from: head.count - n + 1, to: head.count, peer: 'LVIV-1', since: '2026-03-12T10:00:00.000Z', file: 'lviv-2026-03-12.obmin' },
      ]);
    });
  }

  it('a cut followed by new entries (the count grows back) is named as rewritten at the witnessed entry', async () => {
    const core = await initCore();
    for (let i = 0; i < 5; i++) core.updateSettings({ idleLockMinutes: 5 + i });
    const db = core.require().db;
    const head = auditHead(db);
    recordWitness(db, { peerSite: 'ODESA-2', ...head, at: '2026-03-12T10:00:00.000Z', fromFile: null });
    cutTail(db, 3);
    for (let i = 0; i < 6; i++) core.updateSettings({ idleLockMinutes: 30 + i });
    expect(verifyAudit(db).problems).toEqual([{ kind: 'rewritten', seq: head.count, peer: 'ODESA-2', since: '2026-03-12T10:00:00.000Z', file: null }]);
  });
});
