// An operator's decision on one entry: link to a person (a sighting citing the list's source), create a new person
// from what the entry says and link, or skip. Register writes go through the Writer; every decision is audited.
import { ObminError } from '../../../shared/errors';
import { decisionAction } from '../../../shared/audit';
import type { IntakeEntry, MatchCandidate, ParsedView } from '../../../shared/lists';
import type { Category, PersonInput, Side } from '../../../shared/register';
import { appendAudit } from '../audit/audit';
import { createPerson, livePerson } from '../register/persons';
import { addSighting } from '../register/sightings';
import { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { getEntryRow, getList, toEntry, type EntryRow } from './lists';

export type Decision = { action: 'link'; personId: string } | { action: 'create'; person?: Partial<PersonInput> | undefined } | { action: 'skip' };

interface ListMeta {
  id: string;
  kind: string;
  title: string;
  place: string | null;
  received_date: string | null;
  source_id: string;
  status: string;
}

function listMeta(db: Db, id: string): ListMeta {
  const l = db.prepare('SELECT id, kind, title, place, received_date, source_id, status FROM intake_lists WHERE id = ?').get(id) as ListMeta | undefined;
  if (!l) throw new ObminError('NOT_FOUND', { what: id });
  return l;
}

/** What the entry says, as a new person. A debriefing, a unit number or a rank means a service member. */
export function personFromEntry(parsed: ParsedView, kind: string, over: Partial<PersonInput> = {}): PersonInput {
  if (!parsed.surname) throw new ObminError('VALIDATION', { detail: 'surname' });
  const side: Side = over.side ?? 'ours';
  const category: Category = over.category ?? (parsed.unit || parsed.rank || kind === 'debriefing' ? 'military' : 'other');
  return {
    surname: parsed.surname,
    givenName: parsed.givenName,
    patronymic: parsed.patronymic,
    dateOfBirth: parsed.dateOfBirth,
    unit: parsed.unit,
    ...(parsed.rank ? { rank: parsed.rank } : {}),
    ...over,
    side,
    category,
  };
}

function link(w: Writer, list: ListMeta, e: EntryRow, personId: string): string {
  livePerson(w.db, personId);
  const s = addSighting(
    w,
    {
      personId,
      sourceId: list.source_id,
      place: list.place ?? list.title,
      date: list.received_date,
      note: `${list.title} · ${e.row_no}: ${e.raw}`.slice(0, 4000),
    },
    false,
  );
  return s.id;
}

/** Applies one decision inside the caller's transaction; a decided entry can be decided again only after skip. */
export function applyDecision(w: Writer, entryId: string, d: Decision, how: 'manual' | 'acceptSuggested' = 'manual'): void {
  const db = w.db;
  const e = getEntryRow(db, entryId);
  const list = listMeta(db, e.list_id);
  if (list.status === 'closed') throw new ObminError('CONFLICT', { detail: 'list closed' });
  if (e.decision === 'linked' || e.decision === 'created') throw new ObminError('CONFLICT', { detail: 'already decided' });
  const at = new Date().toISOString();
  let personId: string | null = null;
  let sightingId: string | null = null;
  let decision: 'linked' | 'created' | 'skipped' = 'skipped';
  if (d.action === 'link') {
    personId = d.personId;
    sightingId = link(w, list, e, personId);
    decision = 'linked';
  } else if (d.action === 'create') {
    const parsed = JSON.parse(e.parsed_json) as ParsedView;
    const p = createPerson(w, personFromEntry(parsed, list.kind, d.person), { audit: false });
    personId = p.id;
    sightingId = link(w, list, e, personId);
    decision = 'created';
  }
  db.prepare('UPDATE intake_entries SET decision = ?, decided_person_id = ?, decided_by = ?, decided_at = ?, sighting_id = ? WHERE id = ?').run(
    decision,
    personId,
    w.operatorId,
    at,
    sightingId,
    entryId,
  );
  const cands = JSON.parse(e.candidates_json) as MatchCandidate[];
  appendAudit(db, w.operatorId, decisionAction(decision), `intake_entries:${entryId}`, {
    listId: list.id,
    row: e.row_no,
    personId,
    sightingId,
    sourceId: list.source_id,
    how,
    suggestion: e.suggestion,
    rank: personId ? cands.findIndex((c) => c.personId === personId) + 1 : null,
  });
}

export function decideEntry(db: Db, operatorId: string, entryId: string, d: Decision): IntakeEntry {
  const w = new Writer(db, operatorId);
  db.transaction(() => applyDecision(w, entryId, d))();
  return toEntry(db, getEntryRow(db, entryId));
}

/** Links every pending entry whose suggestion is a clear link to its best candidate, in one transaction. */
export function acceptAllSuggested(db: Db, operatorId: string, listId: string): { linked: number } {
  getList(db, listId);
  const w = new Writer(db, operatorId);
  const rows = db
    .prepare("SELECT id, candidates_json FROM intake_entries WHERE list_id = ? AND decision = 'pending' AND suggestion = 'link' ORDER BY row_no")
    .all(listId) as { id: string; candidates_json: string }[];
  let linked = 0;
  db.transaction(() => {
    for (const r of rows) {
      const best = (JSON.parse(r.candidates_json) as MatchCandidate[])[0];
      // A person merged or deleted since the match is no longer a clear link: leave the entry for a human.
      if (!best || !db.prepare('SELECT 1 FROM persons WHERE id = ? AND deleted = 0').get(best.personId)) continue;
      applyDecision(w, r.id, { action: 'link', personId: best.personId }, 'acceptSuggested');
      linked++;
    }
    appendAudit(db, operatorId, 'lists.acceptSuggested', `intake_lists:${listId}`, { linked });
  })();
  return { linked };
}
