// A file checked with standard tools alone, as docs/transfer-format.md describes: openssl for the signature, age for
// the payload; and the keys a vault gets at init and by migration.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../electron/core/db/migrations';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { exportAgeKey } from '../../electron/core/transfer/identity';
import { ed25519Pem } from '../../electron/core/transfer/keys';
import { currentKeys } from '../../electron/core/transfer/siteKeys';
import { fingerprintWords, groupedHex, normaliseFingerprint } from '../../shared/transfer/fingerprint';
import { WORDS } from '../../shared/transfer/words';
import { ukSortKey } from '../../shared/register/collation';
import { tmpDir } from '../helpers/tmp';
import { ctx, demo, pair, site } from './sites';

describe('transfer file with standard tools', () => {
  it('openssl verifies the signature; age -d with the exported key gives the payload the header names', async () => {
    const hq = await site('HQ-TEST');
    const office = await site('OFFICE-ONE');
    await pair(hq, office);
    await demo(office, 30);
    const dir = tmpDir();
    const f = await exportFile(ctx(office), ['HQ-TEST'], path.join(dir, 'f.obmin'));
    const bytes = fs.readFileSync(f.file);
    // Step 1: the first two lines are the signed part; the last 64 bytes the signature.
    const second = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1);
    const header = JSON.parse(bytes.subarray(bytes.indexOf(0x0a) + 1, second).toString('utf8'));
    fs.writeFileSync(path.join(dir, 'signed'), bytes.subarray(0, second + 1));
    fs.writeFileSync(path.join(dir, 'sig'), bytes.subarray(bytes.length - 64));
    fs.writeFileSync(path.join(dir, 'sender.pem'), ed25519Pem(currentKeys(office.require().db).signing.publicKey));
    const ok = execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'sender.pem'), '-rawin', '-in', path.join(dir, 'signed'), '-sigfile', path.join(dir, 'sig')],
      { encoding: 'utf8' },
    );
    expect(ok).toContain('Signature Verified Successfully');
    // Step 2: the ciphertext between them has the size and SHA-512 the signed header names.
    const ct = bytes.subarray(second + 1, bytes.length - 64);
    fs.writeFileSync(path.join(dir, 'payload.age'), ct);
    expect(ct.length).toBe(header.ciphertext.size);
    expect(execFileSync('openssl', ['dgst', '-sha512', '-r', path.join(dir, 'payload.age')], { encoding: 'utf8' }).split(' ')[0]).toBe(
      header.ciphertext.sha512,
    );
    // Step 3: age decrypts it with the recipient's exported key; the plaintext has the header's size and SHA-256.
    const key = exportAgeKey(ctx(hq), path.join(dir, 'hq-key.txt'));
    expect((fs.statSync(key.file).mode & 0o777).toString(8)).toBe('600');
    const plain = execFileSync('age', ['-d', '-i', key.file, path.join(dir, 'payload.age')], { maxBuffer: 1 << 26 });
    expect(plain.length).toBe(header.payload.size);
    expect(crypto.createHash('sha256').update(plain).digest('hex')).toBe(header.payload.sha256);
    // The first line names the sender's replication site id with its code; the changes follow.
    const lines = plain.toString('utf8').split('\n');
    const officeId = office.require().db.prepare("SELECT value FROM meta WHERE key = 'site_id'").pluck().get() as string;
    expect(JSON.parse(lines[0]!)).toEqual({ sites: { [officeId]: 'OFFICE-ONE' } });
    expect(lines[1]).toMatch(/^\{"c":\{"origin":"[^"]+","seq":\d+,"stamp":"[^"]+","tbl":"persons",/);
    // A changed header byte: openssl refuses.
    const bad = Buffer.from(bytes.subarray(0, second + 1));
    bad[40]! ^= 1;
    fs.writeFileSync(path.join(dir, 'signed'), bad);
    expect(() =>
      execFileSync(
        'openssl',
        ['pkeyutl', '-verify', '-pubin', '-inkey', path.join(dir, 'sender.pem'), '-rawin', '-in', path.join(dir, 'signed'), '-sigfile', path.join(dir, 'sig')],
        { stdio: 'pipe' },
      ),
    ).toThrow();
  });
});

describe('fingerprints', () => {
  it('the word list is BIP-39 English; words and hex are one and the same fingerprint', () => {
    expect(WORDS).toHaveLength(2048);
    expect(
      crypto
        .createHash('sha256')
        .update(`${WORDS.join('\n')}\n`)
        .digest('hex'),
    ).toBe('2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda');
    for (let i = 0; i < 50; i++) {
      const fp = crypto.randomBytes(20).toString('hex');
      const words = fingerprintWords(fp);
      expect(words).toHaveLength(15);
      expect(normaliseFingerprint(words.join(' '))).toBe(fp);
      expect(normaliseFingerprint(groupedHex(fp).toUpperCase())).toBe(fp);
    }
    expect(normaliseFingerprint('abandon '.repeat(15))).toBe('0'.repeat(40));
    expect(normaliseFingerprint('abandon '.repeat(14) + 'zoo')).toBeNull(); // padding bits must be zero
    expect(normaliseFingerprint('not a fingerprint')).toBeNull();
  });
});

describe('site keys', () => {
  it('a vault from before the transfer migration gets keys when it is migrated', () => {
    const db = new Database(':memory:');
    db.function('uk_sort', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? ukSortKey(v) : null));
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'site_keys'").pluck().get()).toBe(0);
    migrate(db);
    const k = currentKeys(db);
    expect(k.fingerprint).toMatch(/^[0-9a-f]{40}$/);
    expect(k.signing.privateKey).toHaveLength(32);
    expect(k.encryption.privateKey).toHaveLength(32);
    db.close();
  });
});
