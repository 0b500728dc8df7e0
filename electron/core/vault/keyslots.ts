// Operator key slots. Each slot holds an X25519 key pair whose private half is wrapped under the operator's
// passphrase (Argon2id → AES-256-GCM); the database key is sealed to every slot's public key. A passphrase change
// re-wraps one private key; a database-key rotation re-seals to all public keys without anyone's passphrase.
// Each slot also wraps the operator's own Ed25519 audit-signing key under the same passphrase-derived key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { ObminError } from '../../../shared/errors';
import { readJsonFile, writeFileAtomic } from '../fsutil';
import { deriveKey, KdfParamsSchema, type KdfParams } from './kdf';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const Sealed = z.object({ iv: b64, ct: b64, tag: b64 });
const SlotSchema = z.object({
  id: z.string().uuid(),
  operatorId: z.string().uuid(),
  lookup: b64,
  kdf: KdfParamsSchema.extend({ salt: b64 }),
  publicKey: b64,
  wrappedPrivateKey: Sealed,
  sealedDbKey: Sealed.extend({ ephemeralPublicKey: b64 }),
  /** Absent in slots made before audit signatures: added at the operator's next unlock. */
  signing: z.object({ keyId: z.string().uuid(), publicKey: b64, wrappedPrivateKey: Sealed }).optional(),
  /** The family key sealed to this slot: only slots of roles with family.read have it (vault/family.ts). */
  sealedFamilyKey: Sealed.extend({ ephemeralPublicKey: b64 }).optional(),
  /** A rotated family key sealed to this slot, written before the database is re-sealed (vault/familyRotate.ts). */
  pendingFamilyKey: Sealed.extend({ ephemeralPublicKey: b64 }).optional(),
});
export type Slot = z.infer<typeof SlotSchema>;

export const SlotsFileSchema = z.object({
  format: z.literal('obmin-keyslots'),
  version: z.literal(1),
  lookupSalt: b64,
  /** Random per-installation id (not secret); binds sealed keys to this vault. */
  vaultId: z.string().uuid(),
  slots: z.array(SlotSchema),
  /** A keyed check of the current database key: tells a slot that opens an older key from a damaged database. */
  keyCheck: b64.optional(),
  /** A keyed check of the family key: present once the vault has one (sealing of existing data done or under way). */
  familyKeyCheck: b64.optional(),
  /** Written before a key rotation rekeys the database, so a crash in between can be finished on the next open. */
  pendingSlots: z.array(SlotSchema).optional(),
  /** The check of a family key being rotated in: set until the re-sealed database and this file agree. */
  pendingFamilyKeyCheck: b64.optional(),
});
export type SlotsFile = z.infer<typeof SlotsFileSchema>;

const b = (buf: Buffer) => buf.toString('base64');
const unb = (s: string) => Buffer.from(s, 'base64');

/** Operator names never appear in the file: a keyed hash finds the slot. */
export function lookupTag(lookupSalt: string, operatorName: string): string {
  const norm = operatorName.normalize('NFC').trim().toLocaleLowerCase('uk');
  return b(crypto.createHmac('sha256', unb(lookupSalt)).update(norm, 'utf8').digest());
}

function gcmSeal(key: Buffer, plain: Buffer, aad: string) {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv: b(iv), ct: b(ct), tag: b(c.getAuthTag()) };
}

function gcmOpen(key: Buffer, s: { iv: string; ct: string; tag: string }, aad: string): Buffer | null {
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', key, unb(s.iv));
    d.setAAD(Buffer.from(aad, 'utf8'));
    d.setAuthTag(unb(s.tag));
    return Buffer.concat([d.update(unb(s.ct)), d.final()]);
  } catch {
    return null;
  }
}

