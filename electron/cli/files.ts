// Files named on the command line: read here, sent to the core as bytes, exactly as the window sends them.
import fs from 'node:fs';
import path from 'node:path';
import { ObminError } from '../../shared/errors';
import { IMPORT_MAX_BYTES } from '../../shared/register';

/** The largest import any format allows; the core applies the limit of the file's own format. */
const READ_LIMIT = Math.max(IMPORT_MAX_BYTES.csv, IMPORT_MAX_BYTES.xlsx);

/** Refuses by size before a byte is read; a missing file or a folder is an IO error naming it. */
export function readInputFile(file: string): { fileName: string; dataBase64: string } {
  let size: number;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new Error('not a file');
    size = st.size;
  } catch {
    throw new ObminError('IO', { file });
  }
  if (size > READ_LIMIT) throw new ObminError('FILE_TOO_LARGE', { file, limit: `${Math.round(READ_LIMIT / 1024 / 1024)} MB` });
  try {
    return { fileName: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') };
  } catch {
    throw new ObminError('IO', { file });
  }
}
