// Merging replicated records: pure, order-independent. A record's state is a function of the SET of changes known for
// it, never of the order they came in (docs/replication.md has the reasoning):
// - per field, a change's value is "superseded" when another known change lists its stamp in prev[field] (its writer
//   had that value and replaced it); the field's "live" values are those nobody superseded;
// - the newest live value by hybrid clock is the field's value (newest-wins); every other live value is a concurrent
//   write nobody has decided on — kept, and a conflict for a person when its value differs;
// - the record is deleted when its newest tombstone is newer than every edit of it: tombstones win over older edits and
//   lose to newer ones (an edit made without having seen the delete brings the record back);
// - `deleted` is changed by a tombstone (1) and, implicitly, by every other write (0: the record stands). A live
//   tombstone (no write superseded it) and a write that stands the record which no tombstone had seen (outside every
//   tombstone's causal past, reached through prev — a tombstone names everything its site held) were made without
//   either seeing the other: a conflict on `deleted`, the newest live tombstone against the newest such write.
import { ObminError } from '../errors';
import { MAX_DRIFT_MS, parseStamp } from '../hlc';
import { DELETED } from './tables';

export type Scalar = string | number | null;

/** One record write, as the merge sees it (stamps in the full, sortable string form of shared/hlc.ts). */
export interface Op {
  stamp: string;
  fields: Readonly<Record<string, Scalar>>;
  prev: Readonly<Record<string, readonly string[]>>;
  by: string | null;
}

export interface Version {
  stamp: string;
  value: Scalar;
  by: string | null;
}

export interface FieldState {
  /** The newest live value: what the register shows. */
  winner: Version;
  /** The other live values, oldest first: concurrent writes kept for a person to confirm or reverse. */
  others: Version[];
}

export interface RecordState {
  fields: Map<string, FieldState>;
  deleted: boolean;
  /** The newest live tombstone (value 1) and the newest write standing the record that no tombstone saw (value 0). */
  deletion?: { tomb: Version; edit: Version };
}

/** Full stamp strings sort like the clock (fixed-width time and counter, then the site id), so `<` compares them. */
export const newer = (a: string, b: string): boolean => a > b;

export function resolveRecord(ops: Iterable<Op>): RecordState {
  const superseded = new Map<string, Set<string>>();
  const list: Op[] = [];
  const seen = new Set<string>();
  for (const op of ops) {
    if (seen.has(op.stamp)) continue; // the same change twice is one change
    seen.add(op.stamp);
    list.push(op);
    for (const [f, stamps] of Object.entries(op.prev)) {
      let s = superseded.get(f);
      if (!s) superseded.set(f, (s = new Set()));
      for (const st of stamps) s.add(st);
    }
  }
  const live = new Map<string, Version[]>();
  let lastEdit = '';
  for (const op of list) {
    for (const [f, value] of Object.entries(op.fields)) {
      if (f !== DELETED && newer(op.stamp, lastEdit)) lastEdit = op.stamp;
      if (superseded.get(f)?.has(op.stamp)) continue;
      let vs = live.get(f);
      if (!vs) live.set(f, (vs = []));
      vs.push({ stamp: op.stamp, value, by: op.by });
    }
  }
  const fields = new Map<string, FieldState>();
  for (const [f, vs] of live) {
    vs.sort((a, b) => (a.stamp < b.stamp ? -1 : 1));
    fields.set(f, { winner: vs[vs.length - 1]!, others: vs.slice(0, -1) });
  }
  const d = fields.get(DELETED);
  const state: RecordState = { fields, deleted: !!d && d.winner.value === 1 && newer(d.winner.stamp, lastEdit) };
  // The newest live tombstone, shown or not (a newer `deleted = 0` that never saw it does not settle it).
  const liveTomb = d && [d.winner, ...d.others.slice().reverse()].find((v) => v.value === 1);
  if (liveTomb) {
    const edit = newestUnseenStand(list);
    if (edit) state.deletion = { tomb: liveTomb, edit: { stamp: edit.stamp, value: 0, by: edit.by } };
  }
  return state;
}

/** A write that stands the record: an edit of any field, or a decision `deleted = 0`. */
const stands = (op: Op): boolean => op.fields[DELETED] === 0 || Object.keys(op.fields).some((f) => f !== DELETED);

/** The newest write standing the record that no tombstone had seen (outside the causal past of every tombstone). */
function newestUnseenStand(list: readonly Op[]): Op | undefined {
  const byStamp = new Map(list.map((op) => [op.stamp, op]));
  const past = new Set<string>();
  const todo = list.filter((op) => op.fields[DELETED] === 1).map((op) => op.stamp);
  while (todo.length) {
    const op = byStamp.get(todo.pop()!);
    if (!op) continue;
    for (const stamps of Object.values(op.prev))
      for (const s of stamps) {
        if (past.has(s)) continue;
        past.add(s);
        todo.push(s);
      }
  }
  let best: Op | undefined;
  for (const op of list) if (!past.has(op.stamp) && stands(op) && (!best || newer(op.stamp, best.stamp))) best = op;
  return best;
}

export interface Conflict {
  field: string;
  winner: Version;
  loser: Version;
}

/** Live values that differ from the shown one: what a person is asked about (equal values need no decision). */
export function conflictsOf(state: RecordState): Conflict[] {
  const out: Conflict[] = [];
  for (const [field, { winner, others }] of state.fields) {
    if (field === DELETED) continue;
    for (const loser of others) if (!sameValue(loser.value, winner.value)) out.push({ field, winner, loser });
  }
  const d = state.deletion;
  if (d) out.push(newer(d.tomb.stamp, d.edit.stamp) ? { field: DELETED, winner: d.tomb, loser: d.edit } : { field: DELETED, winner: d.edit, loser: d.tomb });
  return out;
}

export const sameValue = (a: Scalar, b: Scalar): boolean => a === b;

/** What a new local write of the field supersedes: every live value this site holds (the shown one and the kept ones). */
export function prevOf(state: FieldState | undefined): string[] {
  return state ? [...state.others.map((v) => v.stamp), state.winner.stamp] : [];
}

/**
 * A change stamped further ahead of this machine's clock than the drift bound is refused, not obeyed: obeying it would
 * let one site with a wrong clock (or a forged file) win every field for as long as its clock runs ahead.
 */
export function assertNotAhead(stamp: string, nowMs: number, boundMs = MAX_DRIFT_MS): void {
  const ahead = parseStamp(stamp).millis - nowMs;
  if (ahead > boundMs) {
    throw new ObminError(
      'VALIDATION',
      { stamp, aheadMinutes: Math.ceil(ahead / 60_000), limitMinutes: Math.round(boundMs / 60_000) },
      'replication.errors.clockAhead',
    );
  }
}
