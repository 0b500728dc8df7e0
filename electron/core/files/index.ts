// Reading files people bring (CSV, XLSX, text) into rows: one home for encodings, limits and the XLSX bomb guard.
export { decodeText, type Decoded } from './decode';
export { foldHeader } from './headers';
export { CSV_MAX_BYTES, XLSX_MAX_BYTES, XLSX_MAX_PARTS, XLSX_MAX_SHARED_STRINGS, XLSX_MAX_UNPACKED, mb } from './limits';
export { checkSize, readTable, readTableBuffer, type RawTable } from './table';
export { guardXlsx } from './xlsxGuard';
