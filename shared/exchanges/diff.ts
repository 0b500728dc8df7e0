// The differences between two proposals, entry by entry, and what the coordinator's decisions make of them (v3).
import type { Direction } from './enums';

export interface ProposalLine {
  personId: string;
  direction: Direction;
}

export type Change = 'added' | 'removed' | 'changed';

export interface DiffItem {
  personId: string;
  change: Change;
  /** direction in the earlier proposal (null: added) */
  from: Direction | null;
  /** direction in the later proposal (null: removed) */
  to: Direction | null;
}

/** Added (only in the later), removed (only in the earlier), changed (in both, the direction differs). */
export function diffProposals(before: readonly ProposalLine[], after: readonly ProposalLine[]): DiffItem[] {
  const a = new Map(before.map((l) => [l.personId, l.direction]));
  const b = new Map(after.map((l) => [l.personId, l.direction]));
  const out: DiffItem[] = [];
  for (const l of before) {
    const to = b.get(l.personId);
    if (to === undefined) out.push({ personId: l.personId, change: 'removed', from: l.direction, to: null });
    else if (to !== l.direction) out.push({ personId: l.personId, change: 'changed', from: l.direction, to });
  }
  for (const l of after) if (!a.has(l.personId)) out.push({ personId: l.personId, change: 'added', from: null, to: l.direction });
  return out;
}

/**
 * The agreed list: the lines both versions share, plus each difference as decided — an agreed difference takes the
 * counterpart's side (added in, removed out, the new direction); a rejected one keeps ours. Every difference must be
 * decided; the names of the undecided are returned instead.
 */
export function agreedLines(
  before: readonly ProposalLine[],
  diff: readonly DiffItem[],
  accepted: ReadonlyMap<string, boolean>,
): { lines: ProposalLine[] } | { undecided: string[] } {
  const undecided = diff.filter((d) => !accepted.has(d.personId)).map((d) => d.personId);
  if (undecided.length) return { undecided };
  const byPerson = new Map(diff.map((d) => [d.personId, d]));
  const lines: ProposalLine[] = [];
  for (const l of before) {
    const d = byPerson.get(l.personId);
    if (!d) lines.push(l);
    else if (!accepted.get(l.personId)) lines.push(l);
    else if (d.change === 'changed') lines.push({ personId: l.personId, direction: d.to! });
    // an accepted removal leaves the person out
  }
  for (const d of diff) if (d.change === 'added' && accepted.get(d.personId)) lines.push({ personId: d.personId, direction: d.to! });
  return { lines };
}
