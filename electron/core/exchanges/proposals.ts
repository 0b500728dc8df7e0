// Proposals: freezing what we send, recording the counterpart's answer from an intake list, and the agreed version.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import {
  SIDE_OF,
  FINAL_STATUSES,
  agreedLines,
  diffProposals,
  isActiveEntry,
  type DiffItem,
  type DiffItemView,
  type Mediator,
  type Proposal,
  type ProposalKind,
  type ProposalLine,
  type ProposalMeta,
} from '../../../shared/exchanges';
import type { Side, Status } from '../../../shared/register';
import { appendAudit } from '../audit/audit';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { assertEditable, otherOpenRounds, personName, setEntryState, type EntryRow } from './entries';
import { syncListed } from './listing';
import { assertOpen, moveRound, refuse, roundRow } from './rounds';

interface ProposalRow {
  id: string;
  round_id: string;
  version: number;
  kind: ProposalKind;
  mediator: Mediator | null;
  list_ids: string;
  lines_json: string;
  diff_json: string;
  frozen_at: string;
}

const linesOf = (p: ProposalRow): ProposalLine[] => JSON.parse(p.lines_json) as ProposalLine[];
const diffOf = (p: ProposalRow): DiffItem[] => JSON.parse(p.diff_json) as DiffItem[];

function proposals(db: Db, roundId: string): ProposalRow[] {
  return db.prepare('SELECT * FROM exchange_proposals WHERE round_id = ? AND deleted = 0 ORDER BY version').all(roundId) as ProposalRow[];
}

function activeLines(db: Db, roundId: string): ProposalLine[] {
  const rows = db
    .prepare(
      "SELECT person_id, direction FROM exchange_entries WHERE round_id = ? AND deleted = 0 AND state NOT IN ('withdrawn','rejected_by_counterpart') ORDER BY rowid",
    )
    .all(roundId) as { person_id: string; direction: ProposalLine['direction'] }[];
  return rows.map((r) => ({ personId: r.person_id, direction: r.direction }));
}

function insertProposal(
  w: Writer,
  roundId: string,
  kind: ProposalKind,
  lines: ProposalLine[],
  diff: DiffItem[],
  mediator: Mediator | null,
  listIds: string[],
): number {
  const version =
    ((w.db.prepare('SELECT max(version) FROM exchange_proposals WHERE round_id = ? AND deleted = 0').pluck().get(roundId) as number | null) ?? 0) + 1;
  const now = new Date().toISOString();
  w.insert(
    'exchange_proposals',
    crypto.randomUUID(),
    {
      round_id: roundId,
      version,
      kind,
      mediator,
      list_ids: JSON.stringify(listIds),
      lines_json: JSON.stringify(lines),
      diff_json: JSON.stringify(diff),
      frozen_at: now,
    },
    null,
  );
  return version;
}

/** Freezes both lists as the next version we send (through the mediator); the lists wait for the answer. */
export function freezeProposal(w: Writer, roundId: string, mediator?: Mediator | null): { version: number } {
  const r = roundRow(w.db, roundId);
  assertEditable(w.db, r);
  const lines = activeLines(w.db, roundId);
  if (lines.length === 0) throw refuse('CONFLICT', 'nothingToFreeze', { number: r.number });
  const prev = proposals(w.db, roundId).at(-1);
  const via = mediator ?? (JSON.parse(r.mediators) as Mediator[])[0] ?? null;
  const version = insertProposal(w, roundId, 'sent', lines, prev ? diffProposals(linesOf(prev), lines) : [], via, []);
  if (r.status === 'planning') moveRound(w, r, 'negotiating');
  appendAudit(w.db, w.operatorId, 'exchanges.freeze', `exchange_rounds:${roundId}`, { number: r.number, version, lines: lines.length, mediator: via });
  return { version };
}

/** The people an intake list's decisions point at; a list with entries still to review is refused. */
function linesFromList(db: Db, listId: string, direction: ProposalLine['direction']): ProposalLine[] {
  const list = db.prepare('SELECT id FROM intake_lists WHERE id = ?').get(listId);
  if (!list) throw new ObminError('NOT_FOUND', { what: listId });
  const pending = db.prepare("SELECT count(*) FROM intake_entries WHERE list_id = ? AND decision = 'pending'").pluck().get(listId) as number;
  if (pending > 0) throw refuse('CONFLICT', 'listPending', { count: pending });
  const ids = db
    .prepare(
      "SELECT DISTINCT decided_person_id FROM intake_entries WHERE list_id = ? AND decision IN ('linked','created') AND decided_person_id IS NOT NULL ORDER BY row_no",
    )
    .pluck()
    .all(listId) as string[];
  return ids.map((personId) => ({ personId, direction }));
}

