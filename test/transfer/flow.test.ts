// Two real sites: cards, ceremony, a changes file each way, newest-wins per field, acknowledgements, and the checks a
// file meets on arrival (this site a recipient, the same file twice a no-op, an older file after a newer one).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Writer } from '../../electron/core/db/write';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { addPeer, exportIdentity } from '../../electron/core/transfer/identity';
import { importFile, verifyFile } from '../../electron/core/transfer/importFile';
import { tmpDir } from '../helpers/tmp';
import { ctx, demo, pair, registerHash, site } from './sites';

describe('transfer between two sites', () => {
  it('a card is pending until its fingerprint is confirmed; a wrong fingerprint is refused and stores nothing', async () => {
    const hq = await site('HQ-TEST');
    const office = await site('OFFICE-ONE');
    const dir = tmpDir();
    const card = await exportIdentity(ctx(hq), path.join(dir, 'hq.obmin'));
    expect(card.fingerprint).toMatch(/^[0-9a-f]{40}$/);
    expect(() => addPeer(ctx(office), card.file, '0'.repeat(40))).toThrow(
      expect.objectContaining({ code: 'VERIFICATION_FAILED', details: expect.objectContaining({ reason: 'fingerprint-mismatch' }) }),
    );
    expect(office.require().db.prepare('SELECT count(*) FROM peers').pluck().get()).toBe(0);
    expect(addPeer(ctx(office), card.file, null)).toMatchObject({ site: 'HQ-TEST', status: 'pending' });
    expect(addPeer(ctx(office), card.file, card.fingerprint.toUpperCase().replace(/(.{4})/g, '$1 '))).toMatchObject({ status: 'trusted' });
  });

  it('changes travel, apply newest-wins per field, twice is a no-op, an older file changes nothing newer', async () => {
    const hq = await site('HQ-TEST');
    const office = await site('OFFICE-ONE');
    await pair(hq, office);
    await demo(office, 60);
    const media = tmpDir();
    const f1 = await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'f1.obmin'));
    expect(f1.records).toBeGreaterThan(60);
    const r1 = await importFile(ctx(hq), f1.file);
    expect(r1).toMatchObject({ applied: true, added: f1.records, changed: 0 });
    expect(registerHash(hq)).toBe(registerHash(office));
    // The office edits a person twice; the first edit's file arrives after the second's.
    const sdb = office.require().db;
    const id = sdb.prepare('SELECT id FROM persons ORDER BY id LIMIT 1').pluck().get() as string;
    const w = new Writer(sdb, office.require().operator.id);
    sdb.transaction(() => w.update('persons', id, { unit: 'Вигаданий підрозділ 1' }))();
    const f2 = await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'f2.obmin'));
    sdb.transaction(() => w.update('persons', id, { unit: 'Вигаданий підрозділ 2' }))();
    const f3 = await exportFile(ctx(office), ['HQ-TEST'], path.join(media, 'f3.obmin'));
    // Nothing is acknowledged yet: each file carries everything HQ has not acknowledged (docs/replication.md).
    expect(f2.records).toBe(f1.records);
    expect(await importFile(ctx(hq), f3.file)).toMatchObject({ applied: true, changed: 1 });
    expect(await importFile(ctx(hq), f2.file)).toMatchObject({ applied: true, changed: 0, unchanged: f2.records });
    expect(hq.require().db.prepare('SELECT unit FROM persons WHERE id = ?').pluck().get(id)).toBe('Вигаданий підрозділ 2');
    expect(await importFile(ctx(hq), f3.file)).toMatchObject({ alreadyImported: true, applied: false });
    expect(registerHash(hq)).toBe(registerHash(office));

    // HQ acknowledges; the office then knows its files were applied, and holds HQ's witness of its audit head.
    const ack = await exportFile(ctx(hq), ['OFFICE-ONE'], path.join(media, 'ack.obmin'), 'ack');
    expect(await importFile(ctx(office), ack.file)).toMatchObject({ kind: 'ack', applied: true, acknowledgedSeq: 3 });
    expect(sdb.prepare("SELECT acked_seq FROM peers WHERE site = 'HQ-TEST'").pluck().get()).toBe(3);
    expect(sdb.prepare("SELECT count(*) FROM audit_witnesses WHERE peer_site = 'HQ-TEST'").pluck().get()).toBe(1);

    // The import's deferred search keys end with its transaction: a person written afterwards is indexed at once.
    const hdb = hq.require().db;
    const later = '00000000-0000-4000-8000-00000000abcd';
    hdb.transaction(() =>
      new Writer(hdb, hq.require().operator.id).insert('persons', later, {
        ref: 'Р-пізніше',
        surname: 'Пізнішенко',
        given_name: 'Тарас',
        side: 'ours',
        category: 'military',
        status: 'missing',
      }),
    )();
    expect(hdb.prepare('SELECT count(*) FROM person_name_keys WHERE person_id = ?').pluck().get(later)).toBeGreaterThan(0);
  });

  it('a file for another site is refused: not a recipient', async () => {
    const hq = await site('HQ-TEST');
    const a = await site('OFFICE-ONE');
    const b = await site('OFFICE-TWO');
    await pair(hq, a);
    await pair(hq, b);
    await pair(a, b);
    await demo(hq, 5);
    const f = await exportFile(ctx(hq), ['OFFICE-ONE'], path.join(tmpDir(), 'x.obmin'));
    await expect(verifyFile(ctx(b), f.file)).rejects.toMatchObject({ details: expect.objectContaining({ reason: 'not-recipient' }) });
    expect(fs.existsSync(f.file)).toBe(true);
  });
});
