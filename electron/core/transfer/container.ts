// The transfer file on disk: `OBMIN-TRANSFER 1\n` · header JSON line · age ciphertext · 64-byte Ed25519 signature over
// the first two lines (the header binds the ciphertext by its size and SHA-512). docs/transfer-format.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ObminError } from '../../../shared/errors';
import { FORMAT_VERSION, Header, MAGIC_PREFIX, MAX_HEADER_BYTES, SIGNATURE_BYTES } from '../../../shared/transfer/format';
import { fsyncDir } from '../fsutil';
import { ageEncrypt } from './age';
import { privateKeyOf, publicKeyOf } from './keys';
import { TransferRefused } from './refusal';

const READ_CHUNK = 1 << 20;

export interface ParsedFile {
  header: Header;
  /** The signed bytes: the magic line and the header line, newlines included. */
  signed: Buffer;
  signature: Buffer;
  ciphertextStart: number;
  size: number;
}

/** Reads the header and signature only; the size is checked by stat before any byte is read. */
export function readContainer(file: string, maxBytes: number): ParsedFile {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new ObminError('IO', { file });
  }
  if (size > maxBytes) throw new TransferRefused('too-large', { file, limit: maxBytes });
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, 32 + MAX_HEADER_BYTES));
    fs.readSync(fd, head, 0, head.length, 0);
    const nl = head.indexOf(0x0a);
    const first = head.subarray(0, nl < 0 ? Math.min(32, head.length) : nl).toString('latin1');
    if (!first.startsWith(MAGIC_PREFIX) || nl < 0 || nl > 32) throw new TransferRefused('not-a-transfer-file');
    if (first !== `${MAGIC_PREFIX}${FORMAT_VERSION}`) throw new TransferRefused('unknown-version', { found: first.slice(MAGIC_PREFIX.length, 24) });
    const end = head.indexOf(0x0a, nl + 1);
    if (end < 0) throw new TransferRefused(head.length < 32 + MAX_HEADER_BYTES ? 'truncated' : 'bad-header');
    let header: Header;
    try {
      const parsed = Header.safeParse(JSON.parse(head.subarray(nl + 1, end).toString('utf8')));
      if (!parsed.success) throw new Error('schema');
      header = parsed.data;
    } catch {
      throw new TransferRefused('bad-header');
    }
    const ciphertextStart = end + 1;
    const expected = ciphertextStart + header.ciphertext.size + SIGNATURE_BYTES;
    if (size < expected) throw new TransferRefused('truncated', { size, expected });
    if (size > expected) throw new TransferRefused('bad-header', { size, expected });
    const signature = Buffer.alloc(SIGNATURE_BYTES);
    fs.readSync(fd, signature, 0, SIGNATURE_BYTES, size - SIGNATURE_BYTES);
    return { header, signed: Buffer.from(head.subarray(0, ciphertextStart)), signature, ciphertextStart, size };
  } finally {
    fs.closeSync(fd);
  }
}

export function signatureValid(f: ParsedFile, signingKey: Uint8Array): boolean {
  return crypto.verify(null, f.signed, publicKeyOf('ed25519', signingKey), f.signature);
}

/** The ciphertext's bytes as read from the file, in pieces, each also fed to `tap` (hashing as it is read). */
export async function* ciphertextOf(file: string, f: ParsedFile, tap?: (b: Buffer) => void): AsyncGenerator<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    let pos = f.ciphertextStart;
    const end = f.ciphertextStart + f.header.ciphertext.size;
    while (pos < end) {
      const buf = Buffer.allocUnsafe(Math.min(READ_CHUNK, end - pos));
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) throw new TransferRefused('truncated');
      const piece = buf.subarray(0, bytesRead);
      tap?.(piece);
      pos += bytesRead;
      yield piece;
    }
  } finally {
    await fh.close();
  }
}

export async function ciphertextDigest(file: string, f: ParsedFile): Promise<string> {
  const h = crypto.createHash('sha512');
  for await (const piece of ciphertextOf(file, f, (b) => h.update(b))) void piece;
  return h.digest('hex');
}

export type HeaderDraft = Omit<Header, 'format' | 'payload' | 'ciphertext'>;

export interface WriteResult {
  header: Header;
  bytes: number;
  sha256: string;
  file: string;
}

async function writeAll(fh: fs.promises.FileHandle, source: AsyncIterable<Uint8Array>, tap: (b: Uint8Array) => void): Promise<void> {
  for await (const b of source) {
    tap(b);
    await fh.write(b);
  }
}

/**
 * Writes a file atomically beside `out`: the ciphertext to a temp file first (its size and SHA-512 go into the
 * header), then header · ciphertext · signature to a second temp file, fsync, rename. The plaintext never touches disk.
 */
export async function writeContainer(
  out: string,
  draft: HeaderDraft,
  payload: AsyncIterable<Uint8Array> | null,
  recipientKeys: readonly Uint8Array[],
  signingPrivate: Uint8Array,
): Promise<WriteResult> {
  const dir = path.dirname(out);
  const tag = crypto.randomBytes(6).toString('hex');
  const ctTmp = path.join(dir, `.${path.basename(out)}.${tag}.ct.tmp`);
  const tmp = path.join(dir, `.${path.basename(out)}.${tag}.tmp`);
  try {
    const ctHash = crypto.createHash('sha512');
    const plainHash = crypto.createHash('sha256');
    let plainSize = 0;
    let ctSize = 0;
    if (payload) {
      const fh = await fs.promises.open(ctTmp, 'wx', 0o600);
      try {
        async function* tapped(): AsyncGenerator<Uint8Array> {
          for await (const b of payload!) {
            plainHash.update(b);
            plainSize += b.byteLength;
            yield b;
          }
        }
        await writeAll(fh, ageEncrypt(tapped(), recipientKeys), (b) => {
          ctHash.update(b);
          ctSize += b.byteLength;
        });
      } finally {
        await fh.close();
      }
    }
    const header: Header = {
      format: FORMAT_VERSION,
      ...draft,
      payload: payload ? { size: plainSize, sha256: plainHash.digest('hex') } : null,
      ciphertext: { size: ctSize, sha512: ctHash.digest('hex') },
    };
    const ordered = Header.parse(header); // the schema's key order is the file's
    const signed = Buffer.from(`${MAGIC_PREFIX}${FORMAT_VERSION}\n${JSON.stringify(ordered)}\n`, 'utf8');
    if (signed.length > MAX_HEADER_BYTES) throw new ObminError('VALIDATION', { detail: 'header too large' });
    const signature = crypto.sign(null, signed, privateKeyOf('ed25519', signingPrivate));
    const fileHash = crypto.createHash('sha256').update(signed);
    const fh = await fs.promises.open(tmp, 'wx', 0o600);
    try {
      await fh.write(signed);
      if (payload) {
        const src = fs.createReadStream(ctTmp, { highWaterMark: READ_CHUNK });
        await writeAll(fh, src, (b) => fileHash.update(b));
      }
      await fh.write(signature);
      fileHash.update(signature);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(tmp, out);
    fsyncDir(dir);
    return { header: ordered, bytes: signed.length + ctSize + SIGNATURE_BYTES, sha256: fileHash.digest('hex'), file: out };
  } catch (e) {
    if (e instanceof ObminError) throw e;
    throw new ObminError('IO', { file: out, cause: (e as Error).message });
  } finally {
    await fs.promises.rm(ctTmp, { force: true });
    await fs.promises.rm(tmp, { force: true });
  }
}
