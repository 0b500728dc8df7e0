// Reading an intake list: CSV, XLSX or plain text (one person per line), from a file or from bytes the window sent.
// Size limits, encoding detection and the XLSX guard are the shared file readers' (core/files); nothing touches disk.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ObminError } from '../../../shared/errors';
import { parseFreeTextLine, parseListEntry, type ParsedEntry } from '../../../shared/matching';
import { MAX_FIELD_CHARS } from '../../../shared/register/schemas';
import { CSV_MAX_BYTES, XLSX_MAX_BYTES, decodeText, foldHeader, mb, readTableBuffer } from '../files';
import { regularFileSize } from '../fsutil';

/** The list's own columns; anything else in the file is kept in the entry's columns but not matched on. */
export type ListColumn = 'name' | 'surname' | 'given_name' | 'patronymic' | 'date_of_birth' | 'unit';

const SYNONYMS: Record<ListColumn, string[]> = {
  name: ['name', 'full_name', 'fullname', 'піб', 'п_і_б', 'фіо', 'фио', 'ф_и_о', 'ім_я_повністю', 'особа'],
  surname: ['surname', 'last_name', 'lastname', 'family_name', 'прізвище', 'фамилия'],
  given_name: ['given_name', 'first_name', 'firstname', 'імя', 'ім_я', 'имя'],
  patronymic: ['patronymic', 'middle_name', 'по_батькові', 'по_батькови', 'отчество'],
  date_of_birth: ['date_of_birth', 'dob', 'birth_date', 'birthdate', 'born', 'дата_народження', 'д_н', 'дата_рождения', 'г_р', 'р_н'],
  unit: ['unit', 'military_unit', 'підрозділ', 'в_ч', 'військова_частина', 'воинская_часть', 'часть'],
};
const LOOKUP = new Map<string, ListColumn>();
for (const [col, names] of Object.entries(SYNONYMS)) for (const n of names) LOOKUP.set(foldHeader(n), col as ListColumn);

export interface IntakeRow {
  /** 1-based among the rows that carry anything (empty lines are skipped) */
  row: number;
  raw: string;
  columns: Record<string, string>;
  parsed: ParsedEntry;
}

export interface IntakeRead {
  format: 'csv' | 'xlsx' | 'text';
  encoding: string | null;
  sha256: string;
  rows: IntakeRow[];
  /** rows holding bytes that were not valid UTF-8 (shown as U+FFFD): the file is still read as UTF-8, these are named */
  undecodable: number[];
}

type Format = IntakeRead['format'];

function formatOf(name: string, buf: Buffer | null): Format {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.tsv') return 'csv';
  if (ext === '.txt' || ext === '') return buf && buf[0] === 0x50 && buf[1] === 0x4b ? 'xlsx' : 'text';
  throw new ObminError('FILE_MALFORMED', { detail: `${path.basename(name)}: CSV, XLSX, TXT` });
}

function limitOf(format: Format): number {
  return format === 'xlsx' ? XLSX_MAX_BYTES : CSV_MAX_BYTES;
}

