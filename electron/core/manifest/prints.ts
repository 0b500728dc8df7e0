// The print log: one snapshot per data code (what it was made from), one audited row per print, save or write.
import crypto from 'node:crypto';
import { diffSnapshots, normaliseCode, snapshotOf, type ManifestCheck, type Snapshot } from '../../../shared/manifest';
import { ObminError } from '../../../shared/errors';
import { appendAudit } from '../audit/audit';
import type { Db } from '../vault/database';
import { codeOfSnapshot } from './code';
import { loadRound } from './round';

export type PrintAction = 'print' | 'save' | 'write';
export type PrintKind = 'manifest' | 'dossier' | 'list';

export interface PrintRecord {
  kind: PrintKind;
  action: PrintAction;
  code: string;
  pages: number;
  bytes: Buffer;
  roundNumber?: number | null;
  variant?: string | null;
  direction?: string | null;
  /** Manifests only: what the code was computed over, kept once per code. */
  snapshot?: Snapshot | null;
  target?: string | null;
}

/** One transaction: the snapshot (first time this code is seen), the print row and its audit entry. */
export function recordPrint(db: Db, operatorId: string | null, p: PrintRecord, at = new Date()): void {
  const sha256 = crypto.createHash('sha256').update(p.bytes).digest('hex');
  db.transaction(() => {
    if (p.snapshot) {
      db.prepare('INSERT INTO manifest_snapshots (code, round_number, snapshot_json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (code) DO NOTHING').run(
        p.code,
        p.roundNumber ?? null,
        JSON.stringify(p.snapshot),
        at.toISOString(),
      );
    }
    db.prepare(
      'INSERT INTO manifest_prints (id, code, kind, action, round_number, variant, direction, pages, sha256, at, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      crypto.randomUUID(),
      p.code,
      p.kind,
      p.action,
      p.roundNumber ?? null,
      p.variant ?? null,
      p.direction ?? null,
      p.pages,
      sha256,
      at.toISOString(),
      operatorId,
    );
    appendAudit(
      db,
      operatorId,
      `${p.kind}.${p.action}`,
      p.target ?? p.code,
      {
        code: p.code,
        pages: p.pages,
        sha256,
        ...(p.roundNumber ? { round: p.roundNumber } : {}),
        ...(p.variant ? { variant: p.variant, direction: p.direction } : {}),
      },
      at,
    );
  })();
}

/** Does a printed code match the round as held now; if not, which entries differ from what it was printed from. */
export function checkCode(db: Db, input: string): ManifestCheck {
  const parsed = normaliseCode(input);
  if (!parsed) throw new ObminError('VALIDATION', { detail: 'code' });
  const now = snapshotOf(loadRound(db, parsed.round));
  const currentCode = codeOfSnapshot(now);
  const row = db.prepare('SELECT snapshot_json, created_at FROM manifest_snapshots WHERE code = ?').get(parsed.code) as
    { snapshot_json: string; created_at: string } | undefined;
  const base: ManifestCheck = {
    code: parsed.code,
    round: parsed.round,
    matches: currentCode === parsed.code,
    currentCode,
    snapshotKnown: !!row,
    printedAt: row?.created_at ?? null,
    differences: [],
    headerChanged: [],
  };
  if (base.matches || !row) return base;
  const diff = diffSnapshots(JSON.parse(row.snapshot_json) as Snapshot, now);
  return { ...base, differences: diff.entries, headerChanged: diff.header };
}
