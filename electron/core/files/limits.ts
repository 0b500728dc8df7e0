// One home for what a file Obmin reads may cost: bytes on disk, bytes unpacked, strings, parts.
import { IMPORT_MAX_BYTES } from '../../../shared/register';

/** The size limits live in shared/register (the contract caps the bytes a file may cross as; the CLI checks first). */
export const CSV_MAX_BYTES = IMPORT_MAX_BYTES.csv;
export const XLSX_MAX_BYTES = IMPORT_MAX_BYTES.xlsx;
/** Everything inside an XLSX, unpacked: a 100 000-row register is ≈ 80 MB; an 8 MB bomb that unpacks to 2.4 GB stops here. */
export const XLSX_MAX_UNPACKED = 192 * 1024 * 1024;
/** Shared strings in one workbook: each becomes an object in memory before the first row is read. */
export const XLSX_MAX_SHARED_STRINGS = 2_000_000;
/** Parts (files) inside one XLSX: a workbook has a few dozen; a zip of a million empty files is an attack. */
export const XLSX_MAX_PARTS = 10_000;

export const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;
