// The register as the matcher reads it: people loaded by id or by name key into a cache kept while the register is
// unchanged, prepared for the scorer (shared with the lists matcher and the register's duplicates scan), and
// candidates shown as who they are now.
import { MatchFeatures, preparePerson, type RegisteredPerson } from '../../../shared/matching';
import type { CandidateView, MatchCandidate } from '../../../shared/lists';
import type { Db } from '../vault/database';
import { sessionOf, slot } from '../db/session';

export type PersonCache = Map<string, RegisteredPerson>;

interface PersonRow {
  id: string;
  ref: string | null;
  surname: string;
  given_name: string | null;
  patronymic: string | null;
  date_of_birth: string | null;
  unit: string | null;
  sex: string | null;
}

type Stmts = Record<'keys' | 'persons', ReturnType<Db['prepare']>>;
const STATEMENTS = slot<Stmts>('register.matchStatements');

function prepared(db: Db): Stmts {
  return sessionOf(db).slot(STATEMENTS, () => ({
    // json_each binds any number of keys as one parameter; the primary key (key, person_id) serves the lookup.
    keys: db.prepare('SELECT k.key AS key, k.person_id AS person_id FROM person_name_keys k WHERE k.key IN (SELECT value FROM json_each(?))'),
    // Driven from the id list (CROSS JOIN keeps that order): one primary-key lookup per id into the matcher's
    // compact copy of each living person (person_match, migration 0004), never a scan.
    persons: db.prepare(
      'SELECT m.person_id, m.ref, m.surname, m.given_name, m.patronymic, m.date_of_birth, m.unit FROM json_each(?) j CROSS JOIN person_match m ON m.person_id = j.value',
    ),
  }));
}

// People read for matching, with the scorer's prepared features, kept while the register does not change: every
// replicated write appends to the change log, so its last seq says whether the cache is still the register. Held by
// the session: a lock drops it.
const WARM = slot<{ version: number; persons: PersonCache }>('register.warmCache');
const WARM_MAX = 300_000;

// Derived name forms shared by a cache's people (MatchFeatures): same lifetime as the cache, so nothing outlives a lock.
const featuresOfCache = new WeakMap<PersonCache, MatchFeatures>();

export function cacheFeatures(cache: PersonCache): MatchFeatures {
  let f = featuresOfCache.get(cache);
  if (!f) {
    f = new MatchFeatures();
    featuresOfCache.set(cache, f);
  }
  return f;
}

export function registerCache(db: Db): PersonCache {
  const version = (db.prepare('SELECT coalesce(max(seq), 0) AS v FROM change_log').get() as { v: number }).v;
  const session = sessionOf(db);
  let c = session.peek(WARM);
  if (!c || c.version !== version || c.persons.size > WARM_MAX) {
    session.drop(WARM);
    c = session.slot(WARM, () => ({ version, persons: new Map() }));
  }
  return c.persons;
}

const WARMING = slot<true>('register.warming');

/**
 * Reads the register into the matching cache in slices between other work, so the first list after unlocking
 * matches at warm speed (the Lists area starts it when opened). Stops early if the register changes underneath.
 */
export async function warmRegisterCache(db: Db, slice = 5000): Promise<number> {
  const session = sessionOf(db);
  if (session.peek(WARMING)) return 0;
  session.slot(WARMING, () => true);
  try {
    const stmt = db.prepare(
      'SELECT person_id AS id, ref, surname, given_name, patronymic, date_of_birth, unit FROM person_match WHERE person_id > ? ORDER BY person_id LIMIT ?',
    );
    let cursor = '';
    let loaded = 0;
    // Reading the key table once brings its pages into SQLCipher's page cache (decrypted), where lookups then find them.
    db.prepare('SELECT sum(length(key)) FROM person_name_keys').get();
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      if (!db.open) return loaded;
      const cache = registerCache(db);
      const shared = cacheFeatures(cache);
      const rows = stmt.all(cursor, slice) as Omit<PersonRow, 'sex'>[];
      for (const r of rows) {
        if (cache.has(r.id)) continue;
        // The same shape as loadPersons gives.
        const p: RegisteredPerson = {
          id: r.id,
          ref: r.ref,
          surname: r.surname,
          givenName: r.given_name,
          patronymic: r.patronymic,
          dateOfBirth: r.date_of_birth,
          unit: r.unit,
        };
        preparePerson(p, shared);
        cache.set(r.id, p);
      }
      loaded += rows.length;
      if (rows.length < slice) return loaded;
      cursor = rows[rows.length - 1]!.id;
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    session.drop(WARMING);
  }
}

export function toRegistered(r: PersonRow): RegisteredPerson {
  return {
    id: r.id,
    ref: r.ref,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    dateOfBirth: r.date_of_birth,
    unit: r.unit,
    sex: r.sex,
  };
}

/**
 * Loads (and prepares for scoring) the people not yet in the cache; deleted (and merged) people are never candidates
 * (they have no person_match row). What is loaded is what the scorer reads (no sex, no other columns).
 */
export function loadPersons(db: Db, ids: Iterable<string>, cache: PersonCache): void {
  const missing: string[] = [];
  for (const id of ids) if (!cache.has(id)) missing.push(id);
  const stmt = prepared(db).persons;
  const shared = cacheFeatures(cache);
  // The same spelling read for many people is kept once: fewer strings survive into the old generation, so a cold
  // list's garbage collections copy less (a register repeats its surnames, names, dates and units).
  const one = (v: string | null | undefined): string | null => (v == null ? null : shared.intern(v));
  for (let i = 0; i < missing.length; i += 5000) {
    for (const [id, ref, surname, givenName, patronymic, dateOfBirth, unit] of stmt.raw(true).all(JSON.stringify(missing.slice(i, i + 5000))) as (
      string | null
    )[][]) {
      const p: RegisteredPerson = {
        id: id as string,
        ref,
        surname: one(surname) as string,
        givenName: one(givenName),
        patronymic: one(patronymic),
        dateOfBirth: one(dateOfBirth),
        unit: one(unit),
      };
      preparePerson(p, shared);
      cache.set(id as string, p);
    }
  }
}

/** key → person ids, for a set of keys in one statement. */
export function lookupKeys(db: Db, keys: Iterable<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const all = [...keys];
  const stmt = prepared(db).keys;
  for (let i = 0; i < all.length; i += 5000) {
    // raw(): hundreds of thousands of rows come back for a big list; arrays cost far less than objects.
    for (const [key, personId] of stmt.raw(true).all(JSON.stringify(all.slice(i, i + 5000))) as [string, string][]) {
      const list = out.get(key);
      if (list) list.push(personId);
      else out.set(key, [personId]);
    }
  }
  return out;
}

/** Candidates with who they are now; a person merged away since shows where they went. */
export function candidateViews(db: Db, cands: MatchCandidate[]): CandidateView[] {
  const stmt = db.prepare('SELECT id, ref, surname, given_name, patronymic, date_of_birth, unit, status, deleted FROM persons WHERE id = ?');
  return cands.map((c) => {
    const p = stmt.get(c.personId) as Record<string, string | number | null> | undefined;
    const s = (k: string) => (p?.[k] as string | null | undefined) ?? null;
    return {
      ...c,
      surname: s('surname'),
      givenName: s('given_name'),
      patronymic: s('patronymic'),
      dateOfBirth: s('date_of_birth'),
      unit: s('unit'),
      status: s('status'),
      gone: !p || p.deleted === 1,
    };
  });
}
