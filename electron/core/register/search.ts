// Register search: candidates from the cross-script name-key index, FTS5 and the ref, then filtered in SQL and
// ranked by the matcher's score. A text query never scans the persons table; an empty query pages through an index.
import { parseFreeTextLine, scoreCandidate } from '../../../shared/matching';
import { plainForm, queryNameKeys, transliterateUk } from '../../../shared/names';
import {
  CAPTIVITY_OVER_STATUSES,
  FITS_WELL_SCORE,
  isCaptivityOver,
  type PersonRow,
  type SearchArgsParsed,
  type SearchFilters,
  type SearchResult,
} from '../../../shared/register';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../vault/database';
import { sessionOf, slot } from '../db/session';

/** More candidates than anyone reads; bounds the work of a very common surname. */
export const MAX_CANDIDATES = 5000;
/** Other-text hits are a supplement to the name index: a few hundred is plenty to rank. */
export const MAX_FTS_CANDIDATES = 500;

/** What ranking reads of each candidate: the matcher's fields. */
const MATCH_COLUMNS = 'id, ref, surname, given_name, patronymic, date_of_birth, unit, sex';
const OVER_SQL = CAPTIVITY_OVER_STATUSES.map((s) => `'${s}'`).join(', ');
/** The day captivity ended: the latest change into a status that ends it (only looked up for those statuses). */
const ENDED_SQL = `CASE WHEN status IN (${OVER_SQL}) THEN (SELECT max(sc.at) FROM status_changes sc WHERE sc.person_id = persons.id AND sc.deleted = 0 AND sc.to_status IN (${OVER_SQL})) END`;
/** `captivity_days` is shared/register/captivity.ts registered on the connection (vault/database.ts). */
const DAYS_SQL = `captivity_days(capture_date, status, ${ENDED_SQL}, date('now'))`;
const ROW_COLUMNS = `id, ref, surname, given_name, patronymic, surname_latin, given_name_latin, date_of_birth, sex, side, category, status, icrc_status, rank, unit, facility, capture_date, seriously_wounded, updated_at, ${DAYS_SQL} AS captivity_days`;

// Sort fields map to fixed expressions: nothing from the caller reaches the SQL text.
const SORT_SQL: Record<string, string> = {
  surname: 'uk_sort(surname)',
  givenName: 'uk_sort(given_name)',
  dateOfBirth: 'date_of_birth',
  ref: 'ref',
  status: 'status',
  category: 'category',
  side: 'side',
  icrcStatus: 'icrc_status',
  facility: 'facility COLLATE NOCASE',
  captureDate: 'capture_date',
  updatedAt: 'updated_at',
  // People who are home (or dead) never mix with those still held: they follow, in either direction; unknown last.
  captivityDays: `status IN (${OVER_SQL}), ${DAYS_SQL} IS NULL, ${DAYS_SQL}`,
};

type DbRow = Record<string, string | number | null>;

function toRow(r: DbRow, score: number | null): PersonRow {
  return {
    id: String(r.id),
    ref: r.ref as string | null,
    surname: String(r.surname),
    givenName: r.given_name as string | null,
    patronymic: r.patronymic as string | null,
    surnameLatin: r.surname_latin as string | null,
    givenNameLatin: r.given_name_latin as string | null,
    dateOfBirth: r.date_of_birth as string | null,
    sex: r.sex as PersonRow['sex'],
    side: r.side as PersonRow['side'],
    category: r.category as PersonRow['category'],
    status: r.status as PersonRow['status'],
    icrcStatus: r.icrc_status as PersonRow['icrcStatus'],
    rank: r.rank as string | null,
    unit: r.unit as string | null,
    facility: r.facility as string | null,
    captureDate: r.capture_date as string | null,
    seriouslyWounded: r.seriously_wounded === 1,
    captivityDays: r.captivity_days as number | null,
    updatedAt: String(r.updated_at),
    score,
  };
}

