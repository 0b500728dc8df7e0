// Loads the development set (shared/data/matching-dev) if present.
import { parseListEntry } from '../../shared/matching';
import type { ParsedEntry, RegisteredPerson } from '../../shared/matching';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { personsFromCsv, readCsv } from './evaluate';
import type { Expected } from './evaluate';

export function devSetDir(base: string, name = 'matching-dev'): string {
  return path.resolve(base, '../../../shared/data', name);
}

export function loadDevSet(dir: string): { persons: RegisteredPerson[]; entries: ParsedEntry[]; expected: Expected[] } | null {
  if (!existsSync(path.join(dir, 'persons.csv'))) return null;
  const persons = personsFromCsv(readCsv(path.join(dir, 'persons.csv')));
  const entries = readCsv(path.join(dir, 'list.csv')).map((r) =>
    parseListEntry({ name: r.name ?? '', dateOfBirth: r.date_of_birth ?? '', unit: r.unit ?? '' }),
  );
  const expected = readCsv(path.join(dir, 'expected.csv')).map((r) => ({ ref: r.ref || null, consistent: Number(r.consistent) }));
  return { persons, entries, expected };
}

/** Locally a missing development set skips the suites that need it; under CI (CI set) that fails, never a silent skip. */
export function devSetPresent(found: boolean, dir: string): boolean {
  if (!found && process.env.CI) throw new Error(`development set missing at ${dir}: under CI the suites that need it must run`);
  return found;
}
