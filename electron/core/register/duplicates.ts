// Possible duplicates inside the register, found with the same keys and scores as list matching.
// Paged by person id: each page scans people after the cursor until it has enough pairs or a scan budget is spent.
import { parseIsoPartial, queryNameKeys, surnameKey } from '../../../shared/names';
import { DEFAULT_THRESHOLDS, pointsToScore, scoreCandidate, type ParsedEntry, type RegisteredPerson } from '../../../shared/matching';
import type { DuplicatePair } from '../../../shared/register/duplicates';
import { appendAudit } from '../audit/audit';
import type { Db } from '../vault/database';
import { candidateViews, loadPersons, lookupKeys, registerCache, toRegistered, type PersonCache } from './matchable';

/** A registered person read as if they were a list entry, so one scorer serves both. */
export function entryOfPerson(p: RegisteredPerson): ParsedEntry {
  return {
    raw: [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' '),
    surname: p.surname,
    givenName: p.givenName ?? null,
    givenInitial: null,
    patronymic: p.patronymic ?? null,
    patronymicInitial: null,
    alternatives: [],
    dateOfBirth: parseIsoPartial(p.dateOfBirth),
    unit: p.unit ?? null,
    problems: [],
  };
}

/**
 * Two register records are worth a person's look from surname + given name without a contradiction (5 points):
 * the lists' review bar (1.5 points) would offer every namesake pair in a large register.
 */
export const DUPLICATE_MIN = pointsToScore(5);

/**
 * Register records are whole names, so duplicates are looked for through the symmetric keys only — the exact
 * surname key (all scripts and gender forms) and given name + full date (a mistyped surname) — not the typo
 * neighbourhood a list entry needs. Symmetric keys find each pair from both sides, so it is reported from the
 * smaller id alone.
 */
function duplicateKeys(p: RegisteredPerson, e: ParsedEntry): string[] {
  const own = 's:' + surnameKey(p.surname);
  return queryNameKeys(e).filter((k) => k === own || k.startsWith('g:'));
}

export interface DuplicatePage {
  pairs: DuplicatePair[];
  /** pass back to continue; null when the whole register has been scanned */
  nextCursor: string | null;
  scanned: number;
}

// People looked at per page: keeps one call to a second or so on a 100 000-person register.
const SCAN_BUDGET = 1000;

export function findDuplicates(db: Db, o: { cursor?: string | null | undefined; limit?: number; minScore?: number } = {}): DuplicatePage {
  const limit = o.limit ?? 50;
  const min = o.minScore ?? DUPLICATE_MIN;
  const entries = new Map<string, ParsedEntry>();
  // One entry object per person, so the scorer's per-entry features are computed once.
  const entryOf = (p: RegisteredPerson) => {
    let e = entries.get(p.id);
    if (!e) entries.set(p.id, (e = entryOfPerson(p)));
    return e;
  };
  // The matching cache: pages after the first (and lists matched meanwhile) reuse the people already prepared.
  const cache: PersonCache = registerCache(db);
  // Dismissed pairs are few: one read, not a query per candidate pair.
  const dismissed = new Set((db.prepare('SELECT a_id, b_id FROM duplicate_dismissals').raw(true).all() as [string, string][]).map(([a, b]) => `${a}|${b}`));
  const pairs = new Map<string, { a: string; b: string; score: number }>();
  let cursor = o.cursor ?? '';
  let scanned = 0;
  const next = db.prepare(
    'SELECT id, ref, surname, given_name, patronymic, date_of_birth, unit, sex FROM persons WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?',
  );
  let done = false;
  while (pairs.size < limit && scanned < SCAN_BUDGET) {
    const rows = (next.all(cursor, 250) as Parameters<typeof toRegistered>[0][]).map(toRegistered);
    if (rows.length === 0) {
      done = true;
      break;
    }
    for (const r of rows) if (!cache.has(r.id)) cache.set(r.id, r);
    const keysOf = rows.map((r) => duplicateKeys(r, entryOf(r)));
    const byKey = lookupKeys(db, new Set(keysOf.flat()));
    const idsOf = keysOf.map((ks) => new Set(ks.flatMap((k) => byKey.get(k) ?? [])));
    loadPersons(db, new Set(idsOf.flatMap((s) => [...s])), cache);
    rows.forEach((x, i) => {
      for (const id of idsOf[i] as Set<string>) {
        const y = cache.get(id);
        if (!y || y.id === x.id) continue;
        if (y.id <= x.id) continue;
        // Scoring is not symmetric (an initial on one side): the pair is as close as its closer reading.
        const forward = scoreCandidate(entryOf(x), y).score;
        const score = forward >= min ? forward : Math.max(forward, scoreCandidate(entryOf(y), x).score);
        if (score < min) continue;
        const key = `${x.id}|${y.id}`;
        if (!dismissed.has(key)) pairs.set(key, { a: x.id, b: y.id, score });
      }
    });
    scanned += rows.length;
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < 250) {
      done = true;
      break;
    }
  }
  const list = [...pairs.values()].sort((p, q) => q.score - p.score);
  return {
    pairs: list.map((p) => {
      const [a, b] = candidateViews(db, [
        { personId: p.a, ref: cache.get(p.a)?.ref ?? null, score: p.score, reasons: scoreCandidate(entryOf(cache.get(p.b)!), cache.get(p.a)!).reasons },
        { personId: p.b, ref: cache.get(p.b)?.ref ?? null, score: p.score, reasons: scoreCandidate(entryOf(cache.get(p.a)!), cache.get(p.b)!).reasons },
      ]);
      return { a: a!, b: b!, score: p.score, suggestion: p.score >= DEFAULT_THRESHOLDS.link ? 'link' : 'review' };
    }),
    nextCursor: done ? null : cursor,
    scanned,
  };
}

export function dismissDuplicate(db: Db, operatorId: string, x: string, y: string): void {
  const [a, b] = x < y ? [x, y] : [y, x];
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO duplicate_dismissals (a_id, b_id, operator_id, at) VALUES (?, ?, ?, ?)').run(a, b, operatorId, new Date().toISOString());
    appendAudit(db, operatorId, 'persons.notDuplicate', `persons:${a}`, { a, b });
  })();
}
