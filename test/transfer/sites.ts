// Test sites: real SQLCipher vaults in temp folders, paired by exchanging identity cards with the fingerprint confirmed.
import crypto from 'node:crypto';
import path from 'node:path';
import type { Core } from '../../electron/core';
import { fillDemo } from '../../electron/core/demo/demo';
import type { TransferContext } from '../../electron/core/transfer/context';
import { addPeer, exportIdentity } from '../../electron/core/transfer/identity';
import { createCore } from '../../electron/core';
import { PASS, TEST_KDF, tmpDir } from '../helpers/tmp';
import { openForDisplay } from '../../electron/core/vault/family';

export async function site(code: string, dir = tmpDir('obmin-site-')): Promise<Core> {
  const core = createCore({ dataDir: dir, kdf: TEST_KDF });
  await core.init({ siteCode: code, siteName: `Вигаданий вузол ${code}`, operator: 'Тестова Адміністраторка', passphrase: PASS });
  return core;
}

export function ctx(core: Core, extra: Partial<TransferContext> = {}): TransferContext {
  const s = core.require();
  return { db: s.db, operatorId: s.operator.id, ...extra };
}

/** Each site imports the other's card and confirms its fingerprint. */
export async function pair(a: Core, b: Core, dir = tmpDir('obmin-media-')): Promise<void> {
  const ca = await exportIdentity(ctx(a), path.join(dir, `${crypto.randomUUID()}.obmin`));
  const cb = await exportIdentity(ctx(b), path.join(dir, `${crypto.randomUUID()}.obmin`));
  addPeer(ctx(b), ca.file, ca.fingerprint);
  addPeer(ctx(a), cb.file, cb.fingerprint);
}

export async function demo(core: Core, count: number, seed = 7): Promise<void> {
  const s = core.require();
  await fillDemo(s.db, s.operator.id, { count, seed });
}

/** A hash over every replicated table's rows (and the clocks): equal hashes, equal registers. Family values are
 * compared opened: each site seals them under its own family key. */
export function registerHash(
  core: Core,
  tables = ['persons', 'sources', 'sightings', 'relatives', 'contact_log', 'attachments', 'status_changes', 'attachment_blobs'],
): string {
  const db = core.require().db;
  const h = crypto.createHash('sha256');
  for (const t of tables) {
    const cols = (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name).filter((c) => c !== 'updated_at');
    for (const row of db
      .prepare(`SELECT ${cols.join(', ')} FROM ${t} ORDER BY ${t === 'attachment_blobs' ? 'sha256' : 'id'}`)
      .raw()
      .iterate() as Iterable<unknown[]>) {
      const opened = row.map((v, i) => (typeof v === 'string' ? openForDisplay(db, t, cols[i]!, v) : v));
      h.update(JSON.stringify(opened, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
    }
  }
  return h.digest('hex');
}

/** Every table's full contents (the adversarial suite's "nothing changed"). */
export function dbHash(core: Core): string {
  const db = core.require().db;
  const h = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const t of tables) {
    h.update(`\n#${t}\n`);
    for (const row of db.prepare(`SELECT * FROM "${t}" ORDER BY 1`).raw().iterate() as Iterable<unknown[]>) {
      h.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)));
    }
  }
  return h.digest('hex');
}
