// What being on an open round's list does to a person's status (DOMAIN.md "Status"), and what taking them off undoes.
import type { Side, Status } from '../register/enums';

/** Our people who are sought or held move to `on_exchange_list`; people we hold move to `proposed`. */
const LISTABLE: Record<Side, readonly Status[]> = {
  ours: ['missing', 'captivity_suspected', 'captivity_confirmed'],
  held: ['held'],
};

export const LIST_STATUS: Record<Side, Status> = { ours: 'on_exchange_list', held: 'proposed' };

/** The status a person takes when an open round's list holds them, or null: unchanged (remains keep theirs). */
export function listedStatus(side: Side, status: Status): Status | null {
  return LISTABLE[side].includes(status) ? LIST_STATUS[side] : null;
}

/**
 * The status to return to when the list lets the person go (withdrawn, rejected, the round cancelled, or closed
 * without a handover): the one they had before the round listed them, if they still carry the list's status.
 * `before` is null when this round never changed the status (nothing to undo).
 */
export function unlistedStatus(side: Side, current: Status, before: Status | null): Status | null {
  return current === LIST_STATUS[side] && before !== null && before !== current ? before : null;
}

/** The status the rules judge a listed person by: the one before the list, when the list set the current one. */
export function judgedStatus(side: Side, current: Status, before: Status | null | undefined): Status {
  return current === LIST_STATUS[side] && before ? before : current;
}
