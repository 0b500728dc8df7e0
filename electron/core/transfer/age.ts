// The age v1 format (age-encryption.org/v1) on node:crypto: X25519 recipient stanzas, the header MAC, and the STREAM
// payload (ChaCha20-Poly1305, 64 KiB chunks, nonce = 11-byte counter ‖ last-chunk flag), streamed in bounded memory.
import crypto from 'node:crypto';
import { privateKeyOf, publicKeyOf, rawPublic } from './keys';

export const AGE_VERSION_LINE = 'age-encryption.org/v1';
export const CHUNK = 64 * 1024;
const TAG = 16;
const X25519_INFO = 'age-encryption.org/v1/X25519';
/** A header larger than this is refused before anything is parsed (a real one with a few recipients is < 1 KiB). */
export const MAX_AGE_HEADER = 64 * 1024;

export type AgeFailure = 'header' | 'hmac' | 'no-match' | 'payload';
export class AgeError extends Error {
  constructor(
    readonly reason: AgeFailure,
    detail: string,
  ) {
    super(`age ${reason}: ${detail}`);
    this.name = 'AgeError';
  }
}

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64').replace(/=+$/, '');
const hkdf = (ikm: Uint8Array, salt: Uint8Array, info: string) => Buffer.from(crypto.hkdfSync('sha256', ikm, salt, info, 32));

/** Canonical unpadded base64 (RFC 4648 standard alphabet), or null. */
function unb64(s: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return null;
  const b = Buffer.from(s, 'base64');
  return b64(b) === s ? b : null;
}

function aead(key: Uint8Array, nonce: Uint8Array, data: Uint8Array): Buffer {
  const c = crypto.createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]);
}

function unaead(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Buffer | null {
  if (sealed.length < TAG) return null;
  const d = crypto.createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  try {
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG)), d.final()]);
  } catch {
    return null;
  }
}

function x25519(priv: crypto.KeyObject, pubRaw: Uint8Array): Buffer {
  return crypto.diffieHellman({ privateKey: priv, publicKey: publicKeyOf('x25519', pubRaw) });
}

function wrapBody(body: Buffer): string {
  const s = b64(body);
  const lines: string[] = [];
  for (let i = 0; i <= s.length; i += 64) lines.push(s.slice(i, i + 64));
  return lines.join('\n'); // the last line is always shorter than 64 columns (empty when the body fills the line)
}

/** The header for a fresh file key, sealed to each X25519 recipient (32-byte public keys). */
export function ageHeader(recipients: readonly Uint8Array[], fileKey: Buffer): Buffer {
  let text = `${AGE_VERSION_LINE}\n`;
  for (const r of recipients) {
    const eph = crypto.generateKeyPairSync('x25519').privateKey;
    const share = rawPublic(eph);
    const shared = x25519(eph, r);
    const wrapKey = hkdf(shared, Buffer.concat([share, Buffer.from(r)]), X25519_INFO);
    text += `-> X25519 ${b64(share)}\n${wrapBody(aead(wrapKey, Buffer.alloc(12), fileKey))}\n`;
  }
  text += '---';
  const mac = crypto
    .createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
    .update(text)
    .digest();
  return Buffer.from(`${text} ${b64(mac)}\n`);
}

function streamNonce(counter: number, last: boolean): Buffer {
  const n = Buffer.alloc(12);
  n.writeUIntBE(counter, 5, 6); // the 11-byte big-endian counter; 2^48 chunks is far beyond any file here
  n[11] = last ? 1 : 0;
  return n;
}

/** Encrypts a byte stream to the recipients; yields the age file (header, nonce, sealed chunks). */
export async function* ageEncrypt(source: AsyncIterable<Uint8Array>, recipients: readonly Uint8Array[]): AsyncGenerator<Buffer> {
  if (recipients.length === 0) throw new RangeError('no recipients');
  const fileKey = crypto.randomBytes(16);
  yield ageHeader(recipients, fileKey);
  const nonce = crypto.randomBytes(16);
  yield nonce;
  const key = hkdf(fileKey, nonce, 'payload');
  // `buf` holds what is not sealed yet; a big input piece is sealed chunk by chunk from views, never re-copied whole.
  let buf: Buffer = Buffer.alloc(0);
  let counter = 0;
  for await (const part of source) {
    const piece = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
    buf = buf.length ? Buffer.concat([buf, piece]) : piece;
    // A chunk is sealed as "not last" only once more bytes are known to follow it.
    let at = 0;
    while (buf.length - at > CHUNK) {
      yield aead(key, streamNonce(counter++, false), buf.subarray(at, at + CHUNK));
      at += CHUNK;
    }
    if (at) buf = Buffer.from(buf.subarray(at)); // a copy, so the caller's piece is not held
  }
  yield aead(key, streamNonce(counter, true), buf);
}

interface Stanza {
  type: string;
  args: string[];
  body: Buffer;
}