function sealTo(publicKeyDer: string, dbKey: Buffer, aad: string, info = 'obmin-db-key'): Slot['sealedDbKey'] {
  const eph = crypto.generateKeyPairSync('x25519');
  const shared = crypto.diffieHellman({
    privateKey: eph.privateKey,
    publicKey: crypto.createPublicKey({ key: unb(publicKeyDer), format: 'der', type: 'spki' }),
  });
  const ephPub = eph.publicKey.export({ format: 'der', type: 'spki' });
  const kek = Buffer.from(crypto.hkdfSync('sha256', shared, ephPub, `${info}:${aad}`, 32));
  return { ...gcmSeal(kek, dbKey, aad), ephemeralPublicKey: b(ephPub) };
}

function unseal(privateKey: crypto.KeyObject, sealed: Slot['sealedDbKey'], aad: string, info = 'obmin-db-key'): Buffer | null {
  const ephPub = unb(sealed.ephemeralPublicKey);
  const shared = crypto.diffieHellman({ privateKey, publicKey: crypto.createPublicKey({ key: ephPub, format: 'der', type: 'spki' }) });
  const kek = Buffer.from(crypto.hkdfSync('sha256', shared, ephPub, `${info}:${aad}`, 32));
  return gcmOpen(kek, sealed, aad);
}

const privAad = (vaultId: string, slotId: string) => `obmin-slot-private:${vaultId}:${slotId}`;
const dbAad = (vaultId: string, slotId: string) => `${vaultId}:${slotId}`;
const signAad = (vaultId: string, slotId: string) => `obmin-slot-signing:${vaultId}:${slotId}`;
const familyAad = (vaultId: string, slotId: string) => `obmin-slot-family:${vaultId}:${slotId}`;

/** Seals the family key to a slot's public key: needs the family key, not the operator's passphrase. */
export function withFamilyKey(file: SlotsFile, slot: Slot, familyKey: Buffer): Slot {
  return { ...slot, sealedFamilyKey: sealTo(slot.publicKey, familyKey, familyAad(file.vaultId, slot.id), 'obmin-family-key') };
}

/** The same for a family key being rotated in (pendingFamilyKey); promoted to sealedFamilyKey when the rotation ends. */
export function withPendingFamilyKey(file: SlotsFile, slot: Slot, familyKey: Buffer): Slot {
  return { ...slot, pendingFamilyKey: sealTo(slot.publicKey, familyKey, familyAad(file.vaultId, slot.id), 'obmin-family-key') };
}

export function withoutFamilyKey(slot: Slot): Slot {
  const { sealedFamilyKey: _drop, ...rest } = slot;
  return rest;
}

export function familyKeyCheckOf(vaultId: string, familyKey: Buffer): string {
  return b(crypto.createHmac('sha256', familyKey).update(`obmin-family-key-check:${vaultId}`).digest().subarray(0, 16));
}

export interface OpenedSigning {
  keyId: string;
  publicKey: string;
  privateKey: crypto.KeyObject;
}

function wrapSigning(kek: Buffer, vaultId: string, slotId: string): { stored: NonNullable<Slot['signing']>; opened: OpenedSigning } {
  const pair = crypto.generateKeyPairSync('ed25519');
  const keyId = crypto.randomUUID();
  const publicKey = b(pair.publicKey.export({ format: 'der', type: 'spki' }));
  const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  const stored = { keyId, publicKey, wrappedPrivateKey: gcmSeal(kek, der, signAad(vaultId, slotId)) };
  der.fill(0);
  return { stored, opened: { keyId, publicKey, privateKey: pair.privateKey } };
}

function openSigning(kek: Buffer, vaultId: string, slot: Slot): OpenedSigning | null {
  if (!slot.signing) return null;
  const der = gcmOpen(kek, slot.signing.wrappedPrivateKey, signAad(vaultId, slot.id));
  if (!der) return null;
  const privateKey = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  der.fill(0);
  return { keyId: slot.signing.keyId, publicKey: slot.signing.publicKey, privateKey };
}

