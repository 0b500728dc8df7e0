// Our age implementation against the C2SP CCTV vectors and Debian's `age` binary, both ways.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AgeError, ageDecrypt, ageEncrypt, CHUNK } from '../../electron/core/transfer/age';
import { ageIdentity, ageRecipient, generateRaw, parseAgeIdentity } from '../../electron/core/transfer/keys';
import { tmpDir } from '../helpers/tmp';

const VECTORS = path.join(__dirname, 'vectors', 'age-cctv');

async function collect(gen: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of gen) parts.push(p);
  return Buffer.concat(parts);
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  // Odd-sized pieces: the reader must not depend on how the bytes arrive.
  for (let i = 0; i < b.length; i += 7919) yield b.subarray(i, i + 7919);
}

function parseVector(raw: Buffer): { headers: Record<string, string>; body: Buffer } {
  const sep = raw.indexOf('\n\n');
  const headers: Record<string, string> = {};
  for (const line of raw.subarray(0, sep).toString('utf8').split('\n')) {
    const i = line.indexOf(': ');
    headers[line.slice(0, i)] = line.slice(i + 2);
  }
  let body = raw.subarray(sep + 2);
  if (headers.compressed === 'zlib') body = zlib.inflateSync(body);
  return { headers, body };
}

describe('age v1 — C2SP CCTV vectors (X25519, unarmored)', () => {
  const files = fs.readdirSync(VECTORS).filter((f) => f !== 'LICENSE' && f !== 'SOURCE');
  it('has the vectors', () => expect(files.length).toBeGreaterThanOrEqual(60));
  for (const name of files) {
    it(name, async () => {
      const { headers, body } = parseVector(fs.readFileSync(path.join(VECTORS, name)));
      const identity = parseAgeIdentity(headers.identity!)!;
      expect(identity).not.toBeNull();
      let out: Buffer | null = null;
      let failure: string | null = null;
      try {
        out = await collect(ageDecrypt(once(body), identity));
      } catch (e) {
        expect(e).toBeInstanceOf(AgeError);
        failure = (e as AgeError).reason;
      }
      const expectMap: Record<string, string | null> = {
        success: null,
        'header failure': 'header',
        'HMAC failure': 'hmac',
        'no match': 'no-match',
        'payload failure': 'payload',
      };
      expect(failure).toBe(expectMap[headers.expect!]);
      if (out) expect(crypto.createHash('sha256').update(out).digest('hex')).toBe(headers.payload);
    });
  }
});

describe('age v1 — interop with the age CLI', () => {
  const sizes = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17];
  it('age -d reads what we encrypt; we read what age -e writes', async () => {
    const dir = tmpDir('obmin-age-');
    const me = generateRaw('x25519');
    const other = generateRaw('x25519');
    const keyFile = path.join(dir, 'key.txt');
    fs.writeFileSync(keyFile, `${ageIdentity(me.privateKey)}\n`, { mode: 0o600 });
    for (const size of sizes) {
      const plain = crypto.randomBytes(size);
      const enc = await collect(ageEncrypt(once(plain), [other.publicKey, me.publicKey]));
      const encFile = path.join(dir, `ours-${size}.age`);
      fs.writeFileSync(encFile, enc);
      expect(execFileSync('age', ['-d', '-i', keyFile, encFile], { maxBuffer: 1 << 26 }).equals(plain)).toBe(true);

      const theirs = execFileSync('age', ['-e', '-r', ageRecipient(me.publicKey)], { input: plain, maxBuffer: 1 << 26 });
      expect((await collect(ageDecrypt(once(theirs), me.privateKey))).equals(plain)).toBe(true);
    }
  });

  it('a flipped bit anywhere in the ciphertext is refused', async () => {
    const me = generateRaw('x25519');
    const plain = crypto.randomBytes(2 * CHUNK + 5);
    const enc = await collect(ageEncrypt(once(plain), [me.publicKey]));
    for (const at of [30, 100, enc.length - 200, enc.length - 1, Math.floor(enc.length / 2)]) {
      const bad = Buffer.from(enc);
      bad[at]! ^= 0x01;
      await expect(collect(ageDecrypt(once(bad), me.privateKey))).rejects.toBeInstanceOf(AgeError);
    }
  });
});
