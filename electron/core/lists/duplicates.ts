// Possible duplicates inside the register, found with the same keys and scores as list matching.
// Paged by person id: each page scans people after the cursor until it has enough pairs or a scan budget is spent.
import { parseIsoPartial, personNameKeys, queryNameKeys } from '../../../shared/names';
import { DEFAULT_THRESHOLDS, scoreCandidate, type ParsedEntry, type RegisteredPerson } from '../../../shared/matching';
import type { DuplicatePair } from '../../../shared/lists';
import { appendAudit } from '../audit/audit';
import type { Db } from '../vault/database';
import { loadPersons, lookupKeys, toRegistered, type PersonCache } from './match';
import { candidateViews } from './store';

/** A registered person read as if they were a list entry, so one scorer serves both. */
export function entryOfPerson(p: RegisteredPerson): ParsedEntry {
  return {
    raw: [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' '),
    surname: p.surname, givenName: p.givenName ?? null, givenInitial: null, patronymic: p.patronymic ?? null, patronymicInitial: null,
    alternatives: [], dateOfBirth: parseIsoPartial(p.dateOfBirth), unit: p.unit ?? null, problems: [],
  };
}

function pairScore(a: RegisteredPerson, b: RegisteredPerson): number {
  // Scoring is not symmetric (an initial on one side, a full name on the other): a pair is as close as its closer reading.
  return Math.max(scoreCandidate(entryOfPerson(a), b).score, scoreCandidate(entryOfPerson(b), a).score);
}

export interface DuplicatePage {
  pairs: DuplicatePair[];
  /** pass back to continue; null when the whole register has been scanned */
  nextCursor: string | null;
  scanned: number;
}

const SCAN_BUDGET = 5000;

export function findDuplicates(db: Db, o: { cursor?: string | null | undefined; limit?: number; minScore?: number } = {}): DuplicatePage {
  const limit = o.limit ?? 50;
  const min = o.minScore ?? DEFAULT_THRESHOLDS.review;
  const cache: PersonCache = new Map();
  const dismissed = db.prepare('SELECT 1 FROM duplicate_dismissals WHERE a_id = ? AND b_id = ?');
  const pairs = new Map<string, { a: string; b: string; score: number }>();
  let cursor = o.cursor ?? '';
  let scanned = 0;
  const next = db.prepare('SELECT id, ref, surname, given_name, patronymic, date_of_birth, unit, sex FROM persons WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?');
  let done = false;
  while (pairs.size < limit && scanned < SCAN_BUDGET) {
    const rows = (next.all(cursor, 500) as Parameters<typeof toRegistered>[0][]).map(toRegistered);
    if (rows.length === 0) {
      done = true;
      break;
    }
    for (const r of rows) if (!cache.has(r.id)) cache.set(r.id, r);
    const keysOf = rows.map((r) => queryNameKeys(entryOfPerson(r)));
    const byKey = lookupKeys(db, new Set(keysOf.flat()));
    const idsOf = keysOf.map((ks) => new Set(ks.flatMap((k) => byKey.get(k) ?? [])));
    loadPersons(db, new Set(idsOf.flatMap((s) => [...s])), cache);
    rows.forEach((x, i) => {
      for (const id of idsOf[i] as Set<string>) {
        const y = cache.get(id);
        if (!y || y.id === x.id) continue;
        // Each pair once: from the smaller id, or from the larger when the smaller's keys would not have found it.
        if (y.id < x.id && queryNameKeys(entryOfPerson(y)).some((k) => personNameKeys(x).some((pk) => pk.key === k))) continue;
        const [a, b] = x.id < y.id ? [x.id, y.id] : [y.id, x.id];
        if (pairs.has(`${a}|${b}`) || dismissed.get(a, b)) continue;
        const score = pairScore(x, y);
        if (score >= min) pairs.set(`${a}|${b}`, { a, b, score });
      }
    });
    scanned += rows.length;
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < 500) {
      done = true;
      break;
    }
  }
  const list = [...pairs.values()].sort((p, q) => q.score - p.score);
  return {
    pairs: list.map((p) => {
      const [a, b] = candidateViews(db, [
        { personId: p.a, ref: cache.get(p.a)?.ref ?? null, score: p.score, reasons: scoreCandidate(entryOfPerson(cache.get(p.b)!), cache.get(p.a)!).reasons },
        { personId: p.b, ref: cache.get(p.b)?.ref ?? null, score: p.score, reasons: scoreCandidate(entryOfPerson(cache.get(p.a)!), cache.get(p.b)!).reasons },
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
