// Saving intake lists with their suggestions, and reading them back for the review screen.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import type { ParsedEntry } from '../../../shared/matching';
import {
  SOURCE_KIND_OF_LIST,
  type IntakeEntry,
  type IntakeList,
  type ListCounts,
  type ListKind,
  type MatchCandidate,
  type ParsedView,
} from '../../../shared/lists';
import { appendAudit } from '../audit/audit';
import { candidateViews } from '../register/matchable';
import { createSource } from '../register/sources';
import { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { matchEntries } from './match';
import type { IntakeRow } from './read';
import { yieldBetweenBatches } from '../db/yield';

// Small enough that the window stays responsive between batches (each is a fraction of a second), large enough to share SQL work.
export const IMPORT_BATCH = 250;

export interface NewList {
  kind: ListKind;
  title: string;
  receivedDate?: string | null | undefined;
  place?: string | null | undefined;
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  credibility: number;
  fileName?: string | null | undefined;
  fileSha256?: string | null | undefined;
}

const pad = (n: number | undefined) => String(n).padStart(2, '0');

/** The parsed entry as stored and shown: a partial ISO date, not the parser's object. */
export function parsedView(e: ParsedEntry): ParsedView {
  const d = e.dateOfBirth;
  const date = d?.year ? [String(d.year), d.month ? pad(d.month) : null, d.month && d.day ? pad(d.day) : null].filter(Boolean).join('-') : null;
  return {
    surname: e.surname,
    givenName: e.givenName,
    givenInitial: e.givenInitial,
    patronymic: e.patronymic,
    patronymicInitial: e.patronymicInitial,
    dateOfBirth: date,
    unit: e.unit,
    rank: e.rank ?? null,
    document: e.document ?? null,
    problems: e.problems,
  };
}

/**
 * Saves the list, its source and every entry with its suggestion. The register's people are untouched: the only
 * replicated record written is the list's source, the evidence any later decision cites.
 */
export async function importList(
  db: Db,
  operatorId: string,
  meta: NewList,
  rows: IntakeRow[],
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ listId: string; counts: ListCounts; problems: number }> {
  if (rows.length === 0) throw new ObminError('FILE_MALFORMED', { detail: '0' });
  const w = new Writer(db, operatorId);
  const listId = crypto.randomUUID();
  const now = new Date().toISOString();
  const insertEntry = db.prepare(
    'INSERT INTO intake_entries (id, list_id, row_no, raw, columns_json, parsed_json, suggestion, candidates_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let problems = 0;
  db.exec('BEGIN IMMEDIATE');
  try {
    const source = createSource(
      w,
      {
        kind: SOURCE_KIND_OF_LIST[meta.kind],
        title: meta.title,
        reliability: meta.reliability,
        credibility: meta.credibility,
        receivedDate: meta.receivedDate ?? null,
        summary: meta.fileSha256 ? `${meta.fileName ?? ''} sha256 ${meta.fileSha256}`.trim() : null,
      },
      false,
    );
    db.prepare(
      'INSERT INTO intake_lists (id, kind, title, received_date, place, source_id, file_name, file_sha256, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      listId,
      meta.kind,
      meta.title,
      meta.receivedDate ?? null,
      meta.place ?? null,
      source.id,
      meta.fileName ?? null,
      meta.fileSha256 ?? null,
      operatorId,
      now,
    );
    for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
      const slice = rows.slice(i, i + IMPORT_BATCH);
      const matches = matchEntries(
        db,
        slice.map((r) => r.parsed),
      );
      slice.forEach((r, j) => {
        const m = matches[j]!;
        if (r.parsed.problems.length) problems++;
        insertEntry.run(
          crypto.randomUUID(),
          listId,
          r.row,
          r.raw,
          JSON.stringify(r.columns),
          JSON.stringify(parsedView(r.parsed)),
          m.suggestion,
          JSON.stringify(m.candidates),
        );
      });
      onProgress(Math.min(i + IMPORT_BATCH, rows.length), rows.length);
      // Yield between batches so the window's other calls and progress events get through on a 50 000-row list.
      await yieldBetweenBatches(db);
    }
    const counts = listCounts(db, listId);
    appendAudit(db, operatorId, 'lists.import', `intake_lists:${listId}`, {
      kind: meta.kind,
      sourceId: source.id,
      sha256: meta.fileSha256 ?? null,
      entries: counts.total,
      link: counts.link,
      review: counts.review,
      new: counts.new,
    });
    db.exec('COMMIT');
    return { listId, counts, problems };
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
}

export function listCounts(db: Db, listId: string): ListCounts {
  const r = db
    .prepare(
      `SELECT count(*) AS total,
      sum(suggestion = 'link') AS link, sum(suggestion = 'review') AS review, sum(suggestion = 'new') AS new_,
      sum(decision = 'pending') AS pending, sum(decision = 'linked') AS linked, sum(decision = 'created') AS created, sum(decision = 'skipped') AS skipped,
      sum(decision = 'pending' AND suggestion = 'link') AS pending_link
    FROM intake_entries WHERE list_id = ?`,
    )
    .get(listId) as Record<string, number | null>;
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    total: n('total'),
    link: n('link'),
    review: n('review'),
    new: n('new_'),
    pending: n('pending'),
    linked: n('linked'),
    created: n('created'),
    skipped: n('skipped'),
    pendingLink: n('pending_link'),
  };
}

interface ListRow {
  id: string;
  kind: ListKind;
  title: string;
  received_date: string | null;
  place: string | null;
  source_id: string;
  created_by: string | null;
  created_at: string;
  status: 'open' | 'closed';
  reliability: IntakeList['reliability'];
  credibility: number;
}

const LIST_SELECT = 'SELECT l.*, s.reliability, s.credibility FROM intake_lists l JOIN sources s ON s.id = l.source_id';

function toList(db: Db, r: ListRow): IntakeList {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    receivedDate: r.received_date,
    place: r.place,
    sourceId: r.source_id,
    reliability: r.reliability,
    credibility: r.credibility,
    createdBy: r.created_by,
    createdAt: r.created_at,
    status: r.status,
    counts: listCounts(db, r.id),
  };
}

