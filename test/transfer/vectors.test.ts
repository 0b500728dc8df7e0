// The committed format vectors (test/transfer/vectors/v1-*): a changes file and an identity card made by this code,
// with the keys that check and open them. Made once (or with UPDATE_TRANSFER_VECTORS=1); checked on every run with
// our reader and with openssl and age alone, so a change to the format cannot pass unnoticed.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContainer, signatureValid, writeContainer } from '../../electron/core/transfer/container';
import { ageIdentity, ed25519Pem, generateRaw, parseAgeIdentity, publicFromPrivate } from '../../electron/core/transfer/keys';
import { fingerprintOf } from '../../electron/core/transfer/siteKeys';
import { ageDecrypt } from '../../electron/core/transfer/age';
import { ciphertextOf } from '../../electron/core/transfer/container';
import { changeSchema } from '../../shared/replication';

const DIR = path.join(__dirname, 'vectors');
const F = (n: string) => path.join(DIR, n);
// The payload as import reads it (docs/transfer-format.md): one change line per write, here a person made at site
// VECTOR-A, then one field of it changed again (prev names the stamp it supersedes).
const SITE = '00000000-0000-4000-8000-0000000000aa';
const S1 = `2026-01-02T03:04:05.006Z-0000-${SITE}`;
const S2 = `2026-01-02T03:04:06.007Z-0000-${SITE}`;
const PERSON = '00000000-0000-4000-8000-000000000001';
const PAYLOAD =
  [
    JSON.stringify({
      c: {
        origin: SITE,
        seq: 1,
        stamp: S1,
        tbl: 'persons',
        row: PERSON,
        fields: {
          ref: 'ВК-0001',
          surname: 'Вигаданенко',
          given_name: 'Тарас',
          side: 'ours',
          category: 'military',
          status: 'missing',
          created_at: '2026-01-02T03:04:05.006Z',
        },
        prev: {},
        by: null,
      },
    }),
    JSON.stringify({
      c: { origin: SITE, seq: 2, stamp: S2, tbl: 'persons', row: PERSON, fields: { status: 'captivity_suspected' }, prev: { status: [S1] }, by: null },
    }),
  ].join('\n') + '\n';

async function make(): Promise<void> {
  const sign = generateRaw('ed25519');
  const enc = generateRaw('x25519');
  const rcpt = generateRaw('x25519');
  const rcptSign = generateRaw('ed25519');
  const senderFp = fingerprintOf(sign.publicKey, enc.publicKey);
  const rcptFp = fingerprintOf(rcptSign.publicKey, rcpt.publicKey);
  fs.writeFileSync(F('v1-sender-ed25519.pem'), ed25519Pem(sign.publicKey));
  fs.writeFileSync(F('v1-recipient-age-key.txt'), `# test vector only — never a real site's key\n${ageIdentity(rcpt.privateKey)}\n`);
  fs.writeFileSync(F('v1-changes.payload.jsonl'), PAYLOAD);
  await writeContainer(
    F('v1-changes.obmin'),
    {
      fileId: '00000000-0000-4000-8000-00000000f11e',
      kind: 'changes',
      createdAt: '2026-01-02T03:04:05.006Z',
      sender: { site: 'VECTOR-A', fingerprint: senderFp },
      recipients: [{ site: 'VECTOR-B', fingerprint: rcptFp, seq: 1, yourAuditHead: null }],
      auditHead: { count: 3, hash: 'ab'.repeat(32) },
      identity: null,
    },
    (async function* () {
      yield Buffer.from(PAYLOAD);
    })(),
    [rcpt.publicKey],
    sign.privateKey,
  );
  await writeContainer(
    F('v1-identity.obmin'),
    {
      fileId: '00000000-0000-4000-8000-0000000001d0',
      kind: 'identity',
      createdAt: '2026-01-02T03:04:05.006Z',
      sender: { site: 'VECTOR-A', fingerprint: senderFp },
      recipients: [],
      auditHead: null,
      identity: {
        site: 'VECTOR-A',
        name: 'Вигаданий вузол A',
        signingKey: sign.publicKey.toString('base64url'),
        encryptionKey: enc.publicKey.toString('base64url'),
        rotation: null,
      },
    },
    null,
    [],
    sign.privateKey,
  );
}

describe('format vectors v1', () => {
  it('are present, open with our reader, and check with openssl and age alone', async () => {
    if (process.env.UPDATE_TRANSFER_VECTORS || !fs.existsSync(F('v1-changes.obmin'))) await make();
    const pub = crypto
      .createPublicKey(fs.readFileSync(F('v1-sender-ed25519.pem')))
      .export({ format: 'der', type: 'spki' })
      .subarray(-32);
    for (const name of ['v1-changes.obmin', 'v1-identity.obmin']) {
      const f = readContainer(F(name), 1 << 20);
      expect(signatureValid(f, pub), name).toBe(true);
      const bytes = fs.readFileSync(F(name));
      const cut = f.ciphertextStart;
      fs.writeFileSync(F('.signed.tmp'), bytes.subarray(0, cut));
      fs.writeFileSync(F('.sig.tmp'), bytes.subarray(bytes.length - 64));
      const out = execFileSync(
        'openssl',
        ['pkeyutl', '-verify', '-pubin', '-inkey', F('v1-sender-ed25519.pem'), '-rawin', '-in', F('.signed.tmp'), '-sigfile', F('.sig.tmp')],
        { encoding: 'utf8' },
      );
      expect(out).toContain('Signature Verified Successfully');
    }
    const f = readContainer(F('v1-changes.obmin'), 1 << 20);
    expect(f.header.identity).toBeNull();
    const bytes = fs.readFileSync(F('v1-changes.obmin'));
    fs.writeFileSync(F('.payload.age.tmp'), bytes.subarray(f.ciphertextStart, f.ciphertextStart + f.header.ciphertext.size));
    const plain = execFileSync('age', ['-d', '-i', F('v1-recipient-age-key.txt'), F('.payload.age.tmp')]);
    expect(plain.toString('utf8')).toBe(fs.readFileSync(F('v1-changes.payload.jsonl'), 'utf8'));
    expect(crypto.createHash('sha256').update(plain).digest('hex')).toBe(f.header.payload!.sha256);
    // Every line is a change line as the import reads it today (not the first cut's row format).
    const lines = plain.toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(changeSchema.safeParse((JSON.parse(l) as { c: unknown }).c).success, l).toBe(true);
    const key = parseAgeIdentity(fs.readFileSync(F('v1-recipient-age-key.txt'), 'utf8').split('\n')[1]!)!;
    const ours: Buffer[] = [];
    for await (const b of ageDecrypt(ciphertextOf(F('v1-changes.obmin'), f), key)) ours.push(b);
    expect(Buffer.concat(ours).equals(plain)).toBe(true);
    const card = readContainer(F('v1-identity.obmin'), 1 << 20).header.identity!;
    expect(fingerprintOf(Buffer.from(card.signingKey, 'base64url'), Buffer.from(card.encryptionKey, 'base64url'))).toBe(f.header.sender.fingerprint);
    expect(publicFromPrivate('x25519', key)).toHaveLength(32);
    for (const t of ['.signed.tmp', '.sig.tmp', '.payload.age.tmp']) fs.rmSync(F(t), { force: true });
  });
});