function filterSql(f: SearchFilters): { where: string[]; params: unknown[] } {
  const where = ['deleted = 0'];
  const params: unknown[] = [];
  const inList = (col: string, v: readonly string[] | undefined) => {
    if (!v || v.length === 0) return;
    where.push(`${col} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(v));
  };
  inList('status', f.status);
  inList('category', f.category);
  inList('icrc_status', f.icrcStatus);
  if (f.side) {
    where.push('side = ?');
    params.push(f.side);
  }
  if (f.seriouslyWounded !== undefined) {
    where.push('seriously_wounded = ?');
    params.push(f.seriouslyWounded ? 1 : 0);
  }
  if (f.facility) {
    const like = `%${f.facility.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push("(facility LIKE ? ESCAPE '\\' OR last_known_location LIKE ? ESCAPE '\\')");
    params.push(like, like);
  }
  // The capture date bound narrows by index first; the shared definition then decides.
  if (f.captivityMinDays !== undefined) {
    where.push(`capture_date IS NOT NULL AND capture_date <= date('now', ?) AND ${DAYS_SQL} >= ?`);
    params.push(`-${f.captivityMinDays} days`, f.captivityMinDays);
  }
  if (f.captivityMaxDays !== undefined) {
    where.push(`capture_date IS NOT NULL AND ${DAYS_SQL} <= ?`);
    params.push(f.captivityMaxDays);
  }
  return { where, params };
}

/** FTS5 query from free text: each word quoted (no operators from input), prefix-matched, all required. */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.filter((w) => w.length >= 2) ?? [];
  return words.length ? words.map((w) => `"${w}"*`).join(' AND ') : null;
}

export interface SearchOptions {
  /** collects EXPLAIN QUERY PLAN lines of every statement run (tests prove there is no full scan) */
  explain?: string[];
}

// Prepared once per session and SQL text (the texts come from a small fixed set: filters only add placeholders).
const STATEMENTS = slot<Map<string, Database.Statement<unknown[]>>>('register.searchStatements');

function run(db: Db, sql: string, params: unknown[], o: SearchOptions): DbRow[] {
  if (o.explain) for (const r of db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]) o.explain.push(r.detail);
  const cache = sessionOf(db).slot(STATEMENTS, () => new Map<string, Database.Statement<unknown[]>>());
  let st = cache.get(sql);
  if (!st) {
    st = db.prepare<unknown[]>(sql);
    if (cache.size < 200) cache.set(sql, st);
  }
  return st.all(...params) as DbRow[];
}

function candidateIds(db: Db, query: string, o: SearchOptions): string[] {
  const entry = parseFreeTextLine(query);
  const ids = new Set<string>();
  const keys = queryNameKeys(entry);
  if (keys.length) {
    for (const r of run(
      db,
      'SELECT DISTINCT person_id FROM person_name_keys WHERE key IN (SELECT value FROM json_each(?)) LIMIT ?',
      [JSON.stringify(keys), MAX_CANDIDATES],
      o,
    ))
      ids.add(String(r.person_id));
  }
  const fts = ftsQuery(query);
  if (fts) {
    for (const r of run(
      db,
      'SELECT p.id FROM persons_fts f JOIN persons p ON p.rowid = f.rowid WHERE persons_fts MATCH ? LIMIT ?',
      [fts, MAX_FTS_CANDIDATES],
      o,
    ))
      ids.add(String(r.id));
  }
  for (const r of run(db, 'SELECT id FROM persons WHERE ref = ?', [query.trim()], o)) ids.add(String(r.id));
  return [...ids];
}

