// Closing a round: every person's status with the round as the source, the totals and sentence, the liaison's tasks.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import { closingEffect, summarySentence, totalsOf, unmarked, type Direction, type EntryState, type LiaisonTask } from '../../../shared/exchanges';
import type { Category, Status } from '../../../shared/register';
import { appendAudit } from '../audit/audit';
import { changeStatus } from '../register/persons';
import { logContact } from '../register/relatives';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { personName } from './entries';
import { syncListed } from './listing';
import { getRound, moveRound, refuse, roundRow } from './rounds';
import type { Round } from '../../../shared/exchanges';
import { openRow } from '../vault/family';

type CloseRow = { person_id: string; direction: Direction; state: EntryState; unexpected: number; category: Category; status: Status };

export function closeRound(w: Writer, roundId: string): { round: Round; changed: number; tasks: number } {
  const db = w.db;
  const r = roundRow(db, roundId);
  const rows = db
    .prepare(
      `SELECT e.person_id, e.direction, e.state, e.unexpected, p.category, p.status FROM exchange_entries e JOIN persons p ON p.id = e.person_id
    WHERE e.round_id = ? AND e.deleted = 0 AND p.deleted = 0`,
    )
    .all(roundId) as CloseRow[];
  const left = unmarked(rows);
  if (left > 0) throw refuse('CONFLICT', 'unmarked', { number: r.number, count: left });
  if (r.status !== 'executed')
    throw refuse('CONFLICT', 'badRoundMove', { number: r.number, from: [`exchanges.status.${r.status}`], to: ['exchanges.status.closed'] });
  let changed = 0;
  let tasks = 0;
  const now = new Date().toISOString();
  const letGo: string[] = [];
  for (const e of rows) {
    const effect = closingEffect({ personId: e.person_id, direction: e.direction, category: e.category, state: e.state, status: e.status });
    if (effect.status && effect.status !== e.status) {
      changeStatus(w, { personId: e.person_id, status: effect.status, sourceId: r.source_id, note: `exchange ${r.number}` });
      changed++;
    } else if (!effect.status) letGo.push(e.person_id);
    if (effect.task) {
      w.insert(
        'exchange_tasks',
        crypto.randomUUID(),
        { round_id: roundId, person_id: e.person_id, reason: effect.task, done_at: null, contact_id: null, created_at: now },
        null,
      );
      tasks++;
    }
  }
  // Not delivered (or a held person who stayed): the list no longer holds them, so the status it set is undone.
  changed += syncListed(w, roundId, letGo, false);
  const totals = totalsOf(rows.map((e) => ({ ...e, unexpected: e.unexpected === 1 })));
  moveRound(w, r, 'closed', {
    closed_at: now,
    totals_json: JSON.stringify(totals),
    summary_uk: summarySentence('uk', r.number, totals),
    summary_en: summarySentence('en', r.number, totals),
    ...(r.actual_date ? {} : { actual_date: now.slice(0, 10) }),
  });
  appendAudit(db, w.operatorId, 'exchanges.close', `exchange_rounds:${roundId}`, { number: r.number, changed, tasks });
  return { round: getRound(db, roundId), changed, tasks };
}

type TaskRow = {
  id: string;
  round_id: string;
  number: number;
  person_id: string;
  ref: string | null;
  surname: string;
  given_name: string | null;
  patronymic: string | null;
  reason: LiaisonTask['reason'];
  done_at: string | null;
};

/** The liaison's list: families to call after closed rounds (open ones first); relatives only for roles that read them. */
export function listTasks(db: Db, o: { open: boolean; withFamily: boolean; limit: number }): LiaisonTask[] {
  const rows = db
    .prepare(
      `SELECT t.id, t.round_id, r.number, t.person_id, p.ref, p.surname, p.given_name, p.patronymic, t.reason, t.done_at
    FROM exchange_tasks t JOIN exchange_rounds r ON r.id = t.round_id JOIN persons p ON p.id = t.person_id
    WHERE t.deleted = 0 ${o.open ? 'AND t.done_at IS NULL' : ''} ORDER BY t.done_at IS NOT NULL, r.number DESC, p.surname COLLATE NOCASE LIMIT ?`,
    )
    .all(o.limit) as TaskRow[];
  const rel = db.prepare('SELECT id, name, relation, phone FROM relatives WHERE person_id = ? AND deleted = 0 ORDER BY created_at');
  return rows.map((t) => ({
    id: t.id,
    roundId: t.round_id,
    roundNumber: t.number,
    personId: t.person_id,
    ref: t.ref,
    name: personName(t),
    reason: t.reason,
    done: t.done_at !== null,
    doneAt: t.done_at,
    relatives: o.withFamily
      ? (rel.all(t.person_id) as { id: string; name: string; relation: string; phone: string | null }[]).map((x) => openRow(db, 'relatives', x))
      : [],
  }));
}

export function openTaskCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM exchange_tasks WHERE deleted = 0 AND done_at IS NULL').pluck().get() as number;
}

/** A call made: logged in the relative's contact log (a notification), and the task done. */
export function completeTask(w: Writer, a: { taskId: string; relativeId: string; channel: string; summary: string }): LiaisonTask {
  const t = w.db.prepare('SELECT * FROM exchange_tasks WHERE id = ? AND deleted = 0').get(a.taskId) as
    { id: string; person_id: string; done_at: string | null } | undefined;
  if (!t) throw new ObminError('NOT_FOUND', { what: a.taskId });
  if (t.done_at) throw refuse('CONFLICT', 'taskDone', {});
  const owner = w.db.prepare('SELECT person_id FROM relatives WHERE id = ? AND deleted = 0').pluck().get(a.relativeId) as string | undefined;
  if (owner !== t.person_id) throw refuse('VALIDATION', 'notTheirRelative', {});
  const at = new Date().toISOString();
  const contact = logContact(w, { relativeId: a.relativeId, at, channel: a.channel, kind: 'notification', summary: a.summary }, false);
  w.update('exchange_tasks', t.id, { done_at: at, contact_id: contact.id }, { action: 'exchanges.taskDone', details: { personId: t.person_id } });
  return listTasks(w.db, { open: false, withFamily: true, limit: 100_000 }).find((x) => x.id === t.id)!;
}