function fromTable(headers: string[], data: string[][]): IntakeRow[] {
  const cols = headers.map((h) => LOOKUP.get(foldHeader(h)) ?? null);
  if (!cols.includes('name') && !cols.includes('surname')) {
    throw new ObminError('FILE_MALFORMED', { detail: `name / surname: ${headers.filter(Boolean).slice(0, 6).join(', ') || '—'}` });
  }
  const out: IntakeRow[] = [];
  for (const full of data) {
    // A cell longer than any field may be is cut before the name parser sees it (a 10 MB "name" once overflowed it).
    const cells = full.map((c) => (c && c.length > MAX_FIELD_CHARS ? c.slice(0, MAX_FIELD_CHARS) : c));
    if (cells.every((c) => !c || !c.trim())) continue;
    const columns: Record<string, string> = {};
    const known: Partial<Record<ListColumn, string>> = {};
    headers.forEach((h, i) => {
      const v = (cells[i] ?? '').trim();
      if (!v) return;
      columns[h || `#${i + 1}`] = v;
      const c = cols[i];
      if (c && known[c] === undefined) known[c] = v;
    });
    const parsed = parseListEntry({
      ...(known.name !== undefined ? { name: known.name } : {}),
      ...(known.surname !== undefined ? { surname: known.surname } : {}),
      ...(known.given_name !== undefined ? { givenName: known.given_name } : {}),
      ...(known.patronymic !== undefined ? { patronymic: known.patronymic } : {}),
      ...(known.date_of_birth !== undefined ? { dateOfBirth: known.date_of_birth } : {}),
      ...(known.unit !== undefined ? { unit: known.unit } : {}),
    });
    out.push({ row: out.length + 1, raw: parsed.raw, columns, parsed });
  }
  return out;
}

/** One person per line; numbering like "12." and stray punctuation are the parser's business. */
export function readText(text: string): IntakeRow[] {
  const out: IntakeRow[] = [];
  for (const full of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    const line = full.length > MAX_FIELD_CHARS ? full.slice(0, MAX_FIELD_CHARS) : full;
    if (!line.replace(/[\s\p{P}]/gu, '')) continue;
    out.push({ row: out.length + 1, raw: line.trim(), columns: {}, parsed: parseFreeTextLine(line) });
  }
  return out;
}

function hasControlChars(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) return true;
  }
  return false;
}

function undecodableRows(rows: IntakeRow[], badLines: number[]): number[] {
  return badLines.length === 0
    ? []
    : rows.filter((r) => r.raw.includes('\uFFFD') || Object.values(r.columns).some((v) => v.includes('\uFFFD'))).map((r) => r.row);
}

/** Bytes from the window or a file; refused by size before parsing. */
export async function readIntakeBytes(name: string, buf: Buffer): Promise<IntakeRead> {
  const format = formatOf(name, buf);
  if (buf.length > limitOf(format)) throw new ObminError('FILE_TOO_LARGE', { file: path.basename(name), limit: mb(limitOf(format)) });
  if (buf.length === 0) throw new ObminError('FILE_MALFORMED', { detail: `${path.basename(name)}: 0 B` });
  // Binary data renamed .csv (a PDF, an image) is refused rather than read as mojibake names.
  if (format !== 'xlsx' && !(buf[0] === 0xff && buf[1] === 0xfe) && buf.subarray(0, 4096).includes(0))
    throw new ObminError('FILE_MALFORMED', { detail: path.basename(name) });
  if (format === 'text') {
    const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
    const { text, encoding, badLines } = decodeText(buf);
    if (hasControlChars(text.slice(0, 4096))) throw new ObminError('FILE_MALFORMED', { detail: path.basename(name) });
    const rows = readText(text);
    return { format, encoding, sha256, rows, undecodable: undecodableRows(rows, badLines) };
  }
  // CSV and XLSX: the register import's reader (encoding detection, XLSX dates and formula results, size limits).
  // The name tells that reader the format: ours was decided above (a .txt that is really a workbook, a .tsv).
  const table = await readTableBuffer(`${path.basename(name).replace(/\.[^.]*$/, '')}.${format}`, buf);
  const rows = fromTable(
    table.headers,
    table.rows.map((r) => r.cells),
  );
  return { format, encoding: table.encoding, sha256: table.sha256, rows, undecodable: undecodableRows(rows, table.badLines) };
}

export async function readIntakeFile(file: string): Promise<IntakeRead> {
  const format = formatOf(file, null);
  const size = regularFileSize(file);
  if (size > limitOf(format)) throw new ObminError('FILE_TOO_LARGE', { file, limit: mb(limitOf(format)) });
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw new ObminError('IO', { file });
  }
  return readIntakeBytes(file, buf);
}