/**
 * Records the counterpart's answer as the next version: each direction from its reviewed intake list (or unchanged
 * when no list is given), with its differences from what we sent.
 */
export function recordAnswer(
  w: Writer,
  roundId: string,
  lists: { receiveListId?: string | null | undefined; giveListId?: string | null | undefined },
): { version: number; diff: number } {
  const r = roundRow(w.db, roundId);
  assertOpen(r);
  const sent = proposals(w.db, roundId).at(-1);
  if (!sent || sent.kind !== 'sent') throw refuse('CONFLICT', 'notAwaiting', { number: r.number });
  if (!lists.receiveListId && !lists.giveListId) throw new ObminError('USAGE', { detail: 'receiveListId | giveListId' });
  const before = linesOf(sent);
  const side = (d: ProposalLine['direction']) => {
    const id = d === 'receive' ? lists.receiveListId : lists.giveListId;
    return id ? linesFromList(w.db, id, d) : before.filter((l) => l.direction === d);
  };
  const seen = new Set<string>();
  const after = [...side('receive'), ...side('give')].filter((l) => !seen.has(l.personId) && seen.add(l.personId));
  const diff = diffProposals(before, after);
  const version = insertProposal(
    w,
    roundId,
    'received',
    after,
    diff,
    sent.mediator,
    [lists.receiveListId, lists.giveListId].filter((x): x is string => !!x),
  );
  appendAudit(w.db, w.operatorId, 'exchanges.answer', `exchange_rounds:${roundId}`, { number: r.number, version, differences: diff.length });
  return { version, diff: diff.length };
}

/**
 * The coordinator's decision on each difference makes the agreed version: entries in it become agreed, the rest of the
 * list rejected by the counterpart; people the counterpart added (and we accepted) join the list, if the rules allow.
 */
export function agreeAnswer(w: Writer, roundId: string, decisions: { personId: string; accept: boolean }[]): { version: number } {
  const db = w.db;
  const r = roundRow(db, roundId);
  assertOpen(r);
  const all = proposals(db, roundId);
  const answer = all.at(-1);
  const sent = all.at(-2);
  if (!answer || answer.kind !== 'received' || !sent) throw refuse('CONFLICT', 'noAnswer', { number: r.number });
  const result = agreedLines(linesOf(sent), diffOf(answer), new Map(decisions.map((d) => [d.personId, d.accept])));
  if ('undecided' in result) throw refuse('CONFLICT', 'undecided', { count: result.undecided.length });
  const lines = result.lines;
  const entries = new Map(
    (db.prepare('SELECT * FROM exchange_entries WHERE round_id = ? AND deleted = 0').all(roundId) as EntryRow[]).map((e) => [e.person_id, e]),
  );
  const newcomers = lines.filter((l) => !entries.get(l.personId) || !isActiveEntry(entries.get(l.personId)!.state)).map((l) => l.personId);
  checkNewcomers(
    db,
    roundId,
    lines.filter((l) => newcomers.includes(l.personId)),
  );
  const inAgreed = new Map(lines.map((l) => [l.personId, l.direction]));
  for (const e of entries.values()) {
    const dir = inAgreed.get(e.person_id);
    if (dir === undefined) {
      if (isActiveEntry(e.state)) setEntryState(w, e, 'rejected_by_counterpart', 'plan');
      continue;
    }
    if (dir !== e.direction) w.update('exchange_entries', e.id, { direction: dir }, null);
    if (e.state === 'withdrawn') setEntryState(w, e, 'proposed', 'plan');
    if (e.state === 'proposed' || e.state === 'rejected_by_counterpart') setEntryState(w, e, 'agreed', 'plan');
  }
  const now = new Date().toISOString();
  const joined: string[] = [];
  for (const l of lines) {
    if (entries.has(l.personId)) continue;
    const entryId = crypto.randomUUID();
    w.insert(
      'exchange_entries',
      entryId,
      { round_id: roundId, person_id: l.personId, direction: l.direction, state: 'agreed', unexpected: 0, created_at: now },
      null,
    );
    w.insert(
      'exchange_entry_states',
      crypto.randomUUID(),
      { entry_id: entryId, round_id: roundId, from_state: null, to_state: 'agreed', kind: 'plan', at: now, operator_id: w.operatorId },
      null,
    );
    joined.push(l.personId);
  }
  syncListed(w, roundId, joined, true);
  const version = insertProposal(w, roundId, 'agreed', lines, diffProposals(linesOf(answer), lines), answer.mediator, []);
  moveRound(w, r, 'agreed');
  appendAudit(db, w.operatorId, 'exchanges.agree', `exchange_rounds:${roundId}`, { number: r.number, version, lines: lines.length });
  return { version };
}

