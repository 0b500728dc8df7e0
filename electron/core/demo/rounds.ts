// Demo exchange rounds: three closed ones with their proposals, marks and tasks, and one in negotiation. Written by
// the exchanges service itself (the same rules and write path), inside the demo's transaction.
import type { Writer } from '../db/write';
import { addEntries, closeRound, createRound, freezeProposal, markEntry, updateRound } from '../exchanges';

const PLAN = [
  { number: 65, date: '2025-03-14', place: 'Вигаданий пункт «Північ»', mediators: ['uae'] as const, close: true },
  { number: 66, date: '2025-07-02', place: 'Вигаданий пункт «Північ»', mediators: ['uae', 'icrc'] as const, close: true },
  { number: 67, date: '2025-10-21', place: 'Вигаданий пункт «Захід»', mediators: ['turkey'] as const, close: true },
  { number: 68, date: '2026-12-15', place: 'Вигаданий пункт «Захід»', mediators: ['qatar', 'icrc'] as const, close: false },
];

export function fillDemoRounds(w: Writer, r: () => number): { rounds: number } {
  const db = w.db;
  const base = db.prepare('SELECT coalesce(max(number), 0) FROM exchange_rounds WHERE deleted = 0').pluck().get() as number;
  const offset = base >= PLAN[0]!.number ? base - PLAN[0]!.number + 1 : 0;
  const ids = (sql: string) => db.prepare(sql).pluck().all() as string[];
  // People free to exchange: ours believed held (and identified remains), and those we hold; none already on a round.
  const free = 'AND deleted = 0 AND id NOT IN (SELECT person_id FROM exchange_entries WHERE deleted = 0) ORDER BY ref';
  const ours = ids(
    `SELECT id FROM persons WHERE side = 'ours' AND status IN ('captivity_confirmed','captivity_suspected','on_exchange_list','remains_identified') ${free}`,
  );
  const held = ids(`SELECT id FROM persons WHERE side = 'held' AND status IN ('held','proposed') ${free}`);
  const per = Math.max(1, Math.min(40, Math.floor(Math.min(ours.length, held.length) / PLAN.length)));
  if (ours.length < PLAN.length || held.length < PLAN.length) return { rounds: 0 };
  let made = 0;
  for (const [i, plan] of PLAN.entries()) {
    const receive = ours.slice(i * per, (i + 1) * per).slice(0, Math.max(1, Math.round(per * (0.6 + r() * 0.4))));
    const give = held.slice(i * per, (i + 1) * per).slice(0, Math.max(1, Math.round(per * (0.6 + r() * 0.4))));
    const round = createRound(w, { number: plan.number + offset, place: plan.place, plannedDate: plan.date, mediators: [...plan.mediators] });
    addEntries(w, round.id, 'receive', receive);
    addEntries(w, round.id, 'give', give);
    freezeProposal(w, round.id);
    made++;
    if (!plan.close) continue;
    updateRound(w, round.id, { actualDate: plan.date });
    const entries = db.prepare('SELECT id, direction FROM exchange_entries WHERE round_id = ? AND deleted = 0 ORDER BY rowid').all(round.id) as {
      id: string;
      direction: string;
    }[];
    for (const e of entries) markEntry(w, e.id, e.direction === 'receive' && r() < 0.08 ? 'not_delivered' : 'handed_over');
    closeRound(w, round.id);
  }
  return { rounds: made };
}
