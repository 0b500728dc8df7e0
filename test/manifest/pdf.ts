// Looks at a PDF with poppler's own tools, as an auditor would: text, fonts, pages, pixels.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tmpDir } from '../helpers/tmp';

export function save(bytes: Buffer, name = 'doc.pdf'): string {
  const file = path.join(tmpDir('obmin-pdf-'), name);
  fs.writeFileSync(file, bytes);
  return file;
}

export const pdftotext = (file: string, page?: number): string =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

export function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}

export function fonts(file: string): { name: string; emb: string; sub: string; uni: string }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0]!, emb: cols[cols.length - 5]!, sub: cols[cols.length - 4]!, uni: cols[cols.length - 3]! };
  });
}

/** Words with their boxes (PDF points, origin top-left), from pdftotext -bbox. */
export function words(file: string, page = 1): { word: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = [];
  for (const m of html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    out.push({
      x0: Number(m[1]),
      y0: Number(m[2]),
      x1: Number(m[3]),
      y1: Number(m[4]),
      word: m[5]!
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
    });
  }
  return out;
}

/** Page rasterised to 8-bit grey at `dpi`. */
export function raster(file: string, page = 1, dpi = 72): { w: number; h: number; px: Buffer; scale: number } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 64 << 20 });
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  return { w: Number(header[1]), h: Number(header[2]), px: pgm.subarray(header[0].length), scale: dpi / 72 };
}

/** Share of dark pixels inside a box given in PDF points. */
export function inkIn(r: ReturnType<typeof raster>, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(box.y0 * r.scale); y < Math.ceil(box.y1 * r.scale); y++) {
    for (let x = Math.floor(box.x0 * r.scale); x < Math.ceil(box.x1 * r.scale); x++) {
      all++;
      if (r.px[y * r.w + x]! < 128) dark++;
    }
  }
  return all ? dark / all : 0;
}

/** Page 1 as PNG to look at: in the repository (test/manifest/pages/NAME.png) when the document is deterministic,
 *  else beside the PDF (a dossier's code covers random ids, so its picture would change on every run). */
export function keepPng(file: string, name: string, inRepo = true): string {
  const dir = inRepo ? path.resolve(__dirname, 'pages') : path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, name)]);
  return path.join(dir, `${name}.png`);
}