export function searchPersons(db: Db, a: SearchArgsParsed, o: SearchOptions = {}): SearchResult {
  const { where, params } = filterSql(a.filters);
  const query = a.query.trim();
  const dir = a.sort?.dir === 'desc' ? 'DESC' : 'ASC';
  if (!query) {
    const total = (run(db, `SELECT count(*) AS n FROM persons WHERE ${where.join(' AND ')}`, params, o)[0]!.n as number) ?? 0;
    const order = SORT_SQL[a.sort?.field ?? 'surname'] ?? SORT_SQL.surname!;
    const rows = run(
      db,
      `SELECT ${ROW_COLUMNS} FROM persons WHERE ${where.join(' AND ')} ORDER BY ${order} ${dir}, id LIMIT ? OFFSET ?`,
      [...params, a.limit, a.offset],
      o,
    );
    return { total, good: null, rows: rows.map((r) => toRow(r, null)) };
  }
  const ids = candidateIds(db, query, o);
  if (ids.length === 0) return { total: 0, good: 0, rows: [] };
  // `+deleted`: every filter index starts with `deleted`, and the planner would rather walk one of them over the whole
  // table than look the candidates up by id; the unary plus rules those indexes out, so the lookup goes by id.
  const byId = where.map((w) => (w === 'deleted = 0' ? '+deleted = 0' : w));
  // Ranking needs only the matcher's fields (and the sort column); the page's display rows are read after.
  const field = a.sort?.field;
  const byDays = field === 'captivityDays';
  const sortCol = byDays ? 'captivity_days' : field && field !== 'score' ? SORT_SQL[field]!.split(' ')[0]! : null;
  const cols = byDays
    ? `${MATCH_COLUMNS}, status, ${DAYS_SQL} AS captivity_days`
    : sortCol && !MATCH_COLUMNS.includes(sortCol)
      ? `${MATCH_COLUMNS}, ${sortCol}`
      : MATCH_COLUMNS;
  const rows = run(
    db,
    `SELECT ${cols} FROM persons WHERE id IN (SELECT value FROM json_each(?)) AND ${byId.join(' AND ')}`,
    [JSON.stringify(ids), ...params],
    o,
  );
  const entry = parseFreeTextLine(query);
  const nameWords = [...new Set((query.match(/[\p{L}'’-]+/gu) ?? []).map(plainForm))];
  const exactWords = new Set(nameWords);
  const isExactWord = (name: string, w: string) => plainForm(name) === w || plainForm(transliterateUk(name)) === w;
  const ref = query.trim();
  // Many candidates share a surname or given name: the exact-word check is done once per distinct name.
  const exactMemo = new Map<string, boolean>();
  const isExact = (name: string): boolean => {
    let v = exactMemo.get(name);
    if (v === undefined) exactMemo.set(name, (v = exactWords.has(plainForm(name)) || exactWords.has(plainForm(transliterateUk(name)))));
    return v;
  };
  const ranked = rows.map((r) => {
    const person = {
      id: String(r.id),
      ref: r.ref as string | null,
      surname: String(r.surname),
      givenName: r.given_name as string | null,
      patronymic: r.patronymic as string | null,
      dateOfBirth: r.date_of_birth as string | null,
      unit: r.unit as string | null,
      sex: r.sex as string | null,
    };
    const score = r.ref === ref ? 1 : scoreCandidate(entry, person).score;
    // The exact surname as typed (or its official Latin form) outranks an equivalent spelling at the same score.
    const exact = isExact(person.surname) ? 1 : 0;
    const exactGiven = person.givenName && isExact(person.givenName) ? 1 : 0;
    // Fits well: close enough by the matcher, or every word typed is one of this person's names as written.
    const good =
      score >= FITS_WELL_SCORE ||
      (nameWords.length > 0 && nameWords.every((w) => [person.surname, person.givenName, person.patronymic].some((n) => n && isExactWord(n, w))));
    return { r, score, good, rank: score + exact * 0.02 + exactGiven * 0.01 + (good ? 0.1 : 0) };
  });
  const good = ranked.filter((x) => x.good).length;
  if (!sortCol) ranked.sort((x, y) => y.rank - x.rank || String(x.r.surname).localeCompare(String(y.r.surname)));
  else if (byDays) {
    const sign = dir === 'DESC' ? -1 : 1;
    const key = (r: DbRow) => [isCaptivityOver(r.status as string) ? 1 : 0, r.captivity_days === null ? 1 : 0] as const;
    ranked.sort((x, y) => {
      const [ox, nx] = key(x.r);
      const [oy, ny] = key(y.r);
      return ox - oy || nx - ny || sign * (Number(x.r.captivity_days ?? 0) - Number(y.r.captivity_days ?? 0));
    });
  } else {
    const sign = dir === 'DESC' ? -1 : 1;
    ranked.sort((x, y) => sign * String(x.r[sortCol] ?? '').localeCompare(String(y.r[sortCol] ?? '')));
  }
  const page = ranked.slice(a.offset, a.offset + a.limit);
  if (page.length === 0) return { total: ranked.length, good, rows: [] };
  const full = new Map(
    run(db, `SELECT ${ROW_COLUMNS} FROM persons WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(page.map((x) => x.r.id))], o).map((r) => [
      String(r.id),
      r,
    ]),
  );
  return { total: ranked.length, good, rows: page.map((x) => toRow(full.get(String(x.r.id))!, Math.round(x.score * 1000) / 1000)) };
}
