// Import of people: a preview (every row checked, nothing written) and an all-or-nothing apply in one transaction,
// in batches that yield to the event loop so the window never freezes.
import crypto from 'node:crypto';
import path from 'node:path';
import { ObminError } from '../../../shared/errors';
import {
  defaultStatus,
  isValueColumn,
  normaliseDateInput,
  readValue,
  statusFitsSide,
  type ImportColumn,
  type Side,
  type ImportPreview,
  type ImportResult,
  type PersonInput,
  type RowError,
  type Status,
} from '../../../shared/register';
import { appendAudit } from '../audit/audit';
import { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { readTable, readTableBuffer } from '../files';
import { checkRow, mapHeaders, validateRow, type ExistingPerson } from './importRows';
import { toValues } from './mapping';
import { createSource } from './sources';
import { yieldBetweenBatches } from '../db/yield';
import { sessionOf, slot } from '../db/session';

export const IMPORT_BATCH = 2000;
/** Page cache while an import's transaction runs (negative: KiB), 512 MiB; the usual one is restored after. */
const IMPORT_CACHE_KIB = -524288;
const MAX_ERRORS_SHOWN = 1000;
const SAMPLE_ROWS = 50;

interface PendingRow {
  line: number;
  /** the person this row updates (same ref), or null for a new person */
  existingId: string | null;
  input: Record<string, unknown>;
  valid: boolean;
}

interface Pending {
  file: string;
  sha256: string;
  rows: PendingRow[];
  invalid: number;
}

// Previews live in the session (db/session.ts): locking drops them, so a token from before a lock is refused.
const PREVIEWS = slot<Map<string, Pending>>('register.importPreviews');
const previews = (db: Db) => sessionOf(db).slot(PREVIEWS, () => new Map<string, Pending>());

type Known = ExistingPerson & { id: string };

function refsInDb(db: Db, refs: string[]): Map<string, Known> {
  const out = new Map<string, Known>();
  const stmt = db.prepare('SELECT ref, id, side, status FROM persons WHERE ref IN (SELECT value FROM json_each(?))');
  for (let i = 0; i < refs.length; i += 10_000) {
    for (const r of stmt.all(JSON.stringify(refs.slice(i, i + 10_000))) as (Known & { ref: string })[]) out.set(r.ref, r);
  }
  return out;
}

type PreviewSource = { path: string } | { fileName: string; bytes: Buffer };

export async function previewImport(
  db: Db,
  a: PreviewSource & { mapping?: Record<string, ImportColumn | null> | undefined; encoding?: string | undefined },
): Promise<ImportPreview> {
  const table = 'bytes' in a ? await readTableBuffer(a.fileName, a.bytes, a.encoding) : await readTable(a.path, a.encoding);
  const fileLabel = 'bytes' in a ? path.basename(a.fileName) : a.path;
  const { mapping, unmapped } = mapHeaders(table.headers, a.mapping);
  // A file of new people needs a surname column; an update file (an ICRC reply: ref, icrc_status, icrc_ref) needs only
  // the ref and the columns it changes — its rows that name no known person are refused one by one.
  const cols = Object.values(mapping);
  if (!cols.includes('surname') && !cols.includes('ref'))
    throw new ObminError('FILE_MALFORMED', { headers: table.headers.slice(0, 8).join(', ') }, 'importProblems.noSurnameOrRef');
  const outcomes = table.rows.map((r, i) => checkRow(i + 1, r.cells, r.broken, r.formulaCols, table.headers, mapping));
  const existing = refsInDb(db, [...new Set(outcomes.map((o) => o.ref).filter((r): r is string => r !== null))]);
  const firstLine = new Map<string, number>();
  const errors: RowError[] = [];
  const rows: PendingRow[] = [];
  let updates = 0;
  let creates = 0;
  for (const o of outcomes) {
    if (o.ref !== null) {
      const first = firstLine.get(o.ref);
      if (first !== undefined) o.errors.push({ row: o.line, column: 'ref', code: 'duplicate_ref', value: o.ref });
      else firstLine.set(o.ref, o.line);
    }
    const known = o.ref !== null ? (existing.get(o.ref) ?? null) : null;
    const existingId = known?.id ?? null;
    // In an update file a row whose ref names nobody is one clear error, not "surname, side, category missing".
    if (existingId === null && !cols.includes('surname') && o.errors.length === 0)
      o.errors.push({ row: o.line, column: 'ref', code: 'unknown_ref', value: o.ref });
    const input = validateRow(o, known);
    const valid = input !== null;
    if (valid && existingId) updates++;
    else if (valid) creates++;
    errors.push(...o.errors);
    rows.push({ line: o.line, existingId, input: input ?? o.fields, valid });
  }
  const invalid = rows.filter((r) => !r.valid).length;
  const token = crypto.randomUUID();
  const pending = previews(db);
  pending.set(token, { file: fileLabel, sha256: table.sha256, rows, invalid });
  const mapped = Object.entries(mapping).filter(([, c]) => c !== null);
  // As they will be written: the window's words read as codes, dates as ISO.
  const shown = (c: ImportColumn, raw: string | undefined): string | null => {
    const v = raw?.trim();
    if (!v) return null;
    if (isValueColumn(c)) return readValue(c, v) ?? v;
    return c.endsWith('_date') || c === 'date_of_birth' ? normaliseDateInput(v) : v;
  };
  const sample = table.rows.slice(0, SAMPLE_ROWS).map((r) => Object.fromEntries(mapped.map(([h, c]) => [c!, shown(c!, r.cells[table.headers.indexOf(h)])])));
  return {
    token,
    file: fileLabel,
    format: table.format,
    encoding: table.encoding,
    mapping,
    unmappedHeaders: unmapped,
    total: rows.length,
    valid: rows.length - invalid,
    invalid,
    updates,
    creates,
    errors: errors.slice(0, MAX_ERRORS_SHOWN),
    errorsTruncated: errors.length > MAX_ERRORS_SHOWN,
    sample,
  };
}

/** All rows in one BEGIN IMMEDIATE … COMMIT; any failure rolls everything back. Rows with errors block the apply unless skipped. */
export async function applyImport(
  db: Db,
  operatorId: string,
  a: { token: string; skipInvalid: boolean },
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ImportResult> {
  const pending = previews(db).get(a.token);
  if (!pending) throw new ObminError('NOT_FOUND', { what: 'import preview' });
  if (pending.invalid > 0 && !a.skipInvalid) throw new ObminError('VALIDATION', { count: pending.invalid }, 'importProblems.rowsWithErrors');
  const rows = pending.rows.filter((r) => r.valid);
  const w = new Writer(db, operatorId);
  const result: ImportResult = { created: 0, updated: 0, unchanged: 0, skipped: pending.rows.length - rows.length };
  let importSourceId: string | null = null;
  // The file itself is the source each status set by the import cites.
  const sourceId = () =>
    (importSourceId ??= createSource(
      w,
      { kind: 'official_document', title: `Імпорт: ${path.basename(pending.file)}`, summary: `sha256 ${pending.sha256}`, reliability: 'F', credibility: 6 },
      false,
    ).id);
  const statusNow = db.prepare('SELECT status, side FROM persons WHERE id = ?');
  const byRef = db.prepare('SELECT id FROM persons WHERE ref = ?');
  // A big import touches more pages than the usual cache holds: a larger cache for its transaction keeps them from
  // spilling to the WAL mid-way and being read (and decrypted) back.
  const cacheBefore = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  db.exec('BEGIN IMMEDIATE');
  try {
    // Bulk: new people's name keys and FTS bodies are written once, sorted, when the batches end (same transaction).
    await sessionOf(db).bulk(async () => {
      for (let i = 0; i < rows.length; i += IMPORT_BATCH) {
        for (const r of rows.slice(i, i + IMPORT_BATCH)) applyRow(r);
        onProgress(Math.min(i + IMPORT_BATCH, rows.length), rows.length);
        await yieldBetweenBatches(db);
      }
    });
    appendAudit(db, operatorId, 'persons.import', path.basename(pending.file), { sha256: pending.sha256, ...result });
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  } finally {
    if (db.open) db.pragma(`cache_size = ${Math.trunc(cacheBefore)}`);
  }
  previews(db).delete(a.token);
  return result;

  function statusChange(personId: string, from: Status | null, to: Status): void {
    w.insert(
      'status_changes',
      crypto.randomUUID(),
      { person_id: personId, from_status: from, to_status: to, source_id: sourceId(), at: new Date().toISOString(), note: null, operator_id: operatorId },
      null,
    );
  }

  function applyRow(r: PendingRow): void {
    const { status, ...fields } = r.input as Partial<PersonInput>;
    // Re-checked inside the transaction: someone may have added the ref since the preview.
    const id = r.existingId ?? (fields.ref ? ((byRef.get(fields.ref) as { id: string } | undefined)?.id ?? null) : null);
    if (id === null) {
      const input = fields as PersonInput;
      const st = status ?? defaultStatus(input.side);
      const newId = crypto.randomUUID();
      w.insert('persons', newId, toValues({ icrcStatus: 'unknown', seriouslyWounded: false, nameVariants: [], ...input, status: st }), null);
      if (st !== defaultStatus(input.side)) statusChange(newId, null, st);
      result.created++;
      return;
    }
    const before = statusNow.get(id) as { status: Status; side: Side };
    // Checked in the preview; again here, since the person may have changed since (a file from another site).
    if (!statusFitsSide(status ?? before.status, fields.side ?? before.side)) throw new ObminError('VALIDATION', { row: r.line }, 'importProblems.statusSide');
    const changed = w.update('persons', id, toValues({ ...fields, ...(status ? { status } : {}) }), null);
    if (changed.includes('status')) statusChange(id, before.status, status!);
    if (changed.length) result.updated++;
    else result.unchanged++;
  }
}
