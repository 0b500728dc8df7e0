// Key rotation: the new card carries the old key's signature, a peer that trusted the old key follows it without a new
// ceremony; after that only the new key signs (the old one is retired at the peer), while files sealed to the old
// encryption key still open at the site that rotated. A rotation the old key did not sign waits for the ceremony.
import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Writer } from '../../electron/core/db/write';
import { rotate, verify } from '../../electron/core/transfer';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { addPeer, exportIdentity } from '../../electron/core/transfer/identity';
import { importFile } from '../../electron/core/transfer/importFile';
import { allKeys, currentKeys } from '../../electron/core/transfer/siteKeys';
import { tmpDir } from '../helpers/tmp';
import { craft } from './craft';
import { ctx, dbHash, pair, site } from './sites';

async function refusal(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return (e as { details?: { reason?: string } }).details?.reason;
  }
}

function addPerson(core: Awaited<ReturnType<typeof site>>, surname: string): string {
  const db = core.require().db;
  const id = crypto.randomUUID();
  const w = new Writer(db, core.require().operator.id);
  db.transaction(() => w.insert('persons', id, { ref: `Р-${surname}`, surname, given_name: 'Тарас', side: 'ours', category: 'military', status: 'missing' }))();
  return id;
}

describe('site key rotation', () => {
  it('a peer follows a signed rotation; new files verify, old-key files signed after it are refused, files in flight to the old key still open', async () => {
    const hq = await site('HQ-ROT');
    const office = await site('OFFICE-ROT');
    await pair(hq, office);
    const media = tmpDir();
    const oldHq = currentKeys(hq.require().db);

    // Before the rotation: HQ signs a file with its old key (imported at once), and the office seals one to HQ's old key.
    const before = addPerson(hq, 'Вигаданенко');
    const signedOld = await exportFile(ctx(hq), ['OFFICE-ROT'], path.join(media, 'hq-old.obmin'));
    expect(await importFile(ctx(office), signedOld.file)).toMatchObject({ applied: true, added: 1 });
    addPerson(office, 'Придуманенко');
    const sealedToOld = await exportFile(ctx(office), ['HQ-ROT'], path.join(media, 'office-to-old.obmin'));

    const { fingerprint: newFp } = rotate(ctx(hq));
    expect(newFp).not.toBe(oldHq.fingerprint);
    expect(allKeys(hq.require().db).map((k) => k.fingerprint)).toEqual([newFp, oldHq.fingerprint]);

    // The office imports the new card with no ceremony: the old key's signature over it is the proof.
    const card = await exportIdentity(ctx(hq), path.join(media, 'hq-rotated.card'));
    expect(card.fingerprint).toBe(newFp);
    expect(addPeer(ctx(office), card.file, null)).toMatchObject({ site: 'HQ-ROT', status: 'trusted', outcome: 'rotated', fingerprint: newFp });
    const odb = office.require().db;
    expect(odb.prepare('SELECT status FROM peer_keys WHERE fingerprint = ?').pluck().get(oldHq.fingerprint)).toBe('retired');
    expect(odb.prepare("SELECT fingerprint FROM peers WHERE site = 'HQ-ROT'").pluck().get()).toBe(newFp);

    // A file signed with the new key verifies and applies at the office.
    const after = addPerson(hq, 'Вигадайло');
    const signedNew = await exportFile(ctx(hq), ['OFFICE-ROT'], path.join(media, 'hq-new.obmin'));
    expect(await importFile(ctx(office), signedNew.file)).toMatchObject({ applied: true, added: 1 });
    expect(odb.prepare('SELECT count(*) FROM persons WHERE id IN (?, ?)').pluck().get(before, after)).toBe(2);

    // The file signed with the old key before the rotation stays imported, and importing it again is still a no-op.
    expect(await importFile(ctx(office), signedOld.file)).toMatchObject({ alreadyImported: true, applied: false });
    expect(await verify(ctx(office), signedOld.file)).toMatchObject({ alreadyImported: true, sender: { fingerprint: oldHq.fingerprint } });

    // Anyone still holding the old signing key cannot speak for HQ any more: refused, nothing changes.
    const forged = await craft(path.join(media, 'old-key-after.obmin'), {
      from: hq,
      to: office,
      signWith: oldHq.signing.privateKey,
      lines: [],
      patch: (h) => (h.sender.fingerprint = oldHq.fingerprint),
    });
    const hash = dbHash(office);
    expect(await refusal(importFile(ctx(office), forged))).toBe('revoked-signer');
    expect(dbHash(office)).toBe(hash);

    // HQ still opens what the office sealed to its old key before it heard of the rotation.
    expect(await importFile(ctx(hq), sealedToOld.file)).toMatchObject({ applied: true, added: 1 });
    // And the office now seals to the new key.
    addPerson(office, 'Небувалий');
    const sealedToNew = await exportFile(ctx(office), ['HQ-ROT'], path.join(media, 'office-to-new.obmin'));
    expect(await importFile(ctx(hq), sealedToNew.file)).toMatchObject({ applied: true, added: 1 });
  });

  it('a new card the old key did not sign waits as pending beside the trusted key; files it signs are refused until confirmed', async () => {
    const hq = await site('HQ-ROT');
    const office = await site('OFFICE-ROT');
    const impostor = await site('HQ-ROT'); // same code, its own keys: a card that claims to be HQ's next key
    await pair(hq, office);
    const media = tmpDir();
    const oldFp = currentKeys(hq.require().db).fingerprint;
    rotate(ctx(impostor)); // a rotation statement signed by the impostor's own old key, not by HQ's
    const card = await exportIdentity(ctx(impostor), path.join(media, 'impostor.card'));
    expect(addPeer(ctx(office), card.file, null)).toMatchObject({ status: 'pending', outcome: 'replaced' });
    const odb = office.require().db;
    expect(odb.prepare("SELECT fingerprint, status FROM peers WHERE site = 'HQ-ROT'").get()).toEqual({ fingerprint: oldFp, status: 'trusted' });
    expect(odb.prepare('SELECT status FROM peer_keys WHERE fingerprint = ?').pluck().get(card.fingerprint)).toBe('pending');

    const file = await craft(path.join(media, 'impostor.obmin'), { from: impostor, to: office, lines: [] });
    const hash = dbHash(office);
    expect(await refusal(importFile(ctx(office), file))).toBe('untrusted-signer');
    expect(dbHash(office)).toBe(hash);

    // HQ's genuine files still verify: the pending card displaced nothing.
    addPerson(hq, 'Справжній');
    const genuine = await exportFile(ctx(hq), ['OFFICE-ROT'], path.join(media, 'hq.obmin'));
    expect(await importFile(ctx(office), genuine.file)).toMatchObject({ applied: true, added: 1 });
  });
});