/** Parses the header text (without the MAC line's value) strictly as the spec's grammar; null on any deviation. */
function parseHeader(text: string): { stanzas: Stanza[]; macInput: string; mac: Buffer } | null {
  const lines = text.split('\n');
  if (lines[0] !== AGE_VERSION_LINE) return null;
  const stanzas: Stanza[] = [];
  let i = 1;
  const isArg = (a: string) => /^[\x21-\x7e]+$/.test(a);
  while (i < lines.length && lines[i]!.startsWith('-> ')) {
    const parts = lines[i]!.slice(3).split(' ');
    if (parts.length < 1 || !parts.every(isArg)) return null;
    i++;
    let body = '';
    for (;;) {
      const l = lines[i];
      if (l === undefined || l.length > 64) return null;
      i++;
      body += l;
      if (l.length < 64) break;
    }
    const bytes = unb64(body);
    if (!bytes) return null;
    stanzas.push({ type: parts[0]!, args: parts.slice(1), body: bytes });
  }
  const macLine = lines[i];
  if (!macLine?.startsWith('--- ') || i !== lines.length - 1) return null;
  const mac = unb64(macLine.slice(4));
  if (!mac || mac.length !== 32) return null;
  return { stanzas, macInput: `${lines.slice(0, i).join('\n')}\n---`, mac };
}

function unwrapX25519(stanzas: Stanza[], identity: Uint8Array): Buffer {
  // The spec: an scrypt stanza must be the only one; a file that mixes it with others is malformed.
  if (stanzas.some((s) => s.type === 'scrypt') && stanzas.length > 1) throw new AgeError('header', 'scrypt with other stanzas');
  const priv = privateKeyOf('x25519', identity);
  const ours = rawPublic(priv);
  for (const s of stanzas) {
    if (s.type !== 'X25519') continue;
    if (s.args.length !== 1) throw new AgeError('header', 'X25519 stanza arguments');
    const share = unb64(s.args[0]!);
    if (!share || share.length !== 32) throw new AgeError('header', 'X25519 share');
    if (s.body.length !== 32) throw new AgeError('header', 'X25519 body');
    let shared: Buffer;
    try {
      shared = x25519(priv, share);
    } catch {
      throw new AgeError('header', 'X25519 share');
    }
    if (shared.every((b) => b === 0)) throw new AgeError('header', 'low-order share');
    const key = unaead(hkdf(shared, Buffer.concat([share, ours]), X25519_INFO), Buffer.alloc(12), s.body);
    if (key) return key;
  }
  throw new AgeError('no-match', 'no stanza for this identity');
}

/** Reads from an async byte source with a look-ahead buffer. */
class Reader {
  private buf: Buffer = Buffer.alloc(0);
  private done = false;
  private readonly it: AsyncIterator<Uint8Array>;
  constructor(source: AsyncIterable<Uint8Array>) {
    this.it = source[Symbol.asyncIterator]();
  }
  /** Fills the buffer to at least n bytes (fewer only at the end); returns what is buffered. */
  async fill(n: number): Promise<Buffer> {
    const parts: Buffer[] = [this.buf];
    let size = this.buf.length;
    while (size < n && !this.done) {
      const r = await this.it.next();
      if (r.done) this.done = true;
      else {
        parts.push(Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength));
        size += r.value.byteLength;
      }
    }
    if (parts.length > 1) this.buf = Buffer.concat(parts);
    return this.buf;
  }
  take(n: number): Buffer {
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
}

/** Decrypts an age file with one X25519 identity; yields the plaintext as it is authenticated, chunk by chunk. */
export async function* ageDecrypt(source: AsyncIterable<Uint8Array>, identity: Uint8Array): AsyncGenerator<Buffer> {
  const r = new Reader(source);
  // The header ends at the first "\n--- …\n" line.
  let end = -1;
  for (let want = 1024; end < 0; want *= 2) {
    const buf = await r.fill(Math.min(want, MAX_AGE_HEADER + 1));
    const at = buf.indexOf('\n---');
    if (at >= 0) {
      const nl = buf.indexOf(0x0a, at + 1);
      if (nl >= 0) end = nl + 1;
    }
    if (end < 0 && (buf.length < want || want > MAX_AGE_HEADER)) throw new AgeError('header', 'no header end');
  }
  const headerBytes = r.take(end);
  const text = headerBytes.subarray(0, end - 1).toString('latin1');
  if (!/^[\x20-\x7e\n]*$/.test(text)) throw new AgeError('header', 'characters');
  const h = parseHeader(text);
  if (!h) throw new AgeError('header', 'syntax');
  const fileKey = unwrapX25519(h.stanzas, identity);
  if (fileKey.length !== 16) throw new AgeError('header', 'file key length');
  const mac = crypto
    .createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
    .update(h.macInput, 'latin1')
    .digest();
  if (!crypto.timingSafeEqual(mac, h.mac)) throw new AgeError('hmac', 'header MAC');

  const nb = await r.fill(16);
  if (nb.length < 16) throw new AgeError('header', 'payload nonce');
  const key = hkdf(fileKey, r.take(16), 'payload');
  const sealedChunk = CHUNK + TAG;
  for (let counter = 0; ; counter++) {
    const buf = await r.fill(sealedChunk + 1);
    const last = buf.length <= sealedChunk;
    const sealed = r.take(last ? buf.length : sealedChunk);
    const plain = unaead(key, streamNonce(counter, last), sealed);
    if (!plain) throw new AgeError('payload', `chunk ${counter}`);
    if (last && plain.length === 0 && counter > 0) throw new AgeError('payload', 'empty final chunk');
    yield plain;
    if (last) return;
  }
}
