// Header recognition and per-row validation of an import: what each cell becomes, or why it cannot.
import type { z } from 'zod';
import {
  allowedValues,
  IMPORT_COLUMNS,
  isValueColumn,
  normaliseDateInput,
  PersonInput,
  PersonPatch,
  readValue,
  statusFitsSide,
  type ImportColumn,
  type RowError,
  type Side,
  type Status,
} from '../../../shared/register';
import { camelCase as camel } from '../../../shared/register/columns';
import { foldHeader } from '../files';

// Ukrainian and English headers seen in office spreadsheets; compared after lowercasing and folding separators.
const SYNONYMS: Partial<Record<ImportColumn, string[]>> = {
  ref: ['ref', 'reference', 'case', 'case_no', 'case_number', 'номер', 'номер_справи', 'справа', 'реф'],
  surname: ['surname', 'last_name', 'family_name', 'lastname', 'прізвище', 'фамилия'],
  given_name: ['given_name', 'first_name', 'firstname', 'name', 'імя', 'ім_я', 'имя'],
  patronymic: ['patronymic', 'middle_name', 'по_батькові', 'по_батькови', 'отчество'],
  date_of_birth: ['date_of_birth', 'dob', 'birth_date', 'birthdate', 'born', 'дата_народження', 'д_н', 'дата_рождения'],
  sex: ['sex', 'gender', 'стать', 'пол'],
  side: ['side', 'сторона'],
  category: ['category', 'категорія', 'категория'],
  unit: ['unit', 'military_unit', 'підрозділ', 'в_ч', 'військова_частина', 'часть'],
  rank: ['rank', 'звання', 'звание'],
  status: ['status', 'статус'],
  place_of_birth: ['place_of_birth', 'місце_народження'],
  service_number: ['service_number', 'особовий_номер', 'жетон'],
  facility: ['facility', 'установа', 'місце_утримання'],
  capture_date: ['capture_date', 'дата_полону', 'дата_захоплення'],
  capture_place: ['capture_place', 'місце_полону', 'місце_захоплення'],
  icrc_status: ['icrc_status', 'статус_мкчх'],
  icrc_ref: ['icrc_ref', 'номер_мкчх'],
  citizenship: ['citizenship', 'громадянство'],
  notes: ['notes', 'note', 'comment', 'примітки', 'коментар'],
};

const LOOKUP = new Map<string, ImportColumn>();
for (const c of IMPORT_COLUMNS) LOOKUP.set(c, c);
for (const [c, list] of Object.entries(SYNONYMS)) for (const s of list) LOOKUP.set(foldHeader(s), c as ImportColumn);

/** header → column, from an explicit mapping first, else recognised names; a column is taken once. */
export function mapHeaders(
  headers: string[],
  explicit?: Record<string, ImportColumn | null>,
): { mapping: Record<string, ImportColumn | null>; unmapped: string[] } {
  const mapping: Record<string, ImportColumn | null> = {};
  const taken = new Set<ImportColumn>();
  const unmapped: string[] = [];
  for (const h of headers) {
    const col = explicit && h in explicit ? explicit[h]! : (LOOKUP.get(foldHeader(h)) ?? null);
    if (col && !taken.has(col)) {
      mapping[h] = col;
      taken.add(col);
    } else {
      mapping[h] = null;
      if (h) unmapped.push(h);
    }
  }
  return { mapping, unmapped };
}

/** Spreadsheet formula triggers; a plain signed number or phone number is data, not a formula. */
export function looksLikeFormula(v: string): boolean {
  return /^[=+\-@\t\r]/.test(v) && !/^[+-]?\d[\d\s().-]*$/.test(v);
}

const BOOL: Record<string, boolean> = { '1': true, true: true, yes: true, так: true, y: true, '0': false, false: false, no: false, ні: false, n: false };

export interface RowOutcome {
  line: number;
  ref: string | null;
  /** camelCase fields present in the row (non-empty cells only) */
  fields: Record<string, unknown>;
  errors: RowError[];
}

export function checkRow(
  line: number,
  cells: string[],
  broken: boolean,
  formulaCols: Set<number>,
  headers: string[],
  mapping: Record<string, ImportColumn | null>,
): RowOutcome {
  const errors: RowError[] = [];
  const fields: Record<string, unknown> = {};
  if (broken) errors.push({ row: line, column: null, code: 'broken_row', value: null });
  headers.forEach((h, i) => {
    const col = mapping[h];
    const raw = (cells[i] ?? '').trim();
    if (!col || raw === '') return;
    if (formulaCols.has(i) || looksLikeFormula(raw)) {
      errors.push({ row: line, column: col, code: 'formula', value: raw.slice(0, 200) });
      return;
    }
    const key = camel(col);
    // Closed vocabularies take the codes and the window's own words, in either language (shared/register/values.ts).
    if (isValueColumn(col)) {
      const v = readValue(col, raw);
      if (v === null) errors.push({ row: line, column: col, code: 'unknown_value', value: raw.slice(0, 200), allowed: [...allowedValues(col)] });
      else fields[key] = v;
    } else if (col === 'seriously_wounded') {
      const v = BOOL[raw.toLowerCase()];
      if (v === undefined) errors.push({ row: line, column: col, code: 'unknown_value', value: raw.slice(0, 200) });
      else fields[key] = v;
    } else if (col === 'height_cm') fields[key] = /^\d+$/.test(raw) ? Number(raw) : raw;
    else if (col === 'name_variants')
      fields[key] = raw
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean);
    else if (col.endsWith('_date') || col === 'date_of_birth') fields[key] = normaliseDateInput(raw);
    else fields[key] = raw;
  });
  return { line, ref: typeof fields.ref === 'string' ? fields.ref : null, fields, errors };
}

/** The side and status of the person an update row names (null: the row creates a person). */
export interface ExistingPerson {
  side: Side;
  status: Status;
}

/** Schema check of a row once we know whether it creates a person (surname, side, category needed) or updates one. */
export function validateRow(o: RowOutcome, existing: ExistingPerson | null): z.infer<typeof PersonInput> | z.infer<typeof PersonPatch> | null {
  if (o.errors.length) return null;
  const creates = existing === null;
  const { status, ...rest } = o.fields;
  const schema = creates ? PersonInput : PersonPatch;
  const r = schema.safeParse(creates ? o.fields : rest);
  if (r.success && !creates) {
    // An update keeps the person's side unless it names one: the status it ends with must fit that side.
    const patch = r.data as z.infer<typeof PersonPatch>;
    const side = patch.side ?? existing.side;
    const after = (status as Status | undefined) ?? existing.status;
    if (!statusFitsSide(after, side)) {
      o.errors.push({ row: o.line, column: status ? 'status' : 'side', code: 'status_side', value: status ? String(status) : side });
      return null;
    }
  }
  if (r.success) return { ...r.data, ...(status && !creates ? { status } : {}) } as z.infer<typeof PersonInput>;
  for (const issue of r.error.issues) {
    if (issue.message === 'statusFitsSide') {
      o.errors.push({ row: o.line, column: 'status', code: 'status_side', value: String(o.fields.status) });
      continue;
    }
    const field = String(issue.path[0] ?? '');
    const column = field ? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : null;
    const missing = o.fields[field] === undefined;
    o.errors.push({ row: o.line, column, code: missing ? 'required' : 'invalid_value', value: missing ? null : String(o.fields[field]).slice(0, 200) });
  }
  return null;
}
