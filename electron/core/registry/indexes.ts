// Search indexes of one person, kept in the write path's transaction: cross-script name keys and the FTS5 body.
import { personNameKeys } from '../../../shared/names';
import type { Db } from '../vault/database';

/** Columns whose change means the person's name keys or FTS body must be rebuilt. */
export const INDEXED_PERSON_FIELDS: ReadonlySet<string> = new Set([
  'ref', 'surname', 'given_name', 'patronymic', 'surname_latin', 'given_name_latin', 'patronymic_latin', 'name_variants',
  'date_of_birth', 'place_of_birth', 'rank', 'unit', 'service_number', 'distinguishing_marks', 'capture_place',
  'last_known_location', 'facility', 'health', 'legal_status', 'icrc_ref', 'remains_tag', 'recovery_place', 'dna_lab_ref', 'notes',
]);
const FTS_FIELDS = [...INDEXED_PERSON_FIELDS].filter((f) => f !== 'name_variants' && f !== 'date_of_birth');

interface Row {
  rowid: number;
  deleted: number;
  surname: string;
  given_name: string | null;
  patronymic: string | null;
  surname_latin: string | null;
  date_of_birth: string | null;
  name_variants: string;
  [k: string]: unknown;
}

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return {
    row: db.prepare(`SELECT rowid, deleted, ${[...INDEXED_PERSON_FIELDS].join(', ')} FROM persons WHERE id = ?`),
    dropKeys: db.prepare('DELETE FROM person_name_keys WHERE person_id = ?'),
    addKey: db.prepare('INSERT OR IGNORE INTO person_name_keys (key, person_id, kind) VALUES (?, ?, ?)'),
    dropFts: db.prepare('DELETE FROM persons_fts WHERE rowid = ?'),
    addFts: db.prepare('INSERT INTO persons_fts (rowid, body) VALUES (?, ?)'),
  };
}

function parseVariants(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** `fresh`: the person was just inserted, so there are no old keys or FTS body to remove. */
export function refreshPersonIndexes(db: Db, id: string, fresh = false): void {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  const r = s.row.get(id) as Row | undefined;
  if (!r) return;
  if (!fresh) {
    s.dropKeys.run(id);
    s.dropFts.run(r.rowid);
  }
  if (r.deleted) return;
  const variants = parseVariants(r.name_variants);
  if (r.surname_latin) variants.push(r.surname_latin);
  for (const k of personNameKeys({ surname: r.surname, givenName: r.given_name, patronymic: r.patronymic, dateOfBirth: r.date_of_birth, variants })) {
    s.addKey.run(k.key, id, k.kind);
  }
  const body = [...FTS_FIELDS.map((f) => r[f]), ...variants].filter((x) => typeof x === 'string' && x.length > 0).join(' ');
  if (body) s.addFts.run(r.rowid, body);
}
