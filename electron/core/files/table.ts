// Reading a table file into header + raw cells, for the register import and the lists intake alike: size refused by
// stat first, an XLSX's unpacked size and strings counted before exceljs sees it, encoding decided by evidence.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ObminError } from '../../../shared/errors';
import { MAX_FIELD_CHARS } from '../../../shared/register/schemas';
import { regularFileSize } from '../fsutil';
import { decodeText } from './decode';
import { CSV_MAX_BYTES, mb, XLSX_MAX_BYTES } from './limits';
import { guardXlsx } from './xlsxGuard';

export { CSV_MAX_BYTES, XLSX_MAX_BYTES };

export interface RawTable {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  /** lines holding bytes that were not valid UTF-8 (CSV only) */
  badLines: number[];
  headers: string[];
  /** data rows (header excluded); `broken` marks a row the parser could not read whole */
  rows: { cells: string[]; broken: boolean; formulaCols: Set<number> }[];
}

function formatOf(file: string): 'csv' | 'xlsx' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  throw new ObminError('FILE_MALFORMED', { detail: `${path.basename(file)}: CSV or XLSX` });
}

/** Refuses by size before a byte is read: a 200 MB file never reaches memory. */
export function checkSize(file: string): { format: 'csv' | 'xlsx'; size: number } {
  const format = formatOf(file);
  const size = regularFileSize(file);
  const limit = format === 'csv' ? CSV_MAX_BYTES : XLSX_MAX_BYTES;
  if (size > limit) throw new ObminError('FILE_TOO_LARGE', { file, limit: mb(limit) });
  return { format, size };
}

function readCsv(buf: Buffer, encoding?: string): RawTable {
  const { text, encoding: enc, badLines } = decodeText(buf, encoding);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  // A row holding bytes that were not valid UTF-8 is reported as broken, never imported with U+FFFD in a name.
  const undecodable = (cells: string[]) => badLines.length > 0 && cells.some((c) => c.includes('\uFFFD'));
  const tooLong = (cells: string[]) => cells.some((c) => c.length > MAX_FIELD_CHARS);
  const brokenRows = new Set(parsed.errors.map((e) => e.row).filter((r): r is number => typeof r === 'number'));
  const [header, ...data] = parsed.data;
  if (!header || header.every((h) => !h.trim())) throw new ObminError('FILE_MALFORMED', {}, 'errors.FILE_NO_HEADER');
  return {
    format: 'csv',
    encoding: enc,
    badLines,
    headers: header.map((h) => h.trim()),
    rows: data.map((cells, i) => {
      const broken = brokenRows.has(i + 1) || cells.length !== header.length || undecodable(cells) || tooLong(cells);
      return { cells: capCells(cells), broken, formulaCols: new Set<number>() };
    }),
  };
}

/** A 10 MB cell is refused as a broken row; what is kept of it is cut so nothing downstream ever sees the whole. */
function capCells(cells: string[]): string[] {
  return cells.some((c) => c.length > MAX_FIELD_CHARS) ? cells.map((c) => c.slice(0, MAX_FIELD_CHARS)) : cells;
}

function cellText(v: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (v === null || v === undefined) return { text: '', formula: false };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), formula: false };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      return { text: r === undefined || r === null ? '' : String(r instanceof Date ? r.toISOString().slice(0, 10) : r), formula: true };
    }
    if ('richText' in v) return { text: v.richText.map((t) => t.text).join(''), formula: false };
    if ('text' in v) return { text: String((v as { text: unknown }).text), formula: false };
    if ('error' in v) return { text: '', formula: true };
    return { text: '', formula: false };
  }
  return { text: String(v), formula: false };
}

async function readXlsx(fileName: string, buf: Buffer): Promise<RawTable> {
  await guardXlsx(fileName, buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new ObminError('FILE_MALFORMED', { detail: 'XLSX' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new ObminError('FILE_MALFORMED', {}, 'errors.FILE_NO_WORKSHEET');
  const all: { cells: string[]; formulaCols: Set<number> }[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    const formulaCols = new Set<number>();
    const n = Math.max(row.cellCount, 0);
    for (let c = 1; c <= n; c++) {
      const t = cellText(row.getCell(c).value);
      cells.push(t.text);
      if (t.formula) formulaCols.add(c - 1);
    }
    all.push({ cells, formulaCols });
  });
  const [header, ...data] = all;
  if (!header) throw new ObminError('FILE_MALFORMED', {}, 'errors.FILE_NO_HEADER');
  const width = header.cells.length;
  return {
    format: 'xlsx',
    encoding: null,
    badLines: [],
    headers: header.cells.map((h) => h.trim()),
    rows: data.map((r) => ({
      cells: capCells(r.cells.concat(Array(Math.max(0, width - r.cells.length)).fill('')).slice(0, Math.max(width, r.cells.length))),
      broken: (r.cells.length > width && r.cells.slice(width).some((x) => x !== '')) || r.cells.some((c) => c.length > MAX_FIELD_CHARS),
      formulaCols: r.formulaCols,
    })),
  };
}

export async function readTable(file: string, encoding?: string): Promise<RawTable & { sha256: string; size: number }> {
  checkSize(file);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    throw new ObminError('IO', { file });
  }
  return readTableBuffer(file, buf, encoding);
}

/** The same parsing for bytes already in memory (a file the window sent): nothing is written to disk. */
export async function readTableBuffer(fileName: string, buf: Buffer, encoding?: string): Promise<RawTable & { sha256: string; size: number }> {
  const format = formatOf(fileName);
  const limit = format === 'csv' ? CSV_MAX_BYTES : XLSX_MAX_BYTES;
  if (buf.length > limit) throw new ObminError('FILE_TOO_LARGE', { file: path.basename(fileName), limit: mb(limit) });
  const sha256 = crypto.createHash('sha256').update(buf).digest('hex');
  const t = format === 'csv' ? readCsv(buf, encoding) : await readXlsx(fileName, buf);
  return { ...t, sha256, size: buf.length };
}
