// An XLSX is a zip: before exceljs unpacks it into memory, stream every part once and count what it really unpacks to
// (declared sizes are the attacker's to choose), and count the shared strings. Refused early, nothing kept.
import path from 'node:path';
import JSZip from 'jszip';
import { ObminError } from '../../../shared/errors';
import { mb, XLSX_MAX_PARTS, XLSX_MAX_SHARED_STRINGS, XLSX_MAX_UNPACKED } from './limits';

export interface XlsxLimits {
  maxUnpacked: number;
  maxSharedStrings: number;
  maxParts: number;
}

const DEFAULTS: XlsxLimits = { maxUnpacked: XLSX_MAX_UNPACKED, maxSharedStrings: XLSX_MAX_SHARED_STRINGS, maxParts: XLSX_MAX_PARTS };

class Over extends Error {}

/** Throws FILE_TOO_LARGE (unpacked size, strings, parts) or FILE_MALFORMED (not a zip); returns the unpacked total. */
export async function guardXlsx(fileName: string, buf: Buffer, limits: Partial<XlsxLimits> = {}): Promise<{ unpacked: number; sharedStrings: number }> {
  const lim = { ...DEFAULTS, ...limits };
  const file = path.basename(fileName);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch {
    throw new ObminError('FILE_MALFORMED', { detail: `${file}: XLSX` });
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir);
  if (parts.length > lim.maxParts) throw new ObminError('FILE_TOO_LARGE', { file, limit: `${lim.maxParts} parts` });
  let unpacked = 0;
  let sharedStrings = 0;
  try {
    for (const part of parts) {
      const counting = /(^|\/)sharedStrings\.xml$/i.test(part.name);
      let tail = '';
      await new Promise<void>((resolve, reject) => {
        const stream = part.nodeStream('nodebuffer');
        stream.on('data', (chunk: Buffer) => {
          unpacked += chunk.length;
          if (unpacked > lim.maxUnpacked) {
            (stream as unknown as { pause(): void }).pause();
            reject(new Over('unpacked'));
            return;
          }
          if (counting) {
            // `<si>` opens each shared string; a tag split across chunks is caught by keeping the last few characters.
            const text = tail + chunk.toString('latin1');
            sharedStrings += (text.match(/<(?:\w+:)?si>/g) ?? []).length;
            tail = text.slice(-32).replace(/.*>/s, '');
            if (sharedStrings > lim.maxSharedStrings) {
              (stream as unknown as { pause(): void }).pause();
              reject(new Over('strings'));
            }
          }
        });
        stream.on('error', reject);
        stream.on('end', () => resolve());
      });
    }
  } catch (e) {
    if (e instanceof Over) {
      throw new ObminError('FILE_TOO_LARGE', {
        file,
        limit: e.message === 'strings' ? `${lim.maxSharedStrings} shared strings` : `${mb(lim.maxUnpacked)} unpacked`,
      });
    }
    throw new ObminError('FILE_MALFORMED', { detail: `${file}: XLSX` });
  }
  return { unpacked, sharedStrings };
}
