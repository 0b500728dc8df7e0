// Raw 32-byte X25519 / Ed25519 keys as node:crypto KeyObjects (fixed DER prefixes, RFC 8410), and age's key strings.
import crypto, { type KeyObject } from 'node:crypto';
import { bech32Decode, bech32Encode } from './bech32';

const DER = {
  x25519: { pkcs8: '302e020100300506032b656e04220420', spki: '302a300506032b656e032100' },
  ed25519: { pkcs8: '302e020100300506032b657004220420', spki: '302a300506032b6570032100' },
} as const;
type Curve = keyof typeof DER;

function check32(raw: Uint8Array): Buffer {
  if (raw.length !== 32) throw new RangeError('a key is 32 bytes');
  return Buffer.from(raw);
}

export function privateKeyOf(curve: Curve, raw: Uint8Array): KeyObject {
  return crypto.createPrivateKey({ key: Buffer.concat([Buffer.from(DER[curve].pkcs8, 'hex'), check32(raw)]), format: 'der', type: 'pkcs8' });
}

export function publicKeyOf(curve: Curve, raw: Uint8Array): KeyObject {
  return crypto.createPublicKey({ key: Buffer.concat([Buffer.from(DER[curve].spki, 'hex'), check32(raw)]), format: 'der', type: 'spki' });
}

export function rawPublic(key: KeyObject): Buffer {
  return (key.type === 'private' ? crypto.createPublicKey(key) : key).export({ format: 'der', type: 'spki' }).subarray(-32);
}

export function rawPrivate(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
}

export interface RawKeyPair {
  publicKey: Buffer;
  privateKey: Buffer;
}

export function generateRaw(curve: Curve): RawKeyPair {
  const { privateKey } = curve === 'x25519' ? crypto.generateKeyPairSync('x25519') : crypto.generateKeyPairSync('ed25519');
  return { publicKey: rawPublic(privateKey), privateKey: rawPrivate(privateKey) };
}

/** The public key of a raw private key. */
export function publicFromPrivate(curve: Curve, raw: Uint8Array): Buffer {
  return rawPublic(privateKeyOf(curve, raw));
}

/** `age1…`: an X25519 recipient as the age CLI writes it. */
export function ageRecipient(pub: Uint8Array): string {
  return bech32Encode('age', check32(pub));
}

/** `AGE-SECRET-KEY-1…`: an X25519 identity as the age CLI reads it (`age -d -i file`). */
export function ageIdentity(priv: Uint8Array): string {
  return bech32Encode('age-secret-key-', check32(priv)).toUpperCase();
}

export function parseAgeIdentity(s: string): Buffer | null {
  const d = bech32Decode(s.trim());
  return d && d.hrp === 'age-secret-key-' && d.data.length === 32 ? Buffer.from(d.data) : null;
}

export function parseAgeRecipient(s: string): Buffer | null {
  const d = bech32Decode(s.trim());
  return d && d.hrp === 'age' && d.data.length === 32 ? Buffer.from(d.data) : null;
}

/** Ed25519 public key as PEM, for `openssl pkeyutl -verify -pubin -inkey`. */
export function ed25519Pem(pub: Uint8Array): string {
  return publicKeyOf('ed25519', pub).export({ format: 'pem', type: 'spki' }).toString();
}