export function keyCheckOf(vaultId: string, dbKey: Buffer): string {
  return b(crypto.createHmac('sha256', dbKey).update(`obmin-key-check:${vaultId}`).digest().subarray(0, 16));
}

export function newSlotsFile(): SlotsFile {
  return { format: 'obmin-keyslots', version: 1, lookupSalt: b(crypto.randomBytes(32)), vaultId: crypto.randomUUID(), slots: [] };
}

export async function createSlot(file: SlotsFile, operatorId: string, operatorName: string, passphrase: string, dbKey: Buffer, kdf: KdfParams): Promise<Slot> {
  return (await createSlotWithSigning(file, operatorId, operatorName, passphrase, dbKey, kdf)).slot;
}

/** A new slot and its opened signing key (the first administrator signs the vault's first entries with it). */
export async function createSlotWithSigning(
  file: SlotsFile,
  operatorId: string,
  operatorName: string,
  passphrase: string,
  dbKey: Buffer,
  kdf: KdfParams,
): Promise<{ slot: Slot; signing: OpenedSigning }> {
  const id = crypto.randomUUID();
  const salt = crypto.randomBytes(16);
  const kek = await deriveKey(passphrase, salt, kdf);
  const pair = crypto.generateKeyPairSync('x25519');
  const priv = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
  const publicKey = b(pair.publicKey.export({ format: 'der', type: 'spki' }));
  const slot: Slot = {
    id,
    operatorId,
    lookup: lookupTag(file.lookupSalt, operatorName),
    kdf: { ...kdf, salt: b(salt) },
    publicKey,
    wrappedPrivateKey: gcmSeal(kek, priv, privAad(file.vaultId, id)),
    sealedDbKey: sealTo(publicKey, dbKey, dbAad(file.vaultId, id)),
  };
  const signing = wrapSigning(kek, file.vaultId, id);
  slot.signing = signing.stored;
  kek.fill(0);
  priv.fill(0);
  return { slot, signing: signing.opened };
}

export interface OpenedSlot {
  slot: Slot;
  dbKey: Buffer;
  candidates: Buffer[];
  signing: OpenedSigning;
  /** The family key, when this slot holds one (a role with family.read) and it matches the vault's check. */
  familyKey: Buffer | null;
  /** The family key a rotation is bringing in, when this slot holds it and it matches the pending check. */
  pendingFamilyKey: Buffer | null;
  /** Set when the slot gained a signing key just now: the caller writes it back to the slots file. */
  upgraded: boolean;
}

/** Returns the database key and slot, or null for any failure — the caller must not learn which. */
export async function openSlot(file: SlotsFile, operatorName: string | null, passphrase: string, dummyKdf: KdfParams): Promise<OpenedSlot | null> {
  if (operatorName === null) {
    // No name given (a script on a one-operator workstation): try each slot in turn.
    for (const slot of file.slots) {
      const r = await tryOpen(file, slot, passphrase);
      if (r) return r;
    }
    return null;
  }
  const tag = lookupTag(file.lookupSalt, operatorName);
  const slot = file.slots.find((s) => s.lookup === tag);
  if (!slot) {
    // Spend the same time as a real attempt (a real slot's cost) so timing says nothing about whether the operator exists.
    const cost = file.slots[0]?.kdf ?? dummyKdf;
    await deriveKey(passphrase, crypto.randomBytes(16), {
      alg: 'argon2id',
      memoryKiB: cost.memoryKiB,
      iterations: cost.iterations,
      parallelism: cost.parallelism,
    });
    return null;
  }
  return tryOpen(file, slot, passphrase);
}

