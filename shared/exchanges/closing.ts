// What closing a round does to each person, and the round's totals. Pure: the core applies the outcome.
import type { Category, Status } from '../register/enums';
import type { Direction, EntryState } from './enums';
import { isActiveEntry, isUnmarked } from './enums';

export interface ClosingEntry {
  personId: string;
  direction: Direction;
  category: Category;
  state: EntryState;
  status: Status;
}

export type LiaisonReason = 'released' | 'remains_repatriated' | 'not_delivered';

export interface ClosingEffect {
  personId: string;
  /** the status the person takes, or null: unchanged */
  status: Status | null;
  /** a family to call, or null */
  task: LiaisonReason | null;
}

/**
 * Received + handed over → released (remains → remains_repatriated); given + handed over → transferred; not delivered
 * → back to the status before the round listed them (listing.ts), and the family is still called; refused to return →
 * our person's status says so, a held person stays held.
 */
export function closingEffect(e: ClosingEntry): ClosingEffect {
  if (e.state === 'handed_over') {
    if (e.direction === 'give') return { personId: e.personId, status: 'transferred', task: null };
    return e.category === 'remains'
      ? { personId: e.personId, status: 'remains_repatriated', task: 'remains_repatriated' }
      : { personId: e.personId, status: 'released', task: 'released' };
  }
  if (e.state === 'not_delivered') return { personId: e.personId, status: null, task: e.direction === 'receive' ? 'not_delivered' : null };
  if (e.state === 'refused_return' && e.direction === 'receive') return { personId: e.personId, status: 'refused_return', task: null };
  return { personId: e.personId, status: null, task: null };
}

/** Entries that still need a handover mark: closing refuses while there are any. */
export function unmarked(entries: readonly { state: EntryState }[]): number {
  return entries.filter((e) => isUnmarked(e.state)).length;
}

export type CategoryCounts = Record<Category, number>;
const zero = (): CategoryCounts => ({ military: 0, civilian: 0, remains: 0, other: 0 });

export interface Totals {
  /** people on the lists now (active entries), per direction and category: the balance */
  listed: Record<Direction, CategoryCounts>;
  /** handed over, per direction and category */
  handedOver: Record<Direction, CategoryCounts>;
  notDelivered: Record<Direction, number>;
  refusedReturn: Record<Direction, number>;
  unexpected: number;
}

/** `count`: a grouped row standing for that many entries (default 1). */
export function totalsOf(entries: readonly { direction: Direction; category: Category; state: EntryState; unexpected?: boolean; count?: number }[]): Totals {
  const t: Totals = {
    listed: { receive: zero(), give: zero() },
    handedOver: { receive: zero(), give: zero() },
    notDelivered: { receive: 0, give: 0 },
    refusedReturn: { receive: 0, give: 0 },
    unexpected: 0,
  };
  for (const e of entries) {
    const n = e.count ?? 1;
    if (isActiveEntry(e.state)) t.listed[e.direction][e.category] += n;
    if (e.state === 'handed_over') t.handedOver[e.direction][e.category] += n;
    if (e.state === 'not_delivered') t.notDelivered[e.direction] += n;
    if (e.state === 'refused_return') t.refusedReturn[e.direction] += n;
    if (e.unexpected) t.unexpected += n;
  }
  return t;
}

export const sumCounts = (c: CategoryCounts): number => c.military + c.civilian + c.remains + c.other;
