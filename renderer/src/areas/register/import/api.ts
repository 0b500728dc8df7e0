// The import dialog's one tie to IPC. The page has no file paths, so it sends the bytes it was given.
import type { Result } from '../../../../../shared/errors';
import { IMPORT_MAX_BYTES, type ImportColumn, type ImportPreview } from '../../../../../shared/register';
import { fileToBase64 } from '../files';

/** What the page refuses before reading a byte: the core's own limit for the file's kind (shared/register/queries.ts). */
export function importMaxBytes(fileName: string): number {
  return /\.xlsx$/i.test(fileName) ? IMPORT_MAX_BYTES.xlsx : IMPORT_MAX_BYTES.csv;
}

export interface PickedFile {
  fileName: string;
  dataBase64: string;
}

export async function readPicked(file: File): Promise<PickedFile> {
  return { fileName: file.name, dataBase64: await fileToBase64(file) };
}

export function previewImport(file: PickedFile, mapping?: Record<string, ImportColumn | null>): Promise<Result<ImportPreview>> {
  return window.obmin.persons.importPreview({ fileName: file.fileName, dataBase64: file.dataBase64, ...(mapping ? { mapping } : {}) });
}