function checkNewcomers(db: Db, roundId: string, lines: ProposalLine[]): void {
  if (lines.length === 0) return;
  const other = otherOpenRounds(
    db,
    roundId,
    lines.map((l) => l.personId),
  );
  const q = db.prepare('SELECT ref, surname, side, status FROM persons WHERE id = ? AND deleted = 0');
  for (const l of lines) {
    const p = q.get(l.personId) as { ref: string | null; surname: string; side: Side; status: Status } | undefined;
    if (!p) throw new ObminError('NOT_FOUND', { what: l.personId });
    const reason = FINAL_STATUSES.includes(p.status)
      ? 'final_status'
      : p.side !== SIDE_OF[l.direction]
        ? 'wrong_side'
        : other.has(l.personId)
          ? 'on_other_round'
          : null;
    if (reason)
      throw refuse('CONFLICT', 'notAdded', { count: 1, who: p.ref ?? p.surname, reasons: [`exchanges.refusal.${reason}`], round: other.get(l.personId) ?? '' });
  }
}

function namesOf(db: Db, ids: string[]): Map<string, { ref: string | null; name: string }> {
  const rows = db
    .prepare('SELECT id, ref, surname, given_name, patronymic FROM persons WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: string; ref: string | null; surname: string; given_name: string | null; patronymic: string | null }[];
  return new Map(rows.map((p) => [p.id, { ref: p.ref, name: personName(p) }]));
}

function diffViews(db: Db, diff: DiffItem[]): DiffItemView[] {
  const names = namesOf(
    db,
    diff.map((d) => d.personId),
  );
  return diff.map((d) => ({ ...d, ref: names.get(d.personId)?.ref ?? null, name: names.get(d.personId)?.name ?? d.personId }));
}

function meta(p: ProposalRow): ProposalMeta {
  const lines = linesOf(p);
  const diff = diffOf(p);
  return {
    id: p.id,
    version: p.version,
    kind: p.kind,
    mediator: p.mediator,
    frozenAt: p.frozen_at,
    listId: (JSON.parse(p.list_ids) as string[])[0] ?? null,
    counts: { receive: lines.filter((l) => l.direction === 'receive').length, give: lines.filter((l) => l.direction === 'give').length },
    diffCounts: {
      added: diff.filter((d) => d.change === 'added').length,
      removed: diff.filter((d) => d.change === 'removed').length,
      changed: diff.filter((d) => d.change === 'changed').length,
    },
  };
}

export function proposalMetas(db: Db, roundId: string): ProposalMeta[] {
  return proposals(db, roundId).map(meta);
}

/** The answer's differences while they wait for the coordinator's decisions. */
export function pendingDiff(db: Db, roundId: string): DiffItemView[] | null {
  const last = proposals(db, roundId).at(-1);
  return last?.kind === 'received' ? diffViews(db, diffOf(last)) : null;
}

export function getProposal(db: Db, id: string): Proposal {
  const p = db.prepare('SELECT * FROM exchange_proposals WHERE id = ? AND deleted = 0').get(id) as ProposalRow | undefined;
  if (!p) throw new ObminError('NOT_FOUND', { what: id });
  const lines = linesOf(p);
  const names = namesOf(
    db,
    lines.map((l) => l.personId),
  );
  return {
    ...meta(p),
    lines: lines.map((l) => ({ ...l, ref: names.get(l.personId)?.ref ?? null, name: names.get(l.personId)?.name ?? l.personId })),
    diff: diffViews(db, diffOf(p)),
  };
}

/** The raw lines of two proposals, for the diff benchmark and tests. */
export function proposalLines(db: Db, roundId: string, version: number): ProposalLine[] {
  const p = proposals(db, roundId).find((x) => x.version === version);
  if (!p) throw new ObminError('NOT_FOUND', { what: `v${version}` });
  return linesOf(p);
}
