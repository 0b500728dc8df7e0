// The vault's low level: the encrypted database file and the key slots that open it — whether a vault exists, opening
// it with the keys a slot gave (finishing an interrupted rotation), the slots file's bookkeeping and rekeying. No
// sessions, operators, migrations or audit here: those are vault.ts (login and session).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { ObminError } from '../../../shared/errors';
import type { DataPaths } from '../paths';
import { openDatabase, type Db } from './database';
import { keyCheckOf, readSlotsFile, resealAll, writeSlotsFile, type SlotsFile } from './keyslots';

export function isInitialised(p: DataPaths): boolean {
  return fs.existsSync(p.slots) || fs.existsSync(p.db);
}

/** Slots files from before the key check get one at the first unlock that proves the key opens the database. */
export function recordKeyCheck(p: DataPaths, key: Buffer): void {
  const now = readSlotsFile(p.slots);
  const check = keyCheckOf(now.vaultId, key);
  if (now.keyCheck !== check && !now.pendingSlots) writeSlotsFile(p.slots, { ...now, keyCheck: check });
}

/** A slot that gained its signing key at this unlock is written back (re-read: a rotation may have finished meanwhile). */
export function saveUpgradedSlot(p: DataPaths, slot: SlotsFile['slots'][number]): void {
  const now = readSlotsFile(p.slots);
  const i = now.slots.findIndex((x) => x.id === slot.id);
  if (i < 0 || now.slots[i]!.signing) return;
  now.slots[i] = { ...now.slots[i]!, signing: slot.signing };
  if (now.pendingSlots) now.pendingSlots = now.pendingSlots.map((x) => (x.id === slot.id ? { ...x, signing: slot.signing } : x));
  writeSlotsFile(p.slots, now);
}

/** Opens with the current key, or finishes a key rotation a crash interrupted (the pending key opens the file). */
export function openWithCandidates(p: DataPaths, slots: SlotsFile, candidates: Buffer[]): { db: Db; key: Buffer } {
  let lastError: unknown;
  for (const [i, key] of candidates.entries()) {
    try {
      const db = openDatabase(p.db, key);
      if (slots.pendingSlots) {
        writeSlotsFile(
          p.slots,
          i === 0
            ? { ...slots, pendingSlots: undefined }
            : { ...slots, slots: slots.pendingSlots, pendingSlots: undefined, keyCheck: keyCheckOf(slots.vaultId, key) },
        );
      }
      return { db, key };
    } catch (e) {
      lastError = e;
    }
  }
  // The slot opened but its key does not open the file: if it is not the current key, the slot is stale, not the file.
  if (slots.keyCheck && candidates.every((k) => keyCheckOf(slots.vaultId, k) !== slots.keyCheck)) throw new ObminError('SLOT_STALE');
  throw lastError;
}

/** New random database key: checkpoint the WAL, leave WAL mode (SQLCipher cannot rekey in WAL), rekey, return it. */
export function rekeyDatabase(p: DataPaths, db: Db): Buffer {
  const slots = readSlotsFile(p.slots);
  const next = crypto.randomBytes(32);
  writeSlotsFile(p.slots, { ...slots, pendingSlots: resealAll(slots, next) });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.pragma(`rekey="x'${next.toString('hex')}'"`);
  db.pragma('journal_mode = WAL');
  const after = readSlotsFile(p.slots);
  writeSlotsFile(p.slots, { ...after, slots: after.pendingSlots!, pendingSlots: undefined, keyCheck: keyCheckOf(after.vaultId, next) });
  return next;
}
