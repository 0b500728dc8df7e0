// Where each peer stands (the header badge and the sites list) and the history of files sent and received.
import type { HistoryEntry, Overview, PeerInfo } from '../../../shared/transfer/schemas';
import type { Db } from '../vault/database';
import { siteMeta } from './context';
import { listPeerRows } from './peers';
import { currentKeys } from './siteKeys';

function lastFile(db: Db, site: string, direction: 'in' | 'out'): PeerInfo['lastSent'] {
  const r = db
    .prepare(
      "SELECT processed_at AS at, seq, records FROM transfer_files WHERE peer = ? AND direction = ? AND kind = 'changes' ORDER BY processed_at DESC, rowid DESC LIMIT 1",
    )
    .get(site, direction) as { at: string; seq: number; records: number } | undefined;
  return r ?? null;
}

export function peersInfo(db: Db): PeerInfo[] {
  const count = db.prepare('SELECT count(*) FROM change_log WHERE seq > ?').pluck();
  // What the peer's next file would carry: every change past what it has acknowledged (exportFile.ts sends a sent but
  // unacknowledged file's changes again); the badge keeps counting what was never sent.
  const pending = db.prepare('SELECT count(*) FROM change_log WHERE seq > ? AND oseq IS NOT NULL').pluck();
  const sent = db.prepare("SELECT count(*) FROM transfer_files WHERE peer = ? AND direction = 'out' AND seq > ?").pluck();
  return listPeerRows(db).map((p) => ({
    site: p.site,
    name: p.name,
    fingerprint: p.fingerprint,
    status: p.status,
    addedAt: p.added_at,
    confirmedAt: p.confirmed_at,
    revokedAt: p.revoked_at,
    lastSent: lastFile(db, p.site, 'out'),
    lastReceived: lastFile(db, p.site, 'in'),
    ackedSeq: p.acked_seq,
    unacknowledged: sent.get(p.site, p.acked_seq) as number,
    waiting: p.status === 'trusted' ? (count.get(p.sent_through) as number) : 0,
    pending: p.status === 'trusted' ? (pending.get(p.acked_through) as number) : 0,
  }));
}

export function overview(db: Db): Overview {
  const meta = siteMeta(db);
  const k = currentKeys(db);
  return { identity: { site: meta.code, name: meta.name, fingerprint: k.fingerprint, rotatedFrom: k.rotation?.previous ?? null }, peers: peersInfo(db) };
}

/** Changes no trusted peer has been sent yet, for the most-behind peer (0 with no trusted peers: nothing to wait for). */
export function waitingChanges(db: Db): number {
  const r = db.prepare("SELECT min(sent_through) FROM peers WHERE status = 'trusted'").pluck().get() as number | null;
  return r === null ? 0 : (db.prepare('SELECT count(*) FROM change_log WHERE seq > ?').pluck().get(r) as number);
}

export function history(db: Db, limit = 200): HistoryEntry[] {
  const rows = db.prepare('SELECT * FROM transfer_files ORDER BY processed_at DESC, rowid DESC LIMIT ?').all(limit) as Record<string, string | number>[];
  return rows.map((r) => ({
    fileId: String(r.file_id),
    direction: r.direction as 'in' | 'out',
    kind: r.kind as HistoryEntry['kind'],
    peer: String(r.peer),
    seq: Number(r.seq),
    createdAt: String(r.created_at),
    processedAt: String(r.processed_at),
    sha256: String(r.sha256),
    bytes: Number(r.bytes),
    records: Number(r.records),
    added: Number(r.added),
    changed: Number(r.changed),
  }));
}
