// In-memory candidate retrieval over the same keys the SQL index stores.
import { personNameKeys, queryNameKeys } from '../names';
import { decide } from './decide';
import { MatchFeatures, preparePerson, scoreCandidate } from './score';
import type { Candidate, ParsedEntry, RegisteredPerson, Suggestion, Thresholds } from './types';

export class MatchIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly persons: RegisteredPerson[];

  constructor(persons: RegisteredPerson[]) {
    this.persons = persons;
    const shared = new MatchFeatures();
    persons.forEach((p, i) => {
      preparePerson(p, shared);
      for (const { key } of personNameKeys(p)) {
        const list = this.byKey.get(key);
        if (list) list.push(i);
        else this.byKey.set(key, [i]);
      }
    });
  }

  /** Persons sharing at least one key with the entry. */
  candidatesFor(entry: ParsedEntry): RegisteredPerson[] {
    const seen = new Set<number>();
    for (const key of queryNameKeys(entry)) {
      for (const i of this.byKey.get(key) ?? []) seen.add(i);
    }
    return [...seen].map((i) => this.persons[i] as RegisteredPerson);
  }

  match(entry: ParsedEntry, opts: { limit?: number; thresholds?: Thresholds } = {}): { suggestion: Suggestion; candidates: Candidate[] } {
    const scored: Candidate[] = this.candidatesFor(entry).map((p) => {
      const { score, reasons } = scoreCandidate(entry, p);
      return { personId: p.id, ref: p.ref ?? null, score, reasons };
    });
    scored.sort((a, b) => b.score - a.score);
    const suggestion = decide(scored.slice(0, 2), opts.thresholds);
    return { suggestion, candidates: scored.slice(0, opts.limit ?? 5) };
  }
}
