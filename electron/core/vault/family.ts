// The family key: a second random key that seals the most sensitive columns (SEALED_COLUMNS) inside the already
// encrypted database, so an operator whose slot does not hold it (a role without family.read) finds only ciphertext
// even with the database key. AES-256-GCM from node:crypto; the column is the associated data (a value cannot be
// moved to another column unnoticed). The session holds its key (db/session.ts); the write path seals, readers open.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import { SEALED_COLUMNS } from '../../../shared/register/sensitivity';
import type { Table } from '../../../shared/replication/tables';
import type { Db } from './database';
import { sessionOf } from '../db/session';

/** A sealed value: this prefix + base64(iv ‖ ciphertext ‖ tag). Text, so the columns keep their type. */
export const SEALED_PREFIX = 'obmin-fk1:';

type Scalar = string | number | null;

const SEALED: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(SEALED_COLUMNS).map(([t, cols]) => [t, new Set(cols)]));

export function isSealedColumn(tbl: string, col: string): boolean {
  return SEALED.get(tbl)?.has(col) ?? false;
}

export function isSealed(v: unknown): v is string {
  return typeof v === 'string' && v.startsWith(SEALED_PREFIX);
}

const aad = (tbl: string, col: string) => Buffer.from(`obmin-family:v1:${tbl}.${col}`, 'utf8');

export function sealValue(key: Buffer, tbl: string, col: string, plain: string): string {
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad(tbl, col));
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return SEALED_PREFIX + Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64');
}

/** The plaintext, or null when the key is not the one it was sealed under (another site's, a damaged value). */
export function openValue(key: Buffer, tbl: string, col: string, sealed: string): string | null {
  const raw = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
  if (raw.length < 28) return null;
  try {
    const d = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    d.setAAD(aad(tbl, col));
    d.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
  } catch {
    return null;
  }
}

// The session's (db/session.ts): a Buffer (it holds the family key), null (it does not), undefined (not decided yet:
// migrations before the unlock finishes, tests' bare sites) — then values pass as they are. Wiped when it closes.
export function setFamilyKey(db: Db, key: Buffer | null): void {
  sessionOf(db).familyKey = key;
}

export function familyKeyOf(db: Db): Buffer | null | undefined {
  return sessionOf(db).familyKey;
}

/**
 * What the write path stores for sealed columns: plaintext is sealed; an already sealed value (a merge, another
 * site's change) is kept as it is. Without the key a session may not set them (NOT_ALLOWED); a null it sends for a
 * field it was never shown is dropped, so an edit by an analyst cannot wipe what it cannot see.
 */
export function sealValues(db: Db, tbl: string, values: Record<string, Scalar>, keepNulls = false): Record<string, Scalar> {
  const cols = SEALED.get(tbl);
  const key = familyKeyOf(db);
  if (!cols || key === undefined) return values;
  let out: Record<string, Scalar> | null = null;
  for (const col of Object.keys(values)) {
    if (!cols.has(col)) continue;
    const v = values[col];
    if (v === null || v === undefined) {
      if (key === null && !keepNulls) {
        out ??= { ...values };
        delete out[col];
      }
      continue;
    }
    if (isSealed(v)) continue;
    if (key === null) throw new ObminError('NOT_ALLOWED', { permission: 'family.write' });
    out ??= { ...values };
    out[col] = sealValue(key, tbl, col, String(v));
  }
  return out ?? values;
}

/** Whether a stored value already says what a write brings (plaintext compared after opening). */
export function sameSealed(db: Db, tbl: string, col: string, stored: Scalar | undefined, incoming: Scalar): boolean {
  if (stored === incoming) return true;
  const key = familyKeyOf(db);
  if (!key || !isSealed(stored) || isSealed(incoming) || incoming === null) return false;
  return openValue(key, tbl, col, stored) === String(incoming);
}

/** A row as this session may read it: sealed values opened with its key; without it every sealed column is null. */
export function openRow<T extends Record<string, unknown>>(db: Db, tbl: Table, row: T): T {
  const cols = SEALED.get(tbl);
  if (!cols) return row;
  const key = familyKeyOf(db);
  let out: Record<string, unknown> | null = null;
  for (const col of cols) {
    const v = row[col];
    if (v === null || v === undefined || (key && !isSealed(v))) continue;
    out ??= { ...row };
    out[col] = key && isSealed(v) ? openValue(key, tbl, col, v) : null;
  }
  return (out ?? row) as T;
}

/**
 * A change's fields as they leave this site in a transfer file (itself encrypted to the peer): values sealed under
 * this site's family key are opened, because each site has its own family key and the receiver seals them again under
 * its own (`sealValues` at import). A value this key cannot open (sealed elsewhere, never re-sealed) travels as it is.
 */
export function openFieldsForTransfer<T extends Scalar>(db: Db, tbl: string, fields: Record<string, T>): Record<string, T> {
  const cols = SEALED.get(tbl);
  const key = familyKeyOf(db);
  if (!cols || !key) return fields;
  let out: Record<string, T> | null = null;
  for (const col of cols) {
    const v = fields[col];
    if (!isSealed(v)) continue;
    const plain = openValue(key, tbl, col, v);
    if (plain === null) continue;
    out ??= { ...fields };
    out[col] = plain as T;
  }
  return out ?? fields;
}

/** A value as this session may show it (a conflict's two sides): opened when sealed; null without the key. */
export function openForDisplay(db: Db, tbl: string, col: string, v: Scalar): Scalar {
  if (!isSealed(v) || !isSealedColumn(tbl, col)) return v;
  const key = familyKeyOf(db);
  return key ? openValue(key, tbl, col, v) : null;
}
