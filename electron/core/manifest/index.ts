// Printed documents: the round's manifest, a person's dossier, an intake list's report — made, and when they leave
// the workstation (printed, saved, written by the CLI), recorded with their code (docs/manifest.md).
import { snapshotOf, type DocRequest, type OutputAction, type PdfDocument, type Snapshot } from '../../../shared/manifest';
import { ObminError } from '../../../shared/errors';
import { getList, listEntries } from '../lists';
import { personDetail } from '../register/detail';
import { findPerson } from '../register/persons';
import { documentDate } from '../pdf/render';
import type { Db } from '../vault/database';
import { manifestPdf } from './document';
import { dossierPdf } from './dossier';
import { listReportPdf } from './listReport';
import { firstPhotos, photoBytes } from './photos';
import { recordPrint } from './prints';
import { loadRound } from './round';

export { checkCode, recordPrint } from './prints';
export { loadRound } from './round';
export { manifestPdf } from './document';

export interface MadeDocument {
  bytes: Buffer;
  pages: number;
  code: string;
  fileName: string;
  snapshot: Snapshot | null;
}

const safe = (s: string) =>
  s
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || 'document';

export async function makeDocument(db: Db, req: DocRequest, date = documentDate()): Promise<MadeDocument> {
  if (req.kind === 'manifest') {
    const round = loadRound(db, req.exchange);
    const photos =
      req.variant === 'full'
        ? photoBytes(
            db,
            round.entries.flatMap((e) => (e.photoSha256 ? [e.photoSha256] : [])),
          )
        : undefined;
    const r = await manifestPdf(round, { variant: req.variant, direction: req.direction, date, ...(photos ? { photos } : {}) });
    return {
      bytes: r.bytes,
      pages: r.pages,
      code: r.code,
      fileName: `manifest-${round.number}-${req.variant}-${req.direction}.pdf`,
      snapshot: snapshotOf(round),
    };
  }
  if (req.kind === 'dossier') {
    const d = personDetail(db, req.personId, false);
    const sha = firstPhotos(db, [d.person.id]).get(d.person.id);
    const photo = sha ? (photoBytes(db, [sha]).get(sha) ?? null) : null;
    const r = await dossierPdf(d, photo, date);
    return { ...r, fileName: `dossier-${safe(d.person.ref ?? d.person.surname)}.pdf`, snapshot: null };
  }
  const list = getList(db, req.listId);
  const entries = listEntries(db, req.listId, 0, 1_000_000);
  const name = (id: string) => {
    const p = findPerson(db, id);
    return p ? [p.ref ? `${p.ref}:` : null, p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ') : null;
  };
  const r = await listReportPdf(list, entries, name, date);
  return { ...r, fileName: `list-${safe(list.title)}.pdf`, snapshot: null };
}

export function toPdfDocument(d: MadeDocument): PdfDocument {
  return { pdfBase64: d.bytes.toString('base64'), code: d.code, pages: d.pages, bytes: d.bytes.length, fileName: d.fileName };
}

/** Makes the document and records that it left the workstation, in one step: what is audited is what was output. */
export async function outputDocument(db: Db, operatorId: string | null, req: DocRequest, action: OutputAction): Promise<MadeDocument> {
  const d = await makeDocument(db, req);
  if (!d.pages) throw new ObminError('INTERNAL');
  recordPrint(db, operatorId, {
    kind: req.kind,
    action,
    code: d.code,
    pages: d.pages,
    bytes: d.bytes,
    snapshot: d.snapshot,
    roundNumber: req.kind === 'manifest' ? req.exchange : null,
    variant: req.kind === 'manifest' ? req.variant : null,
    direction: req.kind === 'manifest' ? req.direction : null,
    target: req.kind === 'dossier' ? req.personId : req.kind === 'list' ? req.listId : `exchange ${req.exchange}`,
  });
  return d;
}
