// Merging two records of the same person: everything attached to the merged one is re-pointed to the kept one,
// fields the kept one lacks are filled, the merged one's names become variants, and the merged one is tombstoned
// with a pointer. One transaction, all through the Writer, one audit entry naming every count.
import { ObminError } from '../../../shared/errors';
import type { MergeResult } from '../../../shared/register/duplicates';
import { TABLES, Writer, type Scalar } from '../db/write';
import type { Db } from '../vault/database';

const ATTACHED = ['sightings', 'relatives', 'attachments', 'status_changes'] as const;
// Identity and state stay the kept person's; everything else may be filled from the merged one when missing.
const NOT_FILLED = new Set(['ref', 'surname', 'side', 'category', 'status', 'created_at', 'name_variants', 'seriously_wounded', 'icrc_status']);

type Row = Record<string, Scalar>;

function live(db: Db, id: string): Row {
  const r = db.prepare('SELECT * FROM persons WHERE id = ? AND deleted = 0').get(id) as Row | undefined;
  if (!r) throw new ObminError('NOT_FOUND', { what: id });
  return r;
}

function variants(r: Row): string[] {
  try {
    const v = JSON.parse(String(r.name_variants ?? '[]')) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const fullName = (r: Row) => [r.surname, r.given_name, r.patronymic].filter((x) => typeof x === 'string' && x).join(' ');

export function mergePersons(db: Db, operatorId: string, keepId: string, mergeId: string): MergeResult {
  if (keepId === mergeId) throw new ObminError('VALIDATION', { detail: 'the same person' });
  const w = new Writer(db, operatorId);
  return db.transaction(() => {
    const keep = live(db, keepId);
    const gone = live(db, mergeId);
    const moved = { sightings: 0, relatives: 0, attachments: 0, statusChanges: 0, entries: 0 };
    for (const tbl of ATTACHED) {
      const ids = db.prepare(`SELECT id FROM ${tbl} WHERE person_id = ? AND deleted = 0`).all(mergeId) as { id: string }[];
      for (const { id } of ids) w.update(tbl, id, { person_id: keepId }, null);
      moved[tbl === 'status_changes' ? 'statusChanges' : tbl] = ids.length;
    }
    // The list decisions that named the merged person now name the kept one (this site's working papers, not replicated).
    moved.entries = db.prepare('UPDATE intake_entries SET decided_person_id = ? WHERE decided_person_id = ?').run(keepId, mergeId).changes;

    const patch: Record<string, Scalar> = {};
    for (const col of TABLES.persons) {
      if (NOT_FILLED.has(col)) continue;
      if ((keep[col] === null || keep[col] === '') && gone[col] !== null && gone[col] !== '') patch[col] = gone[col] as Scalar;
    }
    const names = new Set(variants(keep));
    const own = fullName(keep);
    for (const n of [fullName(gone), ...variants(gone)]) if (n && n !== own) names.add(n);
    if (names.size > variants(keep).length) patch.name_variants = JSON.stringify([...names].slice(0, 50));
    const filledFields = Object.keys(patch).filter((k) => k !== 'name_variants');
    if (Object.keys(patch).length) w.update('persons', keepId, patch, null);

    const pointer = `→ ${keep.ref ?? keepId}`;
    w.update('persons', mergeId, { notes: [gone.notes, pointer].filter(Boolean).join('\n').slice(0, 8000) }, null);
    const result: MergeResult = { keptId: keepId, mergedId: mergeId, moved, filledFields };
    // A merged record can come back (another site edited it after the merge, docs/replication.md) and be merged again.
    db.prepare('INSERT OR REPLACE INTO person_merges (merged_id, kept_id, operator_id, at, summary_json) VALUES (?, ?, ?, ?, ?)').run(
      mergeId,
      keepId,
      operatorId,
      new Date().toISOString(),
      JSON.stringify(result),
    );
    w.tombstone('persons', mergeId, { action: 'persons.merge', details: { keptId: keepId, keptRef: keep.ref, mergedRef: gone.ref, ...moved, filledFields } });
    return result;
  })();
}

/** Where a merged person's record went (following chains of merges), or null for a person never merged. */
export function mergedInto(db: Db, id: string): string | null {
  let cur = id;
  const stmt = db.prepare('SELECT kept_id FROM person_merges WHERE merged_id = ?');
  for (let i = 0; i < 32; i++) {
    const r = stmt.get(cur) as { kept_id: string } | undefined;
    if (!r) return cur === id ? null : cur;
    cur = r.kept_id;
  }
  return cur;
}