export function getList(db: Db, id: string): IntakeList {
  const r = db.prepare(`${LIST_SELECT} WHERE l.id = ?`).get(id) as ListRow | undefined;
  if (!r) throw new ObminError('NOT_FOUND', { what: id });
  return toList(db, r);
}

export function listLists(db: Db, limit: number, offset: number): IntakeList[] {
  return (db.prepare(`${LIST_SELECT} ORDER BY l.created_at DESC, l.id LIMIT ? OFFSET ?`).all(limit, offset) as ListRow[]).map((r) => toList(db, r));
}

export function setListStatus(db: Db, operatorId: string, id: string, status: 'open' | 'closed'): IntakeList {
  getList(db, id);
  db.transaction(() => {
    db.prepare('UPDATE intake_lists SET status = ? WHERE id = ?').run(status, id);
    appendAudit(db, operatorId, status === 'closed' ? 'lists.close' : 'lists.reopen', `intake_lists:${id}`);
  })();
  return getList(db, id);
}

export interface EntryRow {
  id: string;
  list_id: string;
  row_no: number;
  raw: string;
  parsed_json: string;
  suggestion: IntakeEntry['suggestion'];
  candidates_json: string;
  decision: IntakeEntry['decision'];
  decided_person_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  sighting_id: string | null;
  columns_json: string;
}

export function toEntry(db: Db, r: EntryRow): IntakeEntry {
  return {
    id: r.id,
    listId: r.list_id,
    row: r.row_no,
    raw: r.raw,
    parsed: JSON.parse(r.parsed_json) as ParsedView,
    suggestion: r.suggestion,
    candidates: candidateViews(db, JSON.parse(r.candidates_json) as MatchCandidate[]),
    decision: r.decision,
    decidedPersonId: r.decided_person_id,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

export function getEntryRow(db: Db, id: string): EntryRow {
  const r = db.prepare('SELECT * FROM intake_entries WHERE id = ?').get(id) as EntryRow | undefined;
  if (!r) throw new ObminError('NOT_FOUND', { what: id });
  return r;
}

export function listEntries(db: Db, listId: string, offset: number, limit: number): IntakeEntry[] {
  getList(db, listId);
  return (db.prepare('SELECT * FROM intake_entries WHERE list_id = ? ORDER BY row_no LIMIT ? OFFSET ?').all(listId, limit, offset) as EntryRow[]).map((r) =>
    toEntry(db, r),
  );
}
