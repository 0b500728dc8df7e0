// Reads a round as held now (the exchange rounds' tables, issue 7) into what a manifest prints.
import { ObminError } from '../../../shared/errors';
import type { ManifestEntry, ManifestRound } from '../../../shared/manifest';
import type { Db } from '../vault/database';
import { firstPhotos } from './photos';

interface RoundRow {
  id: string;
  number: number;
  status: string;
  planned_date: string | null;
  actual_date: string | null;
  place: string | null;
  mediators: string;
}
type EntryRow = Record<string, string | number | null>;

const s = (v: string | number | null | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));

/**
 * The fingerprint of the newest exchange package written (HQ) or imported (field site) for a round: the file's SHA-256
 * in groups of four, the same on both sites, so the field team can see their manifest comes from the package HQ made.
 * None when the round never travelled as a package (the manifest says so on every page).
 */
export function packageFingerprintFor(db: Db, roundNumber: number): string | null {
  const sha = db.prepare('SELECT sha256 FROM transfer_files WHERE exchange = ? ORDER BY processed_at DESC, rowid DESC LIMIT 1').pluck().get(roundNumber) as
    string | undefined;
  return sha ? (sha.match(/.{1,4}/g) ?? []).join(' ') : null;
}

export function loadRound(db: Db, number: number): ManifestRound {
  const hasRounds = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'exchange_rounds'").get();
  const r = hasRounds ? (db.prepare('SELECT * FROM exchange_rounds WHERE number = ? AND deleted = 0').get(number) as RoundRow | undefined) : undefined;
  if (!r) throw new ObminError('NOT_FOUND', { what: `exchange ${number}` });
  const rows = db
    .prepare(
      `SELECT e.person_id, e.direction, e.state, p.ref, p.category, p.surname, p.given_name, p.patronymic, p.surname_latin,
              p.given_name_latin, p.patronymic_latin, p.date_of_birth, p.rank, p.unit, p.service_number, p.document_numbers, p.icrc_ref
       FROM exchange_entries e JOIN persons p ON p.id = e.person_id
       WHERE e.round_id = ? AND e.deleted = 0`,
    )
    .all(r.id) as EntryRow[];
  const photos = firstPhotos(
    db,
    rows.map((x) => String(x.person_id)),
  );
  const entries: ManifestEntry[] = rows.map((x) => ({
    personId: String(x.person_id),
    ref: s(x.ref),
    direction: x.direction as ManifestEntry['direction'],
    state: String(x.state),
    category: x.category as ManifestEntry['category'],
    surname: String(x.surname ?? ''),
    givenName: s(x.given_name),
    patronymic: s(x.patronymic),
    surnameLatin: s(x.surname_latin),
    givenNameLatin: s(x.given_name_latin),
    patronymicLatin: s(x.patronymic_latin),
    dateOfBirth: s(x.date_of_birth),
    rank: s(x.rank),
    unit: s(x.unit),
    serviceNumber: s(x.service_number),
    documentNumbers: s(x.document_numbers),
    icrcRef: s(x.icrc_ref),
    photoSha256: photos.get(String(x.person_id)) ?? null,
  }));
  let mediators: string[] = [];
  try {
    const m = JSON.parse(r.mediators) as unknown;
    if (Array.isArray(m)) mediators = m.map(String);
  } catch {
    mediators = [];
  }
  return {
    number: r.number,
    date: r.actual_date ?? r.planned_date,
    place: r.place,
    mediators,
    status: r.status,
    entries,
    packageFingerprint: packageFingerprintFor(db, r.number),
  };
}
