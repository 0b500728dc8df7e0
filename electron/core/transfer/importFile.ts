// Reading a transfer file: size, header, then the signature against a trusted, unrevoked key — before a byte is
// decrypted — then this site as a recipient, then the payload record by record; applied in one transaction.
import crypto from 'node:crypto';
import { ClockDriftError, MAX_DRIFT_MS } from '../../../shared/hlc';
import { ObminError } from '../../../shared/errors';
import { siteCodesLineSchema, type Header, type SiteCodesLine } from '../../../shared/transfer/format';
import { appendAudit, recordWitness } from '../audit/audit';
import { sessionOf } from '../db/session';
import { yieldBetweenBatches } from '../db/yield';
import { AgeError, ageDecrypt } from './age';
import { linesOf, schemaOf, validateChange, validateRecord, type BlobRecord, type ValidRecord } from './changes';
import { applyChanges, previewChanges } from '../replication';
import { fitsExchange, massChange, profileLineSchema, type Change, type MassChange } from '../../../shared/replication';
import { ciphertextOf, readContainer, signatureValid, type ParsedFile } from './container';
import { maxBytesOf, siteMeta, type TransferContext, type TransferPhase } from './context';
import { getPeer, peerKey } from './peers';
import { learnSiteCodes } from './siteCodes';
import { TransferRefused, refused } from './refusal';
import { allKeys } from './siteKeys';
import type { Db } from '../vault/database';
import { sealValues } from '../vault/family';

const IMPORT_CACHE_KIB = -524288;

export interface Verified {
  file: string;
  /** SHA-256 of the whole file, for the history. */
  sha256: string;
  parsed: ParsedFile;
  header: Header;
  sender: { site: string; name: string; fingerprint: string };
  seq: number;
  identity: Buffer;
  /** This file was imported before: importing it again changes nothing. */
  alreadyImported: boolean;
}

/** Every check that needs no decryption. Throws TransferRefused with the first reason found. */
export async function verifyFile(ctx: TransferContext, file: string): Promise<Verified> {
  const db = ctx.db;
  const parsed = readContainer(file, maxBytesOf(ctx));
  const h = parsed.header;
  const own = allKeys(db);
  if (own.some((k) => k.fingerprint === h.sender.fingerprint)) throw new TransferRefused('own-file');
  const key = peerKey(db, h.sender.fingerprint);
  const peer = key ? getPeer(db, key.site) : undefined;
  if (!key || !peer || key.site !== h.sender.site) throw new TransferRefused('unknown-signer', { site: h.sender.site });
  // A key retired by rotation signs nothing new; a file it signed before and that was imported still verifies (as a no-op).
  const kept =
    key.status === 'retired'
      ? (db.prepare("SELECT sha256 FROM transfer_files WHERE direction = 'in' AND peer = ? AND file_id = ?").pluck().get(key.site, h.fileId) as
          string | undefined)
      : undefined;
  if (key.status === 'revoked' || (key.status === 'retired' && kept === undefined) || peer.status === 'revoked')
    throw new TransferRefused('revoked-signer', { site: key.site });
  if (key.status !== 'trusted' && kept === undefined) throw new TransferRefused('untrusted-signer', { site: key.site });
  if (!signatureValid(parsed, key.signing_key)) throw new TransferRefused('bad-signature');
  const whole = crypto.createHash('sha256').update(parsed.signed);
  const ct = crypto.createHash('sha512');
  for await (const piece of ciphertextOf(file, parsed, (b) => (ct.update(b), whole.update(b)))) void piece;
  if (ct.digest('hex') !== h.ciphertext.sha512) throw new TransferRefused('bad-signature', { part: 'ciphertext' });
  const sha256 = whole.update(parsed.signature).digest('hex');
  if (kept !== undefined && kept !== sha256) throw new TransferRefused('revoked-signer', { site: key.site });
  if (h.kind === 'identity' || !h.payload) throw new TransferRefused('wrong-kind');
  const me = siteMeta(db).code;
  const mine = h.recipients.find((r) => r.site === me && own.some((k) => k.fingerprint === r.fingerprint));
  const identity = mine ? own.find((k) => k.fingerprint === mine.fingerprint)!.encryption.privateKey : null;
  if (!mine || !identity) throw new TransferRefused('not-recipient');
  const seen = db
    .prepare("SELECT file_id FROM transfer_files WHERE direction = 'in' AND peer = ? AND kind = ? AND seq = ?")
    .pluck()
    .get(key.site, h.kind, mine.seq) as string | undefined;
  if (seen !== undefined && seen !== h.fileId) throw new TransferRefused('replay', { seq: mine.seq });
  return {
    file,
    sha256,
    parsed,
    header: h,
    sender: { site: key.site, name: peer.name, fingerprint: key.fingerprint },
    seq: mine.seq,
    identity,
    alreadyImported: seen === h.fileId,
  };
}

