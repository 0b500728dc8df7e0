// Who may be added to a round, and what the balance panel warns about, person by person. Pure: the core gathers facts.
import type { Category, Side, Status } from '../register/enums';
import type { Direction } from './enums';
import { judgedStatus } from './listing';

/** What the rules need to know of a person. */
export interface Candidate {
  id: string;
  side: Side;
  category: Category;
  status: Status;
  dateOfBirth: string | null;
  unit: string | null;
  documentNumbers: string | null;
  /** the status before an open round's list set the current one (listing.ts), if it did */
  listedFrom?: Status | null;
}

/** Statuses that end a person's part in exchanges. */
export const FINAL_STATUSES: readonly Status[] = ['released', 'transferred', 'deceased', 'remains_repatriated'];

export const REFUSALS = ['final_status', 'wrong_side', 'already_on_round', 'on_other_round', 'duplicate_in_request'] as const;
export type Refusal = (typeof REFUSALS)[number];

export const WARNINGS = ['captivity_not_confirmed', 'missing_date_of_birth', 'missing_unit_or_document', 'final_status', 'on_other_round'] as const;
export type Warning = (typeof WARNINGS)[number];

/** The side whose people each direction carries: we receive our own, we give those we hold. */
export const SIDE_OF: Record<Direction, Side> = { receive: 'ours', give: 'held' };

export interface AddContext {
  /** people already on this round (either direction, any active state) */
  onThisRound: ReadonlySet<string>;
  /** person id → number of another open round holding them */
  onOtherRound: ReadonlyMap<string, number>;
}

/**
 * Why a person may not be added (null: they may). The same person twice or in both directions, someone already
 * released, transferred, deceased or repatriated, or held by another open round is refused.
 */
export function refusalFor(p: Candidate, direction: Direction, ctx: AddContext): { reason: Refusal; round?: number } | null {
  if (FINAL_STATUSES.includes(p.status)) return { reason: 'final_status' };
  if (p.side !== SIDE_OF[direction]) return { reason: 'wrong_side' };
  if (ctx.onThisRound.has(p.id)) return { reason: 'already_on_round' };
  const other = ctx.onOtherRound.get(p.id);
  if (other !== undefined) return { reason: 'on_other_round', round: other };
  return null;
}

/** Refusals for a whole request, in order; a person named twice in it is refused the second time. */
export function refusalsFor(people: readonly Candidate[], direction: Direction, ctx: AddContext): { personId: string; reason: Refusal; round?: number }[] {
  const seen = new Set<string>();
  const out: { personId: string; reason: Refusal; round?: number }[] = [];
  for (const p of people) {
    if (seen.has(p.id)) {
      out.push({ personId: p.id, reason: 'duplicate_in_request' });
      continue;
    }
    seen.add(p.id);
    const r = refusalFor(p, direction, ctx);
    if (r) out.push({ personId: p.id, ...r });
  }
  return out;
}

/**
 * Warnings for a person on a list: allowed, but the coordinator should see them. Captivity not confirmed (asking the
 * counterpart is part of the work); missing what the manifest needs (date of birth; unit or a document); and facts that
 * changed since the person was added (now released or deceased, or now on another open round).
 */
export function warningsFor(p: Candidate, onOtherRound: number | undefined): Warning[] {
  const w: Warning[] = [];
  if (FINAL_STATUSES.includes(p.status)) w.push('final_status');
  if (onOtherRound !== undefined) w.push('on_other_round');
  const judged = judgedStatus(p.side, p.status, p.listedFrom);
  if (p.side === 'ours' && (judged === 'missing' || judged === 'captivity_suspected')) w.push('captivity_not_confirmed');
  if (!p.dateOfBirth && p.category !== 'remains') w.push('missing_date_of_birth');
  if (!p.unit?.trim() && !p.documentNumbers?.trim() && p.category !== 'remains') w.push('missing_unit_or_document');
  return w;
}
