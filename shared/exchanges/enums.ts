// Exchange rounds' closed vocabularies and their legal transitions (DOMAIN.md "Exchange round", "Proposal").
import { z } from 'zod';

export const DIRECTIONS = ['receive', 'give'] as const;
export const Direction = z.enum(DIRECTIONS);
export type Direction = z.infer<typeof Direction>;

export const ROUND_STATUSES = ['planning', 'negotiating', 'agreed', 'executed', 'closed', 'cancelled'] as const;
export const RoundStatus = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const ENTRY_STATES = ['proposed', 'agreed', 'rejected_by_counterpart', 'withdrawn', 'handed_over', 'not_delivered', 'refused_return'] as const;
export const EntryState = z.enum(ENTRY_STATES);
export type EntryState = z.infer<typeof EntryState>;

/** The marks a handover can give a person. */
export const HANDOVER_STATES = ['handed_over', 'not_delivered', 'refused_return'] as const;
export const HandoverState = z.enum(HANDOVER_STATES);
export type HandoverState = z.infer<typeof HandoverState>;

export const MEDIATORS = ['turkey', 'qatar', 'uae', 'saudi_arabia', 'icrc'] as const;
export const Mediator = z.enum(MEDIATORS);
export type Mediator = z.infer<typeof Mediator>;

/** A proposal is what we sent, what the counterpart answered, or the list both agreed. */
export const PROPOSAL_KINDS = ['sent', 'received', 'agreed'] as const;
export const ProposalKind = z.enum(PROPOSAL_KINDS);
export type ProposalKind = z.infer<typeof ProposalKind>;

const ROUND_NEXT: Record<RoundStatus, readonly RoundStatus[]> = {
  planning: ['negotiating', 'cancelled'],
  // A handover can start without a formal agreement (the field team marks what arrives): negotiating → executed.
  negotiating: ['agreed', 'executed', 'cancelled'],
  agreed: ['negotiating', 'executed', 'cancelled'],
  executed: ['closed'],
  closed: [],
  cancelled: [],
};

export function canMoveRound(from: RoundStatus, to: RoundStatus): boolean {
  return ROUND_NEXT[from].includes(to);
}

/** Open rounds hold their people: nobody may be on two of them. */
export function isOpenRound(s: RoundStatus): boolean {
  return s !== 'closed' && s !== 'cancelled';
}

const ENTRY_NEXT: Record<EntryState, readonly EntryState[]> = {
  proposed: ['agreed', 'rejected_by_counterpart', 'withdrawn', ...HANDOVER_STATES],
  agreed: ['rejected_by_counterpart', 'withdrawn', ...HANDOVER_STATES],
  rejected_by_counterpart: ['proposed', 'agreed', 'withdrawn'],
  withdrawn: ['proposed'],
  // A mark can be corrected at the handover point, or undone back to where it was.
  handed_over: ['not_delivered', 'refused_return', 'proposed', 'agreed'],
  not_delivered: ['handed_over', 'refused_return', 'proposed', 'agreed'],
  refused_return: ['handed_over', 'not_delivered', 'proposed', 'agreed'],
};

export function canMoveEntry(from: EntryState, to: EntryState): boolean {
  return ENTRY_NEXT[from].includes(to);
}

/** An entry still on the list (its person is held by the round). */
export function isActiveEntry(s: EntryState): boolean {
  return s !== 'withdrawn' && s !== 'rejected_by_counterpart';
}

/** An active entry no handover mark has reached yet: closing refuses while any is left. */
export function isUnmarked(s: EntryState): boolean {
  return s === 'proposed' || s === 'agreed';
}

export function isHandoverState(s: EntryState): s is HandoverState {
  return (HANDOVER_STATES as readonly string[]).includes(s);
}

/** Lists may change before the first proposal and between answers, never while a sent proposal awaits its answer. */
export function listsEditable(status: RoundStatus, awaitingAnswer: boolean): boolean {
  return (status === 'planning' || status === 'negotiating') && !awaitingAnswer;
}

/** Handover marks are recorded once the lists have been sent (negotiating), agreed, or the handover is under way. */
export function handoverOpen(status: RoundStatus): boolean {
  return status === 'negotiating' || status === 'agreed' || status === 'executed';
}