/** Decrypts and validates the payload record by record; the ciphertext is hashed again as it is read (it must be
 * the bytes that were verified), and the plaintext must match the header's size and SHA-256. */
async function* recordsOf(
  ctx: TransferContext,
  v: Verified,
  phase: TransferPhase,
  meta: { round?: number | null } = {},
): AsyncGenerator<ValidRecord | BlobRecord | { change: Change } | { ack: unknown } | SiteCodesLine> {
  const schema = schemaOf(ctx.db);
  const ctHash = crypto.createHash('sha512');
  const ptHash = crypto.createHash('sha256');
  const total = v.header.payload!.size;
  let size = 0;
  let lineNo = 0;
  async function* plain(): AsyncGenerator<Buffer> {
    try {
      for await (const b of ageDecrypt(
        ciphertextOf(v.file, v.parsed, (c) => ctHash.update(c)),
        v.identity,
      )) {
        ptHash.update(b);
        size += b.length;
        if (size > total) throw new TransferRefused('payload-mismatch');
        yield b;
      }
    } catch (e) {
      if (e instanceof AgeError) throw new TransferRefused('decrypt-failed', { part: e.reason });
      throw e;
    }
  }
  const now = Date.now();
  let exchange = false;
  for await (const line of linesOf(plain())) {
    lineNo++;
    if (lineNo === 1 && line.startsWith('{"profile":')) {
      // A profiled file (docs/replication.md): an exchange package is checked again here, line by line.
      let p: unknown;
      try {
        p = JSON.parse(line);
      } catch {
        throw new TransferRefused('bad-record', { line: lineNo });
      }
      const parsed = profileLineSchema.safeParse(p);
      if (!parsed.success || v.header.kind !== 'changes') throw new TransferRefused('bad-record', { line: lineNo });
      exchange = parsed.data.profile.name === 'exchange';
      meta.round = exchange ? parsed.data.profile.round : null;
      continue;
    }
    if (lineNo <= 2 && v.header.kind === 'changes' && line.startsWith('{"sites":')) {
      // Which site each stamp's site id is (transfer/siteCodes.ts); learnt only when the whole file applies.
      let p: unknown;
      try {
        p = JSON.parse(line);
      } catch {
        throw new TransferRefused('bad-record', { line: lineNo });
      }
      const parsed = siteCodesLineSchema.safeParse(p);
      if (!parsed.success) throw new TransferRefused('bad-record', { line: lineNo });
      yield parsed.data;
      continue;
    }
    if (v.header.kind === 'ack') {
      if (lineNo > 1) throw new TransferRefused('bad-record', { line: lineNo });
      yield parseAck(line);
      continue;
    }
    if (line.startsWith('{"c":')) {
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        throw new TransferRefused('bad-record', { line: lineNo });
      }
      const valid = validateChange(raw as { c?: unknown }, schema, lineNo, now);
      if (exchange && !fitsExchange(valid)) throw new TransferRefused('forbidden-field', { line: lineNo, table: valid.tbl });
      // Family values arrive open (inside the encrypted file) and are sealed under this site's own family key.
      const change = { ...valid, fields: sealValues(ctx.db, valid.tbl, valid.fields, true) };
      yield { change };
      if (lineNo % 2000 === 0) ctx.progress?.(phase, size, total);
      continue;
    }
    const rec = validateRecord(line, schema, lineNo);
    if ('blob' in rec) {
      yield rec;
      continue;
    }
    for (const { stamp } of Object.values(rec.fields)) if (stamp.millis - now > MAX_DRIFT_MS) throw new TransferRefused('clock-drift', { line: lineNo });
    if (lineNo % 2000 === 0) ctx.progress?.(phase, size, total);
    yield rec;
  }
  if (size !== total || ptHash.digest('hex') !== v.header.payload!.sha256) throw new TransferRefused('payload-mismatch');
  if (ctHash.digest('hex') !== v.header.ciphertext.sha512) throw new TransferRefused('bad-signature', { part: 'ciphertext' });
  ctx.progress?.(phase, total, total);
}

