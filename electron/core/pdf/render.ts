// Turns a document definition into PDF bytes: embedded fonts only, no file or URL access, fixed dates when asked.
import pdfmake from 'pdfmake';
import { loadFonts } from './fonts';

let ready = false;

function setUp(): void {
  if (ready) return;
  const fonts = loadFonts();
  pdfmake.virtualfs.writeFileSync('obmin-regular.ttf', fonts.normal);
  pdfmake.virtualfs.writeFileSync('obmin-bold.ttf', fonts.bold);
  pdfmake.setFonts({ Noto: { normal: 'obmin-regular.ttf', bold: 'obmin-bold.ttf', italics: 'obmin-regular.ttf', bolditalics: 'obmin-bold.ttf' } });
  // A document is built only from what the core hands it: nothing is fetched, nothing read from disk by name.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

/** SOURCE_DATE_EPOCH (seconds) fixes the creation date — and so the PDF's ID, which pdfkit derives from it. */
export function documentDate(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Date {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw && /^\d{1,12}$/.test(raw)) return new Date(Number(raw) * 1000);
  return now();
}

export interface RenderMeta {
  title: string;
  subject: string;
  date: Date;
}

export type Content = unknown;
export interface DocDefinition {
  content: Content[];
  header?: (page: number, pages: number) => Content;
  footer?: (page: number, pages: number) => Content;
  pageMargins?: [number, number, number, number];
  pageOrientation?: 'portrait' | 'landscape';
  images?: Record<string, string>;
  styles?: Record<string, unknown>;
}

export async function renderPdf(doc: DocDefinition, meta: RenderMeta): Promise<{ bytes: Buffer; pages: number }> {
  setUp();
  let pages = 0;
  const footer = doc.footer;
  const def = {
    pageSize: 'A4',
    pageOrientation: doc.pageOrientation ?? 'portrait',
    pageMargins: doc.pageMargins ?? [36, 56, 36, 72],
    version: '1.4',
    compress: true,
    info: { title: meta.title, subject: meta.subject, author: 'Obmin', creator: 'Obmin', producer: 'Obmin', creationDate: meta.date, modDate: meta.date },
    defaultStyle: { font: 'Noto', fontSize: 8.5, lineHeight: 1.1 },
    styles: doc.styles ?? {},
    images: doc.images ?? {},
    content: doc.content,
    header: doc.header,
    footer: (page: number, total: number) => {
      pages = total;
      return footer ? footer(page, total) : null;
    },
  };
  const bytes = await pdfmake.createPdf(def).getBuffer();
  return { bytes, pages };
}
