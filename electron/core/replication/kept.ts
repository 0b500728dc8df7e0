// The write path's two replication needs, kept here so write.ts stays small: what a local write supersedes besides
// the shown value (the concurrent values kept for its fields, which it now decides), and the origin's next sequence.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../vault/database';
import { sessionOf, slot } from '../db/session';
import { Materializer } from './materialize';
import { Sites } from './sites';

type Stmts = Record<'kept' | 'drop' | 'any' | 'next' | 'fieldsAt' | 'keptTomb', Database.Statement>;
const STATEMENTS = slot<Stmts>('replication.keptStatements');

function stmts(db: Db): Stmts {
  const session = sessionOf(db);
  let s = session.peek(STATEMENTS);
  if (!s) {
    s = {
      any: db.prepare('SELECT 1 FROM replica_kept WHERE tbl = ? AND row_id = ? LIMIT 1').pluck(),
      kept: db.prepare('SELECT id, field, hlc FROM replica_kept WHERE tbl = ? AND row_id = ?'),
      drop: db.prepare('DELETE FROM replica_kept WHERE id = ?'),
      next: db.prepare('SELECT coalesce(max(oseq), 0) + 1 FROM change_log WHERE site = ?').pluck(),
      fieldsAt: db.prepare('SELECT fields FROM change_log WHERE tbl = ? AND row_id = ? AND hlc = ?').pluck(),
      keptTomb: db.prepare("SELECT 1 FROM replica_kept WHERE tbl = ? AND row_id = ? AND field = 'deleted' AND value = '1' LIMIT 1").pluck(),
    };
    session.slot(STATEMENTS, () => s!);
  }
  return s;
}

/** Stamps of the kept values of these fields, which the caller's write supersedes; their rows go (decided). */
export function takeKept(db: Db, tbl: string, id: string, fields: readonly string[]): Record<string, string[]> {
  const s = stmts(db);
  const out: Record<string, string[]> = {};
  if (!s.any.get(tbl, id)) return out;
  const wanted = new Set(fields);
  for (const r of s.kept.all(tbl, id) as { id: number; field: string; hlc: string }[]) {
    if (!wanted.has(r.field)) continue;
    (out[r.field] ??= []).push(r.hlc);
    s.drop.run(r.id);
  }
  return out;
}

/** Every kept stamp of the record, left in place: what a tombstone saw besides the shown values (its causal past). */
export function keptStamps(db: Db, tbl: string, id: string): string[] {
  const s = stmts(db);
  if (!s.any.get(tbl, id)) return [];
  return (s.kept.all(tbl, id) as { hlc: string }[]).map((r) => r.hlc);
}

/** The record holds a live tombstone that lost to a newer edit: a local edit of it decides the record stands. */
export function overTombstone(db: Db, tbl: string, id: string, clock: string | undefined): boolean {
  const s = stmts(db);
  if (clock?.includes('"deleted"')) {
    const at = Object.entries(JSON.parse(clock) as Record<string, string[]>).find(([, fs]) => fs.includes('deleted'))?.[0];
    const fields = at === undefined ? undefined : (s.fieldsAt.get(tbl, id, at) as string | undefined);
    if (fields && (JSON.parse(fields) as Record<string, unknown>).deleted === 1) return true;
  }
  return !!s.any.get(tbl, id) && !!s.keptTomb.get(tbl, id);
}

/** The origin's next dense sequence number, read inside the caller's transaction (a rolled-back write leaves no gap). */
export function nextOriginSeq(db: Db, site: number): number {
  return stmts(db).next.get(site) as number;
}

/** A local edit moved a person off this case number: people another site's collision displaced from it take it back
 * (the same rule the merge applies, materialize.ts `settleRef`). */
export function refFreed(db: Db, ref: string): void {
  const m = new Materializer(db, new Sites(db));
  m.freed(ref);
  m.settleDisplaced();
}
