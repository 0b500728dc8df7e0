// Merging replicated records: pure, order-independent. A record's state is a function of the SET of changes known for
// it, never of the order they came in (docs/replication.md has the reasoning):
// - per field, a change's value is "superseded" when another known change lists its stamp in prev[field] (its writer
//   had that value and replaced it); the field's "live" values are those nobody superseded;
// - the newest live value by hybrid clock is the field's value (newest-wins); every other live value is a concurrent
//   write nobody has decided on — kept, and a conflict for a person when its value differs;
// - the record is deleted when its newest tombstone is newer than every edit of it: tombstones win over older edits and
//   lose to newer ones (an edit made without having seen the delete brings the record back);
// - a live tombstone and an edit that neither saw (the edit is not in the tombstone's causal past, reached through
//   prev, and did not supersede it with deleted = 0) are a conflict on `deleted`: the tombstone against the newest such edit.
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
  /** A live tombstone (value 1) and the newest edit made without having seen it (value 0: the record stands). */
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
  const tomb = fields.get(DELETED)?.winner;
  const state: RecordState = { fields, deleted: !!tomb && tomb.value === 1 && newer(tomb.stamp, lastEdit) };
  if (tomb?.value === 1) {
    const edit = newestUnseenEdit(list, tomb.stamp);
    if (edit) state.deletion = { tomb, edit: { stamp: edit.stamp, value: 0, by: edit.by } };
  }
  return state;
}

/** The newest edit outside the tombstone's causal past (every stamp reachable from its prev, through every field). */
function newestUnseenEdit(list: readonly Op[], tombStamp: string): Op | undefined {
  const byStamp = new Map(list.map((op) => [op.stamp, op]));
  const past = new Set<string>();
  const todo = [tombStamp];
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
  for (const op of list) {
    if (op.stamp === tombStamp || past.has(op.stamp) || !Object.keys(op.fields).some((f) => f !== DELETED)) continue;
    if (!best || newer(op.stamp, best.stamp)) best = op;
  }
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
