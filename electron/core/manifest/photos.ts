// Photos for printing: the stored thumbnail first, else the original if it is a JPEG or PNG of sane size.
import type { Db } from '../vault/database';

/** Larger originals are left out (the page shows "photo unavailable"): a 20 MB scan would make a manifest unprintable. */
export const PRINT_PHOTO_MAX_BYTES = 1_500_000;

export function printablePhoto(b: Buffer | null | undefined): Buffer | null {
  if (!b || b.length < 8 || b.length > PRINT_PHOTO_MAX_BYTES) return null;
  const png = b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
  const jpeg = b[0] === 0xff && b[1] === 0xd8 && b[b.length - 2] === 0xff && b[b.length - 1] === 0xd9;
  return png || jpeg ? b : null;
}

/** The first live photo of each person (by creation time), as SHA-256 → printable bytes or null. */
export function firstPhotos(db: Db, personIds: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const stmt = db.prepare("SELECT sha256 FROM attachments WHERE person_id = ? AND deleted = 0 AND kind = 'photo' ORDER BY created_at, id LIMIT 1");
  for (const id of personIds) {
    const r = stmt.get(id) as { sha256: string } | undefined;
    if (r) out.set(id, r.sha256);
  }
  return out;
}

export function photoBytes(db: Db, shas: Iterable<string>): Map<string, Buffer | null> {
  const stmt = db.prepare('SELECT bytes, thumb FROM attachment_blobs WHERE sha256 = ?');
  const out = new Map<string, Buffer | null>();
  for (const sha of shas) {
    if (out.has(sha)) continue;
    const r = stmt.get(sha) as { bytes: Buffer; thumb: Buffer | null } | undefined;
    out.set(sha, printablePhoto(r?.thumb) ?? printablePhoto(r?.bytes));
  }
  return out;
}