function parseAck(line: string): { ack: { seq: number; files: string[] } } {
  try {
    const a = (JSON.parse(line) as { ack?: { seq?: unknown; files?: unknown } }).ack;
    if (a && Number.isSafeInteger(a.seq) && Array.isArray(a.files) && a.files.every((f) => typeof f === 'string' && f.length <= 64)) {
      return { ack: { seq: a.seq as number, files: a.files as string[] } };
    }
  } catch {
    // fall through
  }
  throw new TransferRefused('bad-record', { line: 1 });
}

/** The peer applied these files: it holds every change up to the newest full file's position (each full file carries
 * everything after what was acknowledged when it was written), so the next file starts there. */
function ackedThrough(db: Db, peer: string, files: readonly string[]): void {
  db.prepare(
    "UPDATE peers SET acked_through = max(acked_through, coalesce((SELECT max(through_change) FROM transfer_files WHERE direction = 'out' AND kind = 'changes' AND peer = ? AND file_id IN (SELECT value FROM json_each(?))), 0)) WHERE site = ?",
  ).run(peer, JSON.stringify(files), peer);
}

/** Records the file names (distinct), and of those the ones it adds and changes; the rest it leaves as they are. */
function count(s: ImportSummary, changes: Change[], r: { added: number; changed: number } | null): void {
  s.records = new Set(changes.map((c) => `${c.tbl}\u0000${c.row}`)).size;
  s.added = r?.added ?? 0;
  s.changed = r?.changed ?? 0;
  s.unchanged = s.records - s.added - s.changed;
}

export interface ImportSummary {
  fileId: string;
  kind: Header['kind'];
  sender: { site: string; name: string; fingerprint: string };
  seq: number;
  createdAt: string;
  records: number;
  added: number;
  changed: number;
  unchanged: number;
  alreadyImported: boolean;
  applied: boolean;
  acknowledgedSeq: number | null;
  massChange: MassChange | null;
}

function summaryOf(v: Verified): ImportSummary {
  return {
    fileId: v.header.fileId,
    kind: v.header.kind,
    sender: v.sender,
    seq: v.seq,
    createdAt: v.header.createdAt,
    records: 0,
    added: 0,
    changed: 0,
    unchanged: 0,
    alreadyImported: v.alreadyImported,
    applied: false,
    acknowledgedSeq: null,
    massChange: null,
  };
}

/** What the file would add and change, from a full pass over its payload; writes nothing. */
export async function previewFile(ctx: TransferContext, file: string): Promise<ImportSummary> {
  const v = await verifyFile(ctx, file);
  const s = summaryOf(v);
  if (v.alreadyImported) return s;
  const changes: Change[] = [];
  for await (const r of recordsOf(ctx, v, 'preview')) {
    if ('sites' in r) continue;
    if ('ack' in r) {
      s.acknowledgedSeq = (r.ack as { seq: number }).seq;
      continue;
    }
    if ('blob' in r) continue;
    // Only change lines are applied (docs/replication.md); a row-state line is from an older format.
    if (!('change' in r)) throw new TransferRefused('bad-record', { detail: 'row format' });
    changes.push(r.change);
  }
  const register = ctx.db.prepare('SELECT count(*) FROM persons WHERE deleted = 0').pluck().get() as number;
  const r = changes.length ? previewChanges(ctx.db, changes, { operatorId: ctx.operatorId, parsed: true }) : null;
  count(s, changes, r);
  s.massChange = r ? massChange(r.personsChanged, register) : null;
  return s;
}

/**
 * Applies a file in one transaction (newest wins per field, through the write path), audited, with its witness and
 * its place in the history. A file already imported is a no-op. `dryRun`: the preview only.
 */
