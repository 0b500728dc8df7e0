// Candidate retrieval from the database: the entry's keys → person_name_keys → those persons → score → decide.
// Never every pair: only people sharing a key with the entry are scored, exactly as the in-memory MatchIndex does.
import { closeSurnameBases, fuzzyQueryBases, queryNameKeys, surnameVocabKeys } from '../../../shared/names';
import {
  candidateScore,
  decide,
  type MatchFeatures,
  scoreCandidate,
  type Candidate,
  type ParsedEntry,
  type RegisteredPerson,
  type Suggestion,
  type Thresholds,
} from '../../../shared/matching';
import type { Db } from '../vault/database';
import { sessionOf, slot } from '../db/session';
import { cacheFeatures, loadPersons, lookupKeys, registerCache, type PersonCache } from '../register/matchable';

export interface EntryMatch {
  suggestion: Suggestion;
  candidates: Candidate[];
}

export interface MatchOptions {
  limit?: number;
  thresholds?: Thresholds;
  /** entries per SQL round trip; bigger batches share more keys and persons */
  batch?: number;
  /** people already loaded (kept across calls, e.g. by the duplicates scan) */
  cache?: PersonCache;
}

type Stmts = Record<'grouped' | 'distinct', ReturnType<Db['prepare']>>;
const STATEMENTS = slot<Stmts>('lists.matchStatements');

