// Search indexes of one person, kept in the write path's transaction: cross-script name keys, the FTS5 body, and
// the matcher's row (person_match: what list matching reads of each candidate).
import { personNameKeys } from '../../../shared/names';
import type { PersonColumn } from '../../../shared/register/columns';
import type { AfterWrite } from '../db/afterWrite';
import { sessionOf, slot, type Session } from '../db/session';
import type { Db } from '../vault/database';
import { addSurnameVocab } from './surnameVocab';

/** Columns whose change means the person's name keys or FTS body must be rebuilt. */
export const INDEXED_PERSON_FIELDS: ReadonlySet<string> = new Set<string>([
  'ref',
  'surname',
  'given_name',
  'patronymic',
  'surname_latin',
  'given_name_latin',
  'patronymic_latin',
  'name_variants',
  'date_of_birth',
  'place_of_birth',
  'rank',
  'unit',
  'service_number',
  'distinguishing_marks',
  'capture_place',
  'last_known_location',
  'facility',
  'health',
  'legal_status',
  'icrc_ref',
  'remains_tag',
  'recovery_place',
  'notes',
] satisfies PersonColumn[]);
// Never a family (sealed) field: search must not index what only some roles may read (shared/register/sensitivity.ts).
const FTS_FIELDS = [...INDEXED_PERSON_FIELDS].filter((f) => f !== 'name_variants' && f !== 'date_of_birth');
// What each of the three derived parts reads: an edit of other fields leaves that part as it is (an edit of the unit
// rewrites neither the eleven name keys nor the surname vocabulary).
const KEY_FIELDS: ReadonlySet<string> = new Set(['surname', 'given_name', 'patronymic', 'surname_latin', 'name_variants', 'date_of_birth']);
const MATCH_FIELDS: ReadonlySet<string> = new Set(['ref', 'surname', 'given_name', 'patronymic', 'date_of_birth', 'unit']);
const FTS_FIELD_SET: ReadonlySet<string> = new Set([...FTS_FIELDS, 'name_variants', 'surname_latin']);

interface Row {
  rowid: number;
  deleted: number;
  surname: string;
  given_name: string | null;
  patronymic: string | null;
  surname_latin: string | null;
  date_of_birth: string | null;
  ref: string | null;
  unit: string | null;
  name_variants: string;
  [k: string]: unknown;
}

const STATEMENTS = slot<ReturnType<typeof prepare>>('register.indexStatements');

