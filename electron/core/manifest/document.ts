// The manifest PDF: header, per-direction and per-category sections with numbered people and totals, signatures,
// and on every page "сторінка N з M", the data code and its QR (docs/manifest.md).
import {
  both,
  CATEGORY_LABELS,
  L,
  sections,
  type ManifestDirection,
  type ManifestEntry,
  type ManifestRound,
  type ManifestVariant,
  type Section,
} from '../../../shared/manifest';
import { translate } from '../../../shared/i18n';
import { label, LIST_LAYOUT, pageFooter, pageHeader, signatureBlocks, tickBox, GREY } from '../pdf/blocks';
import { qrSvg } from '../pdf/qr';
import { renderPdf, type Content } from '../pdf/render';
import { manifestCode } from './code';
import { cellText, join } from './text';

export interface ManifestOptions {
  variant: ManifestVariant;
  direction: ManifestDirection;
  date: Date;
  /** Photos by SHA-256 (full variant): bytes ready to embed, or null when missing or unusable. */
  photos?: ReadonlyMap<string, Buffer | null>;
}

/** A mediator's code ("uae") printed in both languages ("ОАЕ / UAE"); anything unknown as it was stored. */
export function mediatorName(code: string): string {
  const uk = translate('uk', `exchanges.mediator.${code}`);
  const en = translate('en', `exchanges.mediator.${code}`);
  return uk.startsWith('exchanges.') ? code : `${uk} / ${en}`;
}

const VARIANT_LABEL = { field: L.variantField, full: L.variantFull, mediator: L.variantMediator } as const;
const DIRECTION_LABEL = { receive: L.receive, give: L.give } as const;

function rankUnit(e: ManifestEntry): string {
  const service = join(e.rank, e.unit, e.serviceNumber ? `№ ${e.serviceNumber}` : null);
  return service || e.documentNumbers || '—';
}

function nameCell(e: ManifestEntry): Content {
  return {
    stack: [
      cellText(join(e.surname.toLocaleUpperCase('uk'), e.givenName, e.patronymic), { bold: true, fontSize: 9 }),
      cellText(join(e.surnameLatin?.toUpperCase(), e.givenNameLatin, e.patronymicLatin) || null, { color: GREY }),
    ],
  };
}

function photoCell(e: ManifestEntry, photos: ReadonlyMap<string, Buffer | null> | undefined): Content {
  const bytes = e.photoSha256 ? photos?.get(e.photoSha256) : null;
  if (!bytes) return { text: both(e.photoSha256 ? L.photoUnavailable : L.noPhoto), fontSize: 6, color: GREY };
  return { image: `photo-${e.photoSha256}`, fit: [48, 60] };
}

function columns(variant: ManifestVariant): { widths: (number | string)[]; head: Content[] } {
  const h = (l: readonly [string, string]) => label(l);
  if (variant === 'mediator') return { widths: [24, '*', 64, 96], head: [h(L.no), h(L.name), h(L.dob), h(L.category)] };
  const base = [h(L.no), { text: '', border: [true, true, true, true] }];
  if (variant === 'full') return { widths: [22, 14, 52, '*', 56, 104, 56], head: [...base, h(L.photo), h(L.name), h(L.dob), h(L.rankUnit), h(L.icrc)] };
  return { widths: [22, 14, '*', 58, 124, 62], head: [...base, h(L.name), h(L.dob), h(L.rankUnit), h(L.icrc)] };
}

function row(e: ManifestEntry, n: number, o: ManifestOptions): Content[] {
  const no = { text: String(n), alignment: 'right' };
  const dob = cellText(e.dateOfBirth);
  if (o.variant === 'mediator') return [no, nameCell(e), dob, { text: both(CATEGORY_LABELS[e.category]), fontSize: 7.5 }];
  const tail = [nameCell(e), dob, cellText(rankUnit(e)), cellText(e.icrcRef)];
  return [no, tickBox(), ...(o.variant === 'full' ? [photoCell(e, o.photos)] : []), ...tail];
}

