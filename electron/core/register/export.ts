// Export of people to CSV or XLSX: the import's columns, cells that a spreadsheet would run as formulas neutralised.
import crypto from 'node:crypto';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Role } from '../../../shared/domain/roles';
import { FAMILY_COLUMNS, IMPORT_COLUMNS, seesFamily, type SearchFilters } from '../../../shared/register';
import { appendAudit } from '../audit/audit';
import { writeFileAtomic } from '../fsutil';
import type { Db } from '../vault/database';
import { searchPersons } from './search';
import { openRow } from '../vault/family';

/** A leading = + - @ tab or CR makes Excel/LibreOffice evaluate the cell; a quote makes it text (OWASP CSV injection). */
export function safeCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function exportRows(db: Db, query: string, filters: SearchFilters, operatorId: string): Record<string, unknown>[] {
  // The exporting operator's role decides the columns: family fields stay empty without family.read.
  const role = (db.prepare('SELECT role FROM operators WHERE id = ?').get(operatorId) as { role: Role } | undefined)?.role ?? 'viewer';
  const cols = IMPORT_COLUMNS.map((c) => (!seesFamily(role) && FAMILY_COLUMNS.includes(c) ? `NULL AS ${c}` : c)).join(', ');
  // Sealed family values are opened with the session's family key (vault/family.ts); without it they are null.
  const open = (r: Record<string, unknown>) => openRow(db, 'persons', r);
  if (!query && Object.keys(filters).length === 0)
    return (
      db.prepare(`SELECT ${cols} FROM persons WHERE deleted = 0 ORDER BY uk_sort(surname), uk_sort(given_name), id`).all() as Record<string, unknown>[]
    ).map(open);
  const ids = searchPersons(db, { query, filters, offset: 0, limit: Number.MAX_SAFE_INTEGER }).rows.map((r) => r.id);
  const stmt = db.prepare(`SELECT ${cols} FROM persons WHERE id = ?`);
  return ids.map((id) => open(stmt.get(id) as Record<string, unknown>));
}

function toCellRow(r: Record<string, unknown>): string[] {
  return IMPORT_COLUMNS.map((c) => {
    const v = r[c];
    if (c === 'name_variants') return safeCell((JSON.parse(String(v ?? '[]')) as string[]).join('; '));
    return safeCell(v);
  });
}

export interface ExportOutcome {
  path: string | null;
  fileName: string;
  rows: number;
  bytes: number;
  sha256: string;
  dataBase64?: string;
}

/** With a path, writes the file (CLI); without one, returns the bytes so the window can offer them as a download. */
export async function exportPersons(
  db: Db,
  operatorId: string,
  a: { path?: string | undefined; format: 'csv' | 'xlsx'; query: string; filters: SearchFilters },
): Promise<ExportOutcome> {
  const rows = exportRows(db, a.query, a.filters, operatorId).map(toCellRow);
  let bytes: Buffer;
  if (a.format === 'csv') {
    // The BOM makes Excel read the Cyrillic as UTF-8.
    bytes = Buffer.from(`\uFEFF${Papa.unparse({ fields: [...IMPORT_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`, 'utf8');
  } else {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('persons');
    ws.addRow([...IMPORT_COLUMNS]);
    for (const r of rows) ws.addRow(r);
    bytes = Buffer.from(await wb.xlsx.writeBuffer());
  }
  // Atomic and owner-only: a power cut leaves no half file, and an existing file's looser mode is not inherited.
  if (a.path) writeFileAtomic(path.resolve(a.path), bytes);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const fileName = a.path ? path.basename(a.path) : `obmin-persons-${new Date().toISOString().slice(0, 10)}.${a.format}`;
  appendAudit(db, operatorId, 'persons.export', a.path ?? `download:${fileName}`, { format: a.format, rows: rows.length, sha256, query: a.query || null });
  const out: ExportOutcome = { path: a.path ?? null, fileName, rows: rows.length, bytes: bytes.length, sha256 };
  return a.path ? out : { ...out, dataBase64: bytes.toString('base64') };
}