function prepare(db: Db) {
  return {
    row: db.prepare(`SELECT rowid, deleted, ${[...INDEXED_PERSON_FIELDS].join(', ')} FROM persons WHERE id = ?`),
    dropKeys: db.prepare('DELETE FROM person_name_keys WHERE person_id = ?'),
    addKey: db.prepare('INSERT OR IGNORE INTO person_name_keys (key, person_id, kind) VALUES (?, ?, ?)'),
    dropFts: db.prepare('DELETE FROM persons_fts WHERE rowid = ?'),
    addFts: db.prepare('INSERT INTO persons_fts (rowid, body) VALUES (?, ?)'),
    dropMatch: db.prepare('DELETE FROM person_match WHERE person_id = ?'),
    addMatch: db.prepare('INSERT INTO person_match (person_id, ref, surname, given_name, patronymic, date_of_birth, unit) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  };
}

const stmts = (session: Session) => session.slot(STATEMENTS, () => prepare(session.db));

function parseVariants(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** A just-inserted person: its rowid and the values written (absent columns are NULL, name_variants '[]'). */
export interface FreshPerson {
  rowid: number | bigint;
  values: Record<string, string | number | null>;
}

type MatchRow = [
  personId: string,
  ref: string | null,
  surname: string,
  givenName: string | null,
  patronymic: string | null,
  dateOfBirth: string | null,
  unit: string | null,
];

interface Collected {
  ids: Set<string>;
  keys: { key: string; personId: string; kind: string }[];
  fts: { rowid: number | bigint; body: string }[];
  match: MatchRow[];
}

const matchRow = (id: string, r: Row): MatchRow => [id, r.ref, r.surname, r.given_name, r.patronymic, r.date_of_birth, r.unit];

// In the session's bulk mode (an import, a merged file) new people's indexes are collected here and written once,
// sorted, when the bulk ends (endPersonBulk) — inside the bulk's transaction.
const COLLECTED = slot<Collected>('register.bulkIndexes');

/** `withKeys` false: the FTS body alone (the name keys are the costly part). */
function build(r: Row, withKeys = true): { keys: { key: string; kind: string }[]; body: string } {
  const variants = parseVariants(r.name_variants);
  if (r.surname_latin) variants.push(r.surname_latin);
  const keys = withKeys
    ? personNameKeys({ surname: r.surname, givenName: r.given_name, patronymic: r.patronymic, dateOfBirth: r.date_of_birth, variants })
    : [];
  const body = [...FTS_FIELDS.map((f) => r[f]), ...variants].filter((x) => typeof x === 'string' && x.length > 0).join(' ');
  return { keys, body };
}

/**
 * `fresh`: the person was just inserted with these values, so there is nothing old to remove and nothing to read back.
 * `fields`: the columns an update changed (not `deleted`); absent: all parts are rebuilt.
 */
export function refreshPersonIndexes(db: Db, id: string, fresh?: FreshPerson, fields?: readonly string[]): void {
  const session = sessionOf(db);
  const s = stmts(session);
  const d = fresh && session.inBulk ? session.slot(COLLECTED, () => ({ ids: new Set<string>(), keys: [], fts: [], match: [] })) : session.peek(COLLECTED);
  let r: Row | undefined;
  if (fresh) {
    const row: Record<string, unknown> = { deleted: 0, name_variants: '[]' };
    for (const f of INDEXED_PERSON_FIELDS) row[f] = fresh.values[f] ?? row[f] ?? null;
    row.rowid = fresh.rowid;
    r = row as unknown as Row;
  } else {
    // A person whose new indexes still wait is changed again: write the waiting ones first, then refresh as usual.
    if (d?.ids.has(id)) flushPersonIndexes(session);
    r = s.row.get(id) as Row | undefined;
    if (!r) return;
    if (fields && !r.deleted) return refreshParts(session, id, r, fields);
    s.dropKeys.run(id);
    s.dropFts.run(r.rowid);
    s.dropMatch.run(id);
  }
  if (r.deleted) return;
  const { keys, body } = build(r);
  if (fresh && d) {
    d.ids.add(id);
    for (const k of keys) d.keys.push({ key: k.key, personId: id, kind: k.kind });
    if (body) d.fts.push({ rowid: r.rowid, body });
    d.match.push(matchRow(id, r));
    return;
  }
  for (const k of keys) s.addKey.run(k.key, id, k.kind);
  addSurnameVocab(db, keys);
  if (body) s.addFts.run(r.rowid, body);
  s.addMatch.run(...matchRow(id, r));
}

/** A standing person's update: only the parts that read a changed field are dropped and written again. */
function refreshParts(session: Session, id: string, r: Row, fields: readonly string[]): void {
  const { db } = session;
  const s = stmts(session);
  const has = (set: ReadonlySet<string>) => fields.some((f) => set.has(f));
  const keysToo = has(KEY_FIELDS);
  const ftsToo = has(FTS_FIELD_SET);
  if (keysToo || ftsToo) {
    const { keys, body } = build(r, keysToo);
    if (keysToo) {
      s.dropKeys.run(id);
      for (const k of keys) s.addKey.run(k.key, id, k.kind);
      addSurnameVocab(db, keys);
    }
    if (ftsToo) {
      s.dropFts.run(r.rowid);
      if (body) s.addFts.run(r.rowid, body);
    }
  }
  if (has(MATCH_FIELDS)) {
    s.dropMatch.run(id);
    s.addMatch.run(...matchRow(id, r));
  }
}

/** The persons table's after-write hook (registered in core/tables.ts): only a change to an indexed field rebuilds. */
export const personIndexesAfterWrite: AfterWrite = ({ db }, id, e) => {
  if (e.kind === 'insert') refreshPersonIndexes(db, id, { rowid: e.rowid, values: e.values });
  else if (!e.fields) refreshPersonIndexes(db, id);
  else if (e.fields.some((f) => INDEXED_PERSON_FIELDS.has(f))) refreshPersonIndexes(db, id, undefined, e.fields.includes('deleted') ? undefined : e.fields);
};

/** The bulk's end (a TableHooks.endBulk, registered in core/tables.ts): what was collected is written (`ok`) or dropped. */
export function endPersonBulk(session: Session, ok: boolean): void {
  if (ok) flushPersonIndexes(session);
  session.drop(COLLECTED);
}

/** Below this many collected keys the (key-sorted) inserts go straight into both B-trees; above, the person_id index is rebuilt. */
const REBUILD_MIN_KEYS = 50_000;

/**
 * Writes the collected keys sorted by key (the primary key's order: appends, not page splits all over the tree) and
 * FTS bodies in rowid order. When the batch is at least as big as what the table already holds, the person_id
 * index is dropped and created again from its own SQL (one sort instead of random inserts); inside the bulk's
 * transaction, so a rollback undoes that too.
 */
function flushPersonIndexes(session: Session): void {
  const d = session.peek(COLLECTED);
  if (!d || (d.keys.length === 0 && d.fts.length === 0 && d.match.length === 0)) return;
  const { db } = session;
  const s = stmts(session);
  const { keys, fts, match } = d;
  d.ids = new Set();
  d.keys = [];
  d.fts = [];
  d.match = [];
  keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  let indexSql: string | null = null;
  if (keys.length >= REBUILD_MIN_KEYS) {
    const existing = (db.prepare('SELECT count(*) AS n FROM person_name_keys').get() as { n: number }).n;
    if (keys.length >= existing) {
      indexSql =
        (db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = 'person_name_keys_person'").get() as { sql: string } | undefined)?.sql ??
        null;
      if (indexSql) db.exec('DROP INDEX person_name_keys_person');
    }
  }
  for (const k of keys) s.addKey.run(k.key, k.personId, k.kind);
  addSurnameVocab(db, keys);
  if (indexSql) db.exec(indexSql);
  for (const f of fts) s.addFts.run(f.rowid, f.body);
  // In person id order: appends to the WITHOUT ROWID table's B-tree rather than inserts all over it.
  match.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const m of match) s.addMatch.run(...m);
}
