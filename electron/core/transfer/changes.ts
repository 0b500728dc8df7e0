// The `changes` payload: JSON lines, one record per row ({"t": table, "id", "f": {field: [value, stamp]}}), read
// from the change log and the rows' current values. Names come from the write path's allowlist, never from the file.
import crypto from 'node:crypto';
import { MAX_DRIFT_MS, parseStamp, type Stamp } from '../../../shared/hlc';
import { MAX_LINE_BYTES, MAX_RECORDS, type FieldValue } from '../../../shared/transfer/format';
import { TABLES, type Table } from '../db/write';
import { changesIn } from '../replication/log';
import type { PayloadCounter } from '../replication/exchangePackage';
import { DELETED, changeSchema, type Change } from '../../../shared/replication';
import type { Db } from '../vault/database';
import { openFieldsForTransfer } from '../vault/family';
import { TransferRefused } from './refusal';

const ORDER = Object.keys(TABLES) as Table[]; // parents before children (persons, sources, then what refers to them)
const BATCH = 64 * 1024;

/** Yields the payload for everything in the change log after `since` up to `through` (own and relayed), in 64 KiB pieces. */
export function* changesPayload(db: Db, since: number, through: number, counter: PayloadCounter): Generator<Buffer> {
  counter.total = db.prepare('SELECT count(*) FROM change_log WHERE seq > ? AND seq <= ?').pluck().get(since, through) as number;
  counter.done = 0;
  let pending: string[] = [];
  let size = 0;
  const records = new Set<string>();
  const push = function* (line: string): Generator<Buffer> {
    pending.push(line);
    size += line.length;
    if (size >= BATCH) {
      yield Buffer.from(pending.join(''), 'utf8');
      pending = [];
      size = 0;
    }
  };
  for (const tbl of ORDER) {
    if (tbl === 'attachments') {
      // The attachments' bytes go first: an attachment row refers to its blob by SHA-256.
      const blobs = db
        .prepare(
          "SELECT sha256, bytes, thumb FROM attachment_blobs WHERE sha256 IN (SELECT a.sha256 FROM attachments a WHERE a.id IN (SELECT row_id FROM change_log WHERE tbl = 'attachments' AND seq > ? AND seq <= ?))",
        )
        .iterate(since, through) as Iterable<{ sha256: string; bytes: Buffer; thumb: Buffer | null }>;
      for (const b of blobs)
        yield* push(`${JSON.stringify({ blob: b.sha256, bytes: b.bytes.toString('base64'), thumb: b.thumb ? b.thumb.toString('base64') : null })}\n`);
    }
    // One line per change (shared/replication changeSchema): origin, sequence, stamp and what it superseded travel, so
    // the receiver merges by causality (docs/replication.md) and can relay it on unchanged.
    for (const change of changesIn(db, tbl, since, through)) {
      records.add(`${tbl}\u0000${change.row}`);
      const c = { ...change, fields: openFieldsForTransfer(db, tbl, change.fields) };
      counter.done++;
      yield* push(`${JSON.stringify({ c })}\n`);
    }
    counter.records = records.size;
  }
  if (pending.length) yield Buffer.from(pending.join(''), 'utf8');
}

/** Splits a byte stream into lines, refusing any longer than MAX_LINE_BYTES and any record past MAX_RECORDS. */
export async function* linesOf(source: AsyncIterable<Buffer>, maxRecords = MAX_RECORDS): AsyncGenerator<string> {
  let rest: Buffer = Buffer.alloc(0);
  let count = 0;
  for await (const piece of source) {
    let buf: Buffer = rest.length ? Buffer.concat([rest, piece]) : piece;
    let at: number;
    while ((at = buf.indexOf(0x0a)) >= 0) {
      if (++count > maxRecords) throw new TransferRefused('too-many-records', { limit: maxRecords });
      yield buf.subarray(0, at).toString('utf8');
      buf = buf.subarray(at + 1);
    }
    if (buf.length > MAX_LINE_BYTES) throw new TransferRefused('bad-record', { detail: 'line too long' });
    rest = buf;
  }
  if (rest.length) throw new TransferRefused('bad-record', { detail: 'no final newline' });
}

interface ColumnType {
  type: 'TEXT' | 'INTEGER' | 'REAL';
  nullable: boolean;
  required: boolean;
}
export type Schema = Map<Table, Map<string, ColumnType>>;

/** Column types of the allowlisted tables, read from this database's own schema (never from the file). */
export function schemaOf(db: Db): Schema {
  const out: Schema = new Map();
  for (const tbl of ORDER) {
    const allowed = new Set<string>([...TABLES[tbl], 'deleted']);
    const cols = new Map<string, ColumnType>();
    for (const c of db.pragma(`table_info(${tbl})`) as { name: string; type: string; notnull: number; dflt_value: unknown }[]) {
      if (!allowed.has(c.name)) continue;
      const t = c.type.toUpperCase();
      cols.set(c.name, {
        type: t === 'INTEGER' ? 'INTEGER' : t === 'REAL' ? 'REAL' : 'TEXT',
        nullable: c.notnull === 0,
        required: c.notnull === 1 && c.dflt_value === null,
      });
    }
    out.set(tbl, cols);
  }
  return out;
}