async function tryOpen(file: SlotsFile, slot: Slot, passphrase: string): Promise<OpenedSlot | null> {
  const kek = await deriveKey(passphrase, unb(slot.kdf.salt), slot.kdf);
  const priv = gcmOpen(kek, slot.wrappedPrivateKey, privAad(file.vaultId, slot.id));
  if (!priv) {
    kek.fill(0);
    return null;
  }
  let signing = openSigning(kek, file.vaultId, slot);
  let upgraded = false;
  if (!signing) {
    if (slot.signing) {
      kek.fill(0);
      return null;
    }
    const made = wrapSigning(kek, file.vaultId, slot.id);
    slot = { ...slot, signing: made.stored };
    signing = made.opened;
    upgraded = true;
  }
  kek.fill(0);
  const privateKey = crypto.createPrivateKey({ key: priv, format: 'der', type: 'pkcs8' });
  priv.fill(0);
  const dbKey = unseal(privateKey, slot.sealedDbKey, dbAad(file.vaultId, slot.id));
  if (!dbKey) return null;
  const pending = file.pendingSlots?.find((s) => s.id === slot.id);
  const next = pending ? unseal(privateKey, pending.sealedDbKey, dbAad(file.vaultId, slot.id)) : null;
  let familyKey = slot.sealedFamilyKey ? unseal(privateKey, slot.sealedFamilyKey, familyAad(file.vaultId, slot.id), 'obmin-family-key') : null;
  if (familyKey && file.familyKeyCheck && familyKeyCheckOf(file.vaultId, familyKey) !== file.familyKeyCheck) familyKey = null;
  let pendingFamilyKey = slot.pendingFamilyKey ? unseal(privateKey, slot.pendingFamilyKey, familyAad(file.vaultId, slot.id), 'obmin-family-key') : null;
  if (pendingFamilyKey && familyKeyCheckOf(file.vaultId, pendingFamilyKey) !== file.pendingFamilyKeyCheck) pendingFamilyKey = null;
  return { slot, dbKey, candidates: next ? [dbKey, next] : [dbKey], signing, familyKey, pendingFamilyKey, upgraded };
}

export async function rewrapSlot(file: SlotsFile, slot: Slot, oldPassphrase: string, newPassphrase: string, kdf: KdfParams): Promise<Slot | null> {
  const oldKek = await deriveKey(oldPassphrase, unb(slot.kdf.salt), slot.kdf);
  const priv = gcmOpen(oldKek, slot.wrappedPrivateKey, privAad(file.vaultId, slot.id));
  if (!priv) {
    oldKek.fill(0);
    return null;
  }
  const salt = crypto.randomBytes(16);
  const kek = await deriveKey(newPassphrase, salt, kdf);
  const signing = openSigning(oldKek, file.vaultId, slot);
  oldKek.fill(0);
  const rewrapped: Slot = { ...slot, kdf: { ...kdf, salt: b(salt) }, wrappedPrivateKey: gcmSeal(kek, priv, privAad(file.vaultId, slot.id)) };
  if (signing && slot.signing) {
    const der = signing.privateKey.export({ format: 'der', type: 'pkcs8' });
    rewrapped.signing = { ...slot.signing, wrappedPrivateKey: gcmSeal(kek, der, signAad(file.vaultId, slot.id)) };
    der.fill(0);
  }
  kek.fill(0);
  priv.fill(0);
  return rewrapped;
}

/** Re-seal a (new) database key to every slot: no passphrase needed. */
export function resealAll(file: SlotsFile, dbKey: Buffer): Slot[] {
  return file.slots.map((s) => ({ ...s, sealedDbKey: sealTo(s.publicKey, dbKey, dbAad(file.vaultId, s.id)) }));
}

export function readSlotsFile(path: string): SlotsFile {
  const raw = readJsonFile(path, 'SLOTS_CORRUPT');
  const parsed = SlotsFileSchema.safeParse(raw);
  if (!parsed.success) throw new ObminError('SLOTS_CORRUPT', { file: path });
  return parsed.data;
}

export function writeSlotsFile(path: string, file: SlotsFile): void {
  writeFileAtomic(path, JSON.stringify(SlotsFileSchema.parse(file), null, 1));
}

export function slotsFileExists(path: string): boolean {
  return fs.existsSync(path);
}
