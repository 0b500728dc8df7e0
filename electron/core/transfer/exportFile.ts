// Writing a changes file (everything since the last file to these peers) or an acknowledgement (what this site has
// applied from a peer), then reading it back and checking it before anything is recorded as sent.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ObminError } from '../../../shared/errors';
import { transferFileName, type AuditHead, type Header } from '../../../shared/transfer/format';
import { appendAudit, auditHead } from '../audit/audit';
import { ciphertextDigest, readContainer, signatureValid, writeContainer } from './container';
import { maxBytesOf, siteMeta, type TransferContext } from './context';
import { changesPayload } from './changes';
import { exchangePayload } from '../replication';
import type { PayloadCounter } from '../replication/exchangePackage';
import { trustedPeer } from './peers';
import { siteCodesLine } from './siteCodes';
import { currentKeys } from './siteKeys';
import type { Db } from '../vault/database';

export interface ExportResult {
  file: string;
  fileId: string;
  kind: Header['kind'];
  recipients: { site: string; seq: number }[];
  records: number;
  bytes: number;
  sha256: string;
}

/** A full changes file names the sites its stamps come from first (transfer/siteCodes.ts). */
function* withSiteCodes(db: Db, changes: Generator<Buffer>): Generator<Buffer> {
  yield Buffer.from(siteCodesLine(db), 'utf8');
  yield* changes;
}

function* ackPayload(body: unknown): Generator<Buffer> {
  yield Buffer.from(`${JSON.stringify(body)}\n`, 'utf8');
}

/** The highest sequence number received from each peer, and which files: what an acknowledgement reports. */
function appliedFrom(ctx: TransferContext, site: string): { seq: number; files: string[] } {
  const rows = ctx.db.prepare("SELECT file_id, seq FROM transfer_files WHERE direction = 'in' AND kind = 'changes' AND peer = ? ORDER BY seq").all(site) as {
    file_id: string;
    seq: number;
  }[];
  return { seq: rows.reduce((m, r) => Math.max(m, r.seq), 0), files: rows.map((r) => r.file_id) };
}

export function isFolder(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The newest audit head a peer sent us: it goes back to the peer as its witness. */
function lastHeadFrom(ctx: TransferContext, site: string): AuditHead | null {
  const raw = ctx.db
    .prepare(
      "SELECT audit_head FROM transfer_files WHERE direction = 'in' AND peer = ? AND audit_head IS NOT NULL ORDER BY processed_at DESC, rowid DESC LIMIT 1",
    )
    .pluck()
    .get(site) as string | undefined;
  return raw ? (JSON.parse(raw) as AuditHead) : null;
}

/** `exchange`: the field team's package for that round (profile `exchange`, docs/replication.md), to one site; it
 * carries a cut of the register, so it moves neither what was sent nor what an acknowledgement covers. */
export async function exportFile(
  ctx: TransferContext,
  to: readonly string[],
  out: string,
  kind: 'changes' | 'ack' = 'changes',
  opts: { exchange?: number } = {},
): Promise<ExportResult> {
  const db = ctx.db;
  const sites = [...new Set(to)];
  if (sites.length === 0) throw new ObminError('USAGE', { detail: '--to' });
  if (kind === 'ack' && sites.length !== 1) throw new ObminError('USAGE', { detail: 'an acknowledgement goes to one peer' });
  const exchange = kind === 'changes' ? opts.exchange : undefined;
  if (exchange !== undefined && sites.length !== 1) throw new ObminError('USAGE', { detail: 'an exchange package goes to one site' });
  const peers = sites.map((s) => trustedPeer(db, s));
  const meta = siteMeta(db);
  const keys = currentKeys(db);
  const through = (db.prepare('SELECT max(seq) FROM change_log').pluck().get() as number | null) ?? 0;
  // Everything the peers have not acknowledged (a lost file's changes go again; duplicates are no-ops on arrival).
  const since = Math.min(...peers.map((p) => p.acked_through));
  const counter: PayloadCounter = { records: 0 };
  const payload =
    kind === 'ack'
      ? ackPayload({ ack: appliedFrom(ctx, sites[0]!) })
      : exchange !== undefined
        ? exchangePayload(db, exchange, counter, siteCodesLine(db))
        : withSiteCodes(db, changesPayload(db, since, through, counter));
  const full = kind === 'changes' && exchange === undefined;
  // Progress as the payload is written (whole percents, so a big file sends at most a hundred events).
  let shown = -1;
  const report = (done: number, total: number) => {
    const pct = total > 0 ? Math.floor((100 * Math.min(done, total)) / total) : 100;
    if (pct === shown || !ctx.progress) return;
    shown = pct;
    ctx.progress('export', Math.min(done, total), total);
  };
  const draft = {
    fileId: crypto.randomUUID(),
    kind,
    createdAt: new Date().toISOString(),
    sender: { site: meta.code, fingerprint: keys.fingerprint },
    recipients: peers.map((p) => ({ site: p.site, fingerprint: p.fingerprint, seq: p.next_seq, yourAuditHead: lastHeadFrom(ctx, p.site) })),
    auditHead: auditHead(db),
    identity: null,
  };
  // A folder (the removable drive, picked in the window) gets a file named after from, to, sequence and date.
  if (isFolder(out)) out = path.join(out, transferFileName(draft));
  const wrote = await writeContainer(
    out,
    draft,
    (async function* () {
      for (const b of payload) {
        yield b;
        if (counter.total !== undefined) report(counter.done ?? 0, counter.total);
      }
    })(),
    peers.map((p) => p.key.encryption_key),
    keys.signing.privateKey,
  );
  // Read back from the medium: the header parses, the signature holds, the ciphertext is what was signed.
  const back = readContainer(out, maxBytesOf(ctx));
  if (!signatureValid(back, keys.signing.publicKey) || (await ciphertextDigest(out, back)) !== wrote.header.ciphertext.sha512) {
    throw new ObminError('IO', { file: out, reason: 'read-back' });
  }
  const now = new Date().toISOString();
  // Written and read back: done (an empty payload reports 1 of 1).
  shown = -1;
  report(counter.total || 1, counter.total || 1);
  db.transaction(() => {
    const ins = db.prepare(
      "INSERT INTO transfer_files (file_id, peer, direction, kind, seq, created_at, processed_at, sha256, bytes, records, through_change, audit_head, exchange) VALUES (?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    );
    for (const p of peers) {
      ins.run(
        draft.fileId,
        p.site,
        kind,
        p.next_seq,
        draft.createdAt,
        now,
        wrote.sha256,
        wrote.bytes,
        counter.records,
        full ? through : null,
        JSON.stringify(draft.auditHead),
        exchange ?? null,
      );
      db.prepare(`UPDATE peers SET next_seq = next_seq + 1${full ? ', sent_through = max(sent_through, ?)' : ''} WHERE site = ?`).run(
        ...(full ? [through, p.site] : [p.site]),
      );
    }
    appendAudit(db, ctx.operatorId, `transfer.export.${kind}`, `file:${draft.fileId}`, {
      to: sites,
      records: counter.records,
      sha256: wrote.sha256,
      bytes: wrote.bytes,
      ...(exchange !== undefined ? { exchange } : {}),
    });
  })();
  return {
    file: out,
    fileId: draft.fileId,
    kind,
    recipients: peers.map((p) => ({ site: p.site, seq: p.next_seq })),
    records: counter.records,
    bytes: wrote.bytes,
    sha256: wrote.sha256,
  };
}
