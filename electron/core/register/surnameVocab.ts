// The surname vocabulary (migration 0009): each distinct registered surname spelling (its gender-neutral skeleton)
// with the strings reached by deleting up to two letters, so a list's surname with two typing or handwriting errors
// finds the registered one through an index, never by comparing with every person. Derived, never replicated;
// kept by the register's index refresh. A spelling nobody carries any more stays and simply finds nobody.
import { personSurnameBases, surnameVocabKeys, type NameKey } from '../../../shared/names';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../vault/database';
import { sessionOf, slot } from '../db/session';

type Pair = Database.Statement<[string, string]>;
type Stmts = { has: Pair; add: Pair };

const prepare = (db: Db): Stmts => ({
  has: db.prepare<[string, string]>('SELECT 1 FROM surname_vocab WHERE key = ? AND base = ?'),
  add: db.prepare<[string, string]>('INSERT OR IGNORE INTO surname_vocab (key, base) VALUES (?, ?)'),
});
const STATEMENTS = slot<Stmts>('register.surnameVocabStatements');

/** Adds the surname spellings of these keys that the vocabulary does not hold yet (inside the caller's transaction). */
export function addSurnameVocab(db: Db, keys: Pick<NameKey, 'key' | 'kind'>[]): void {
  addWith(
    sessionOf(db).slot(STATEMENTS, () => prepare(db)),
    keys,
  );
}

function addWith(s: Stmts, keys: Pick<NameKey, 'key' | 'kind'>[]): void {
  for (const base of new Set(personSurnameBases(keys))) {
    if (s.has.get('f:' + base, base)) continue;
    for (const k of surnameVocabKeys(base).sort()) s.add.run(k, base);
  }
}

/** Fills the vocabulary from the name keys already stored (the migration, for existing registers). */
export function fillSurnameVocab(db: Db): number {
  const keys = db.prepare("SELECT DISTINCT key, kind FROM person_name_keys WHERE kind IN ('surname', 'variant')").all() as { key: string; kind: string }[];
  // Its own statements: a migration may run on a database that has no session yet.
  addWith(prepare(db), keys);
  return keys.length;
}