export interface ValidRecord {
  tbl: Table;
  id: string;
  fields: Record<string, { value: FieldValue; stamp: Stamp }>;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_TEXT = 256 * 1024;

export interface BlobRecord {
  blob: string;
  bytes: Buffer;
  thumb: Buffer | null;
}

const B64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** An attachment's bytes: kept only when they hash to the name they travel under. */
export function validateBlob(raw: Record<string, unknown>, lineNo: number): BlobRecord {
  const { blob, bytes, thumb, ...extra } = raw;
  if (
    Object.keys(extra).length ||
    typeof blob !== 'string' ||
    !/^[0-9a-f]{64}$/.test(blob) ||
    typeof bytes !== 'string' ||
    !B64.test(bytes) ||
    (thumb !== null && (typeof thumb !== 'string' || !B64.test(thumb)))
  ) {
    throw new TransferRefused('bad-record', { line: lineNo });
  }
  const b = Buffer.from(bytes, 'base64');
  if (crypto.createHash('sha256').update(b).digest('hex') !== blob) throw new TransferRefused('bad-value', { line: lineNo, field: 'sha256' });
  return { blob, bytes: b, thumb: typeof thumb === 'string' ? Buffer.from(thumb, 'base64') : null };
}

/** One line → a record whose every name is in the allowlist and every value fits its column; refused otherwise. */
export function validateRecord(line: string, schema: Schema, lineNo: number): ValidRecord | BlobRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    throw new TransferRefused('bad-record', { line: lineNo });
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new TransferRefused('bad-record', { line: lineNo });
  if ('blob' in raw) return validateBlob(raw as Record<string, unknown>, lineNo);
  const { t, id, f, ...extra } = raw as Record<string, unknown>;
  if (Object.keys(extra).length || typeof t !== 'string' || typeof id !== 'string' || !ID.test(id) || !f || typeof f !== 'object' || Array.isArray(f)) {
    throw new TransferRefused('bad-record', { line: lineNo });
  }
  const cols = Object.prototype.hasOwnProperty.call(TABLES, t) ? schema.get(t as Table) : undefined;
  if (!cols) throw new TransferRefused('unknown-table', { line: lineNo });
  const fields: ValidRecord['fields'] = {};
  for (const [name, pair] of Object.entries(f as Record<string, unknown>)) {
    const col = cols.get(name);
    if (!col) throw new TransferRefused('unknown-column', { line: lineNo });
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[1] !== 'string') throw new TransferRefused('bad-value', { line: lineNo, field: name });
    const [value, stampText] = pair as [unknown, string];
    let ok: boolean;
    if (value === null) ok = col.nullable;
    else if (col.type === 'TEXT') ok = typeof value === 'string' && value.length <= MAX_TEXT;
    else if (col.type === 'INTEGER') ok = Number.isSafeInteger(value);
    else ok = typeof value === 'number' && Number.isFinite(value);
    if (name === 'deleted') ok = value === 0 || value === 1;
    if (!ok) throw new TransferRefused('bad-value', { line: lineNo, field: name });
    let stamp: Stamp;
    try {
      stamp = parseStamp(stampText);
    } catch {
      throw new TransferRefused('bad-value', { line: lineNo, field: name });
    }
    fields[name] = { value: value as FieldValue, stamp };
  }
  return { tbl: t as Table, id, fields };
}

/** A record for a row this site does not have must carry every required column. */
export function assertInsertable(rec: ValidRecord, schema: Schema, lineNo: number): void {
  for (const [name, col] of schema.get(rec.tbl)!) {
    if (col.required && !(name in rec.fields)) throw new TransferRefused('bad-record', { line: lineNo, missing: name });
  }
}

/**
 * One change line → a change whose table and fields are in the allowlist, whose values fit their columns and whose
 * stamp is not ahead of this clock by more than the bound; refused (with the reason the row format used) otherwise.
 */
export function validateChange(raw: { c?: unknown }, schema: Schema, lineNo: number, nowMs: number): Change {
  const c = raw.c as Record<string, unknown> | null;
  if (Object.keys(raw).length !== 1 || !c || typeof c !== 'object' || Array.isArray(c)) throw new TransferRefused('bad-record', { line: lineNo });
  const cols = typeof c.tbl === 'string' && Object.prototype.hasOwnProperty.call(TABLES, c.tbl) ? schema.get(c.tbl as Table) : undefined;
  if (!cols) throw new TransferRefused('unknown-table', { line: lineNo });
  const fields = c.fields && typeof c.fields === 'object' && !Array.isArray(c.fields) ? (c.fields as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(fields)) {
    const col = cols.get(name);
    if (!col) throw new TransferRefused('unknown-column', { line: lineNo });
    let ok: boolean;
    if (value === null) ok = col.nullable;
    else if (col.type === 'TEXT') ok = typeof value === 'string' && value.length <= MAX_TEXT;
    else if (col.type === 'INTEGER') ok = Number.isSafeInteger(value);
    else ok = typeof value === 'number' && Number.isFinite(value);
    if (name === DELETED) ok = value === 1;
    if (!ok) throw new TransferRefused('bad-value', { line: lineNo, field: name });
  }
  const parsed = changeSchema.safeParse(c);
  if (!parsed.success || !ID.test(parsed.data.row)) throw new TransferRefused('bad-record', { line: lineNo });
  if (parseStamp(parsed.data.stamp).millis - nowMs > MAX_DRIFT_MS) throw new TransferRefused('clock-drift', { line: lineNo });
  return parsed.data;
}