export async function importFile(ctx: TransferContext, file: string, opts: { dryRun?: boolean; acceptMassChange?: boolean } = {}): Promise<ImportSummary> {
  if (opts.dryRun) return previewFile(ctx, file);
  // No separate preview pass: the apply validates every line the same way and rolls back on the first refusal.
  const v = await verifyFile(ctx, file);
  const s = summaryOf(v);
  if (v.alreadyImported) return s;
  const db = ctx.db;
  const changes: Change[] = [];
  const meta: { round?: number | null } = {};
  // A big file touches more pages than the usual cache holds (as the register's import does, register/import.ts).
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  db.exec('BEGIN IMMEDIATE');
  const session = sessionOf(db);
  try {
    let sites: SiteCodesLine['sites'] | null = null;
    // Bulk: new people's search indexes are written once, sorted, when the merge is done (same transaction).
    await session.bulk(async () => {
      let n = 0;
      for await (const r of recordsOf(ctx, v, 'apply', meta)) {
        if ('sites' in r) {
          sites = r.sites;
          continue;
        }
        if ('ack' in r) {
          const seq = (r.ack as { seq: number }).seq;
          s.acknowledgedSeq = seq;
          db.prepare('UPDATE peers SET acked_seq = max(acked_seq, ?), acked_at = ? WHERE site = ?').run(seq, new Date().toISOString(), v.sender.site);
          ackedThrough(db, v.sender.site, (r.ack as { files: string[] }).files);
          continue;
        }
        if ('blob' in r) {
          db.prepare('INSERT OR IGNORE INTO attachment_blobs (sha256, bytes, thumb) VALUES (?, ?, ?)').run(r.blob, r.bytes, r.thumb);
          continue;
        }
        if (!('change' in r)) throw new TransferRefused('bad-record', { detail: 'row format' });
        changes.push(r.change);
        if (++n % 5000 === 0) {
          session.flushBulk();
          await yieldBetweenBatches(db);
        }
      }
      // The merge, relaying and conflicts (electron/core/replication) in this same transaction.
      const register = db.prepare('SELECT count(*) FROM persons WHERE deleted = 0').pluck().get() as number;
      const applied = changes.length ? applyChanges(db, changes, { operatorId: ctx.operatorId, parsed: true }) : null;
      count(s, changes, applied);
      s.massChange = applied ? massChange(applied.personsChanged, register) : null;
      // The guard: rolled back (below) unless someone confirmed this many changes; the numbers are in the message.
      if (s.massChange && !opts.acceptMassChange) throw new ObminError('CONFLICT', { ...s.massChange }, 'replication.errors.massChange');
    });
    if (sites) learnSiteCodes(db, v.sender.site, sites);
    const now = new Date().toISOString();
    const h = v.header;
    db.prepare(
      "INSERT INTO transfer_files (file_id, peer, direction, kind, seq, created_at, processed_at, sha256, bytes, records, added, changed, audit_head, exchange) VALUES (?, ?, 'in', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ).run(
      h.fileId,
      v.sender.site,
      h.kind,
      v.seq,
      h.createdAt,
      now,
      v.sha256,
      v.parsed.size,
      s.records,
      s.added,
      s.changed,
      h.auditHead ? JSON.stringify(h.auditHead) : null,
      meta.round ?? null,
    );
    const mine = h.recipients.find((r) => r.site === siteMeta(db).code);
    if (mine?.yourAuditHead)
      recordWitness(db, { peerSite: v.sender.site, count: mine.yourAuditHead.count, hash: mine.yourAuditHead.hash, at: h.createdAt, fromFile: h.fileId });
    appendAudit(db, ctx.operatorId, h.kind === 'ack' ? 'transfer.import.ack' : 'transfer.import.changes', `file:${h.fileId}`, {
      from: v.sender.site,
      seq: v.seq,
      records: s.records,
      added: s.added,
      changed: s.changed,
      auditHead: h.auditHead,
    });
    db.exec('COMMIT');
    s.applied = true;
    return s;
  } catch (e) {
    if (db.open && db.inTransaction) db.exec('ROLLBACK');
    if (refused(e) || e instanceof ObminError) throw e;
    if (e instanceof ClockDriftError) throw new TransferRefused('clock-drift');
    throw new TransferRefused('bad-record', { detail: (e as Error).name });
  } finally {
    if (db.open) db.pragma(`cache_size = ${Math.trunc(cacheBefore)}`);
  }
}
