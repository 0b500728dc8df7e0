// Building blocks shared by the manifest, the dossier and the list report: header, footer with code and QR,
// signature blocks, a tick box, bilingual labels.
import { both, L, type Bilingual } from '../../../shared/manifest';
import type { Content } from './render';

export const GREY = '#555555';
export const RULE = '#999999';

/** Two-line bilingual label: Ukrainian above, English below in grey. */
export function label(l: Bilingual, opts: { bold?: boolean; size?: number } = {}): Content {
  return {
    stack: [
      { text: l[0], bold: opts.bold ?? true, fontSize: opts.size ?? 7.5 },
      ...(l[1] ? [{ text: l[1], color: GREY, fontSize: (opts.size ?? 7.5) - 1 }] : []),
    ],
  };
}

/** An empty square to tick by hand (drawn, not a glyph: no font needs to have ☐). */
export function tickBox(size = 9): Content {
  return { canvas: [{ type: 'rect', x: 0, y: 1, w: size, h: size, lineWidth: 0.8, lineColor: '#000000' }], width: size };
}

/** Page header: a one-line summary of what the document is, repeated on every page. */
export function pageHeader(line: string): (page: number, pages: number) => Content {
  return () => ({ text: line, fontSize: 7.5, color: GREY, margin: [36, 22, 36, 0] });
}

export interface FooterSpec {
  code: string;
  /** The QR's payload (the code, prefixed so a scanner app knows what it is). */
  qr: string;
  qrSvg: string;
  extra?: string;
}

/** "сторінка N з M / page N of M", the data code in text and as QR, on every page. */
export function pageFooter(f: FooterSpec): (page: number, pages: number) => Content {
  return (page, pages) => ({
    margin: [36, 6, 36, 0],
    columns: [
      {
        width: '*',
        stack: [
          { text: `${L.page[0]} ${page} ${L.of[0]} ${pages} / ${L.page[1]} ${page} ${L.of[1]} ${pages}`, bold: true, fontSize: 8.5 },
          { text: `${both(L.code)}: ${f.code}`, fontSize: 8.5, margin: [0, 2, 0, 0] },
          ...(f.extra ? [{ text: f.extra, fontSize: 7, color: GREY }] : []),
        ],
      },
      { width: 52, svg: f.qrSvg, fit: [52, 52] },
    ],
  });
}

/** Signature lines: a titled box per party with name and signature rows. */
export function signatureBlocks(parties: readonly Bilingual[]): Content {
  const cell = (p: Bilingual): Content => ({
    stack: [
      label(p, { size: 8 }),
      { text: `${both(L.fullName)}:`, fontSize: 7, color: GREY, margin: [0, 10, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 12, x2: 150, y2: 12, lineWidth: 0.6 }] },
      { text: `${both(L.signature)}:`, fontSize: 7, color: GREY, margin: [0, 8, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 12, x2: 150, y2: 12, lineWidth: 0.6 }] },
      { text: `${both(L.date)}:`, fontSize: 7, color: GREY, margin: [0, 8, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 12, x2: 150, y2: 12, lineWidth: 0.6 }] },
    ],
  });
  return { unbreakable: true, margin: [0, 16, 0, 0], columns: parties.map(cell), columnGap: 12 };
}

/** A key–value grid for headers and dossiers. */
export function facts(rows: readonly (readonly [Bilingual, string | null | undefined])[], widths: [number, string] = [150, '*']): Content {
  return {
    table: { widths, body: rows.map(([l, v]) => [label(l), { text: v && v.length ? v : '—', fontSize: 9 }]) },
    layout: { hLineWidth: () => 0.4, vLineWidth: () => 0, hLineColor: () => RULE, paddingTop: () => 2, paddingBottom: () => 2 },
  };
}

/** Table layout used by every list: thin rules, header row repeated on each page. */
export const LIST_LAYOUT = {
  hLineWidth: (i: number) => (i <= 2 ? 0.8 : 0.3),
  vLineWidth: () => 0.3,
  hLineColor: () => RULE,
  vLineColor: () => RULE,
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

export function title(l: Bilingual, suffix = ''): Content {
  return {
    stack: [
      { text: `${l[0]}${suffix}`, fontSize: 15, bold: true },
      { text: `${l[1]}${suffix}`, fontSize: 11, color: GREY },
    ],
    margin: [0, 0, 0, 8],
  };
}