function prepared(db: Db): Stmts {
  return sessionOf(db).slot(STATEMENTS, () => ({
    // Per entry (the outer array's index), the distinct people sharing any of its keys, as one comma-joined string:
    // a same-surname person shares ~10 keys, and returning one row per key costs more than the lookup itself.
    grouped: db.prepare(`SELECT CAST(q.key AS INTEGER) AS i, group_concat(DISTINCT k.person_id) AS ids
        FROM json_each(?) q CROSS JOIN json_each(q.value) kk CROSS JOIN person_name_keys k ON k.key = kk.value
        GROUP BY q.key`),
    // The distinct people sharing any of a set of keys: SQLite drops the repeats (a same-surname person shares ~10
    // keys with the query) before anything reaches JS.
    distinct: db.prepare('SELECT DISTINCT person_id FROM person_name_keys WHERE key IN (SELECT value FROM json_each(?))'),
  }));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** For each entry's keys, the distinct ids of the people who share at least one of them. */
export function candidateIds(db: Db, keysOf: string[][]): string[][] {
  const out: string[][] = keysOf.map(() => []);
  for (const [i, ids] of prepared(db).grouped.raw(true).all(JSON.stringify(keysOf)) as [number, string | null][]) {
    if (ids) out[i] = ids.split(',');
  }
  return out;
}

/** The distinct ids of the people sharing at least one of the keys. */
export function distinctCandidateIds(db: Db, keys: string[]): string[] {
  return keys.length === 0 ? [] : (prepared(db).distinct.pluck(true).all(JSON.stringify(keys)) as string[]);
}

const tieKey = (p: RegisteredPerson): string => p.ref ?? p.id;

/**
 * Scores the given people against one entry, best first; the suggestion is MatchIndex's rule. Only scores are
 * computed for all; the reasons only for the few kept — the same result as scoring everyone and sorting.
 */
export function rank(
  entry: ParsedEntry,
  people: RegisteredPerson[],
  opts: { limit?: number; thresholds?: Thresholds } = {},
  shared?: MatchFeatures,
): EntryMatch {
  const limit = opts.limit ?? 5;
  // decide() needs the best two whatever the limit.
  const keep = Math.max(limit, 2);
  const top: { p: RegisteredPerson; score: number; tie: string }[] = [];
  for (const p of people) {
    const score = candidateScore(entry, p, shared);
    let last = top[top.length - 1];
    // Ties broken by ref/id so the same data always gives the same order (the CLI's output is a contract); equal
    // keys keep their input order, as the stable sort did.
    if (top.length === keep && last && (score < last.score || (score === last.score && tieKey(p) >= last.tie))) continue;
    const tie = tieKey(p);
    let j = top.length;
    while (j > 0) {
      last = top[j - 1] as (typeof top)[number];
      if (score > last.score || (score === last.score && cmp(tie, last.tie) < 0)) j--;
      else break;
    }
    top.splice(j, 0, { p, score, tie });
    if (top.length > keep) top.pop();
  }
  const scored: Candidate[] = top.map(({ p }) => {
    const { score, reasons } = scoreCandidate(entry, p, shared);
    return { personId: p.id, ref: p.ref ?? null, score, reasons };
  });
  return { suggestion: decide(scored.slice(0, 2), opts.thresholds), candidates: scored.slice(0, limit) };
}

const VOCAB_STATEMENT = slot<ReturnType<Db['prepare']>>('lists.vocabStatement');

/** 'f:' vocabulary key → registered surname bases, for a set of keys in one statement (surname_vocab, migration 0009). */
function lookupVocab(db: Db, keys: Iterable<string>): Map<string, string[]> {
  const stmt = sessionOf(db).slot(VOCAB_STATEMENT, () => db.prepare('SELECT key, base FROM surname_vocab WHERE key IN (SELECT value FROM json_each(?))'));
  const out = new Map<string, string[]>();
  const all = [...keys];
  for (let i = 0; i < all.length; i += 5000) {
    for (const [key, base] of stmt.raw(true).all(JSON.stringify(all.slice(i, i + 5000))) as [string, string][]) {
      const list = out.get(key);
      if (list) list.push(base);
      else out.set(key, [base]);
    }
  }
  return out;
}

/**
 * Retrieval that survives errors, as MatchIndex.fuzzyBases does it: a group whose surname is no registered spelling
 * also looks up the registered spellings within two edits (through the vocabulary's deletion keys), and their
 * people join the group's. A registered surname's group is left as it is (two SQL statements per batch in all).
 */
function addFuzzyKeys(db: Db, slice: ParsedEntry[], plan: { group: { keys: string[] }; entry: ParsedEntry }[]): void {
  const bases = new Map<{ keys: string[] }, string[]>();
  for (const { group, entry } of plan) if (!bases.has(group)) bases.set(group, fuzzyQueryBases(entry));
  const wanted = new Set<string>();
  for (const list of bases.values()) for (const b of list) wanted.add(b);
  if (wanted.size === 0 || slice.length === 0) return;
  const exact = lookupVocab(
    db,
    [...wanted].map((b) => 'f:' + b),
  );
  const unregistered = [...wanted].filter((b) => !(exact.get('f:' + b) ?? []).includes(b));
  if (unregistered.length === 0) return;
  const keysOf = new Map(unregistered.map((b) => [b, surnameVocabKeys(b)]));
  const found = lookupVocab(db, new Set([...keysOf.values()].flat()));
  const close = new Map<string, string[]>();
  for (const [b, keys] of keysOf) {
    const near = new Set<string>();
    for (const k of keys) for (const x of found.get(k) ?? []) near.add(x);
    close.set(b, closeSurnameBases(b, near));
  }
  for (const [group, list] of bases) {
    const extra = new Set<string>();
    for (const b of list) for (const x of close.get(b) ?? []) extra.add('s:' + x);
    for (const k of group.keys) extra.delete(k);
    if (extra.size) group.keys.push(...[...extra].sort());
  }
}

/**
 * Matches entries against the register in batches; results are in the entries' order. Entries with the same
 * surname keys (same surname, any script or gender form) share one retrieval: their people are read once, the
 * given name + date keys of each entry added to them.
 */
export function matchEntries(db: Db, entries: ParsedEntry[], opts: MatchOptions = {}): EntryMatch[] {
  const batch = opts.batch ?? 1000;
  const cache = opts.cache ?? registerCache(db);
  const shared = cacheFeatures(cache);
  const out: EntryMatch[] = [];
  for (let start = 0; start < entries.length; start += batch) {
    const slice = entries.slice(start, start + batch);
    const groups = new Map<string, { keys: string[]; ids: string[]; set: Set<string> | null; people: RegisteredPerson[] | null }>();
    const dateKeys = new Set<string>();
    const plan = slice.map((e) => {
      const surnameKeys: string[] = [];
      const own: string[] = [];
      for (const k of queryNameKeys(e)) {
        if (k.startsWith('g:')) {
          own.push(k);
          dateKeys.add(k);
        } else surnameKeys.push(k);
      }
      surnameKeys.sort();
      const id = surnameKeys.join('\n');
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { keys: surnameKeys, ids: [], set: null, people: null }));
      return { group: g, own, entry: e };
    });
    addFuzzyKeys(db, slice, plan);
    const all = new Set<string>();
    for (const g of groups.values()) {
      g.ids = distinctCandidateIds(db, g.keys);
      for (const id of g.ids) all.add(id);
    }
    const byDateKey = dateKeys.size ? lookupKeys(db, dateKeys) : new Map<string, string[]>();
    for (const ids of byDateKey.values()) for (const id of ids) all.add(id);
    loadPersons(db, all, cache);
    const people = (ids: string[]): RegisteredPerson[] => {
      const out: RegisteredPerson[] = [];
      for (const id of ids) {
        const p = cache.get(id);
        if (p) out.push(p);
      }
      return out;
    };
    slice.forEach((entry, i) => {
      const { group, own } = plan[i] as (typeof plan)[number];
      let extra: string[] | null = null;
      for (const k of own) {
        for (const id of byDateKey.get(k) ?? []) {
          group.set ??= new Set(group.ids);
          if (group.set.has(id) || extra?.includes(id)) continue;
          (extra ??= []).push(id);
        }
      }
      // The group's people once for all its entries; an entry's own date-key people added to a copy.
      group.people ??= people(group.ids);
      const candidates = extra ? group.people.concat(people(extra)) : group.people;
      out.push(rank(entry, candidates, opts, shared));
    });
  }
  return out;
}
