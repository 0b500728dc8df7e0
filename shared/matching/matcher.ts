// In-memory candidate retrieval over the same keys the SQL index stores.
import { closeSurnameBases, fuzzyQueryBases, personNameKeys, personSurnameBases, queryNameKeys, surnameVocabKeys } from '../names';
import { decide } from './decide';
import { MatchFeatures, preparePerson } from './features';
import { scoreCandidate } from './score';
import type { Candidate, ParsedEntry, RegisteredPerson, Suggestion, Thresholds } from './types';

export class MatchIndex {
  private readonly byKey = new Map<string, number[]>();
  private readonly persons: RegisteredPerson[];
  /** the surname vocabulary: 'f:' deletion key → registered surname bases (as the surname_vocab table holds it) */
  private readonly vocab = new Map<string, string[]>();
  private readonly registered = new Set<string>();

  constructor(persons: RegisteredPerson[]) {
    this.persons = persons;
    const shared = new MatchFeatures();
    persons.forEach((p, i) => {
      preparePerson(p, shared);
      const keys = personNameKeys(p);
      for (const { key } of keys) {
        const list = this.byKey.get(key);
        if (list) list.push(i);
        else this.byKey.set(key, [i]);
      }
      for (const base of personSurnameBases(keys)) {
        if (this.registered.has(base)) continue;
        this.registered.add(base);
        for (const k of surnameVocabKeys(base)) {
          const list = this.vocab.get(k);
          if (list) list.push(base);
          else this.vocab.set(k, [base]);
        }
      }
    });
  }

  /** When an entry's surname is no registered surname: the registered ones within two edits (never all pairs). */
  fuzzyBases(entry: ParsedEntry): string[] {
    const out = new Set<string>();
    for (const base of fuzzyQueryBases(entry)) {
      if (this.registered.has(base)) continue;
      const found = new Set<string>();
      for (const k of surnameVocabKeys(base)) for (const b of this.vocab.get(k) ?? []) found.add(b);
      for (const b of closeSurnameBases(base, found)) out.add(b);
    }
    return [...out].sort();
  }

  /** Persons sharing at least one key with the entry, or a surname within two edits of its unregistered one. */
  candidatesFor(entry: ParsedEntry): RegisteredPerson[] {
    const seen = new Set<number>();
    for (const key of [...queryNameKeys(entry), ...this.fuzzyBases(entry).map((b) => 's:' + b)]) {
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