function sectionBlock(s: Section, o: ManifestOptions, showDirection: boolean): Content[] {
  const { widths, head } = columns(o.variant);
  const heading: Content = {
    margin: [0, 10, 0, 4],
    stack: [
      ...(showDirection ? [{ text: both(DIRECTION_LABEL[s.direction]), fontSize: 12, bold: true, margin: [0, 0, 0, 2] }] : []),
      { text: `${both(CATEGORY_LABELS[s.category])} — ${s.entries.length}`, fontSize: 10.5, bold: true },
    ],
  };
  if (!s.entries.length) return [heading, { text: both(L.empty), italics: true, color: GREY, margin: [0, 4, 0, 4] }];
  // Repeated with the column labels at the top of every page the section runs onto, so a loose page says what it is.
  const caption = widths.map((_, i) =>
    i === 0 ? { text: `${both(DIRECTION_LABEL[s.direction])} · ${both(CATEGORY_LABELS[s.category])}`, colSpan: widths.length, fontSize: 7.5, color: GREY } : {},
  );
  const body = [caption, head, ...s.entries.map((e, i) => row(e, i + 1, o))];
  const total: Content = { text: `${both(L.sectionTotal)}: ${s.entries.length}`, bold: true, alignment: 'right', margin: [0, 3, 0, 0] };
  return [heading, { table: { headerRows: 2, dontBreakRows: true, widths, body }, layout: LIST_LAYOUT }, total];
}

function headerBlock(r: ManifestRound, o: ManifestOptions, code: string): Content {
  const v = VARIANT_LABEL[o.variant];
  const cell = (l: readonly [string, string], value: string) => ({ stack: [label(l), { text: value || '—', fontSize: 10, bold: true, margin: [0, 1, 0, 0] }] });
  return {
    stack: [
      { text: `${L.manifest[0]} · ${L.round[0]} ${r.number}`, fontSize: 16, bold: true },
      { text: `${L.manifest[1]} · ${L.round[1]} ${r.number} · ${v[0]} / ${v[1]}`, fontSize: 10.5, color: GREY, margin: [0, 0, 0, 6] },
      {
        columns: [
          { width: 70, ...cell(L.date, r.date ?? '') },
          { width: '*', ...cell(L.place, r.place ?? '') },
          { width: '*', ...cell(L.mediator, r.mediators.map(mediatorName).join(', ')) },
          { width: 150, ...cell(L.code, code) },
        ],
        columnGap: 10,
      },
    ],
    margin: [0, 0, 0, 4],
  };
}

function totalsBlock(secs: Section[]): Content {
  const rows: Content[][] = [];
  for (const d of ['receive', 'give'] as const) {
    const mine = secs.filter((s) => s.direction === d);
    if (!mine.length) continue;
    const parts = mine.filter((s) => s.entries.length).map((s) => `${CATEGORY_LABELS[s.category][0]} / ${CATEGORY_LABELS[s.category][1]}: ${s.entries.length}`);
    const n = mine.reduce((a, s) => a + s.entries.length, 0);
    rows.push([
      { text: both(DIRECTION_LABEL[d]), bold: true },
      { text: parts.join('; ') || '—' },
      { text: `${both(L.total)}: ${n}`, bold: true, alignment: 'right' },
    ]);
  }
  return { margin: [0, 10, 0, 0], table: { widths: [150, '*', 90], body: rows }, layout: LIST_LAYOUT, unbreakable: true };
}

/** Builds the manifest's PDF; the code covers the round's whole content as held, whatever the variant prints. */
export async function manifestPdf(round: ManifestRound, o: ManifestOptions): Promise<{ bytes: Buffer; pages: number; code: string; people: number }> {
  const code = manifestCode(round);
  const secs = sections(round, o.direction);
  const showDirection = (s: Section, i: number) => i === 0 || secs[i - 1]!.direction !== s.direction;
  const images: Record<string, string> = {};
  if (o.variant === 'full' && o.photos) {
    for (const [sha, bytes] of o.photos)
      if (bytes) images[`photo-${sha}`] = `data:image/${bytes[0] === 0x89 ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`;
  }
  const svg = await qrSvg(`OBMIN-MANIFEST:${code}`);
  const pkg = round.packageFingerprint ? `${both(L.package)}: ${round.packageFingerprint}` : `${both(L.package)}: ${both(L.noPackage)}`;
  const headLine = `${L.round[0]} ${round.number} / ${L.round[1]} ${round.number} · ${round.date ?? '—'} · ${round.place ?? '—'} · ${round.mediators.map(mediatorName).join(', ') || '—'}`;
  const content: Content[] = [headerBlock(round, o, code), ...secs.flatMap((s, i) => sectionBlock(s, o, showDirection(s, i))), totalsBlock(secs)];
  content.push(signatureBlocks([L.handing, L.receiving, L.witness]));
  const { bytes, pages } = await renderPdf(
    { content, images, header: pageHeader(headLine), footer: pageFooter({ code, qr: code, qrSvg: svg, extra: pkg }) },
    { title: `${L.manifest[0]} ${round.number} (${o.variant})`, subject: code, date: o.date },
  );
  return { bytes, pages, code, people: secs.reduce((a, s) => a + s.entries.length, 0) };
}
