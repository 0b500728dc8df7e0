// Pure rules of a manifest: who is printed, in which section and order, what the data code covers, what changed.
import { ukSortKey, type Category } from '../register';
import type { DocRequest, ListDirection, ManifestDifference, ManifestDirection, ManifestEntry, ManifestRound } from './schemas';

/** Entries that are no longer part of the deal are not printed (and not counted). */
export const NOT_PRINTED_STATES: ReadonlySet<string> = new Set(['withdrawn', 'rejected_by_counterpart']);
export const SECTION_CATEGORIES: readonly Category[] = ['military', 'civilian', 'remains', 'other'];
export const DIRECTIONS: readonly ListDirection[] = ['receive', 'give'];

export interface Section {
  direction: ListDirection;
  category: Category;
  entries: ManifestEntry[];
}

export function printedEntries(round: Pick<ManifestRound, 'entries'>): ManifestEntry[] {
  return round.entries.filter((e) => !NOT_PRINTED_STATES.has(e.state));
}

const nameKey = (e: ManifestEntry) => [
  ukSortKey(e.surname) ?? '',
  ukSortKey(e.givenName) ?? '',
  ukSortKey(e.patronymic) ?? '',
  e.dateOfBirth ?? '',
  e.personId,
];

/** Ukrainian alphabetical order (the register's uk_sort), then date of birth, then id so ties are stable. */
export function compareEntries(a: ManifestEntry, b: ManifestEntry): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}

/** Sections per direction, then category; categories with nobody are left out (an empty direction keeps one empty section). */
export function sections(round: Pick<ManifestRound, 'entries'>, direction: ManifestDirection): Section[] {
  const dirs = direction === 'both' ? DIRECTIONS : [direction];
  const live = printedEntries(round);
  const out: Section[] = [];
  for (const d of dirs) {
    const mine = live.filter((e) => e.direction === d);
    const before = out.length;
    for (const c of SECTION_CATEGORIES) {
      const es = mine.filter((e) => e.category === c).sort(compareEntries);
      if (es.length) out.push({ direction: d, category: c, entries: es });
    }
    if (out.length === before) out.push({ direction: d, category: 'military', entries: [] });
  }
  return out;
}

/** The fields a printed code vouches for, per entry (the photo is not: a re-scanned photo is not a different person). */
export const CODED_FIELDS = [
  'ref',
  'direction',
  'state',
  'category',
  'surname',
  'givenName',
  'patronymic',
  'surnameLatin',
  'givenNameLatin',
  'patronymicLatin',
  'dateOfBirth',
  'rank',
  'unit',
  'serviceNumber',
  'documentNumbers',
  'icrcRef',
] as const satisfies readonly (keyof ManifestEntry)[];
export const CODED_HEADER = ['number', 'date', 'place', 'mediators'] as const;

export interface Snapshot {
  header: { number: number; date: string | null; place: string | null; mediators: string[] };
  entries: Pick<ManifestEntry, 'personId' | (typeof CODED_FIELDS)[number]>[];
}

/** What a code is computed over: the round's header and every printed entry, in a canonical order. */
export function snapshotOf(round: ManifestRound): Snapshot {
  const entries = printedEntries(round)
    .map((e) => {
      const o: Record<string, unknown> = { personId: e.personId };
      for (const f of CODED_FIELDS) o[f] = e[f];
      return o as Snapshot['entries'][number];
    })
    .sort((a, b) => (a.direction + a.personId < b.direction + b.personId ? -1 : a.direction + a.personId > b.direction + b.personId ? 1 : 0));
  return { header: { number: round.number, date: round.date, place: round.place, mediators: [...round.mediators] }, entries };
}

/** Canonical JSON (fixed key order) of a snapshot; the core hashes these bytes. */
export function canonicalSnapshot(s: Snapshot): string {
  const h = s.header;
  const rows = s.entries.map((e) => [e.personId, ...CODED_FIELDS.map((f) => e[f] ?? null)]);
  return JSON.stringify(['obmin-manifest-1', [h.number, h.date, h.place, h.mediators], rows]);
}

const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U — easy to read aloud and type

/** "R68-7KQ2-M9XD-3FA0-PT1C": the round number, then 80 bits of the digest in four groups. */
export function formatCode(round: number, digest: Uint8Array): string {
  let bits = 0;
  let acc = 0;
  let s = '';
  for (let i = 0; i < 10; i++) {
    acc = (acc << 8) | digest[i]!;
    bits += 8;
    while (bits >= 5) {
      s += B32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return `R${round}-${s.match(/.{4}/g)!.join('-')}`;
}

/** Accepts lower case, spaces, missing dashes, and O/I/L typed for 0/1/1; null when it is not a code at all. */
export function normaliseCode(input: string): { code: string; round: number } | null {
  const s = input
    .toUpperCase()
    .replace(/[\s_–—-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const m = /^R(\d{1,6})([0-9A-HJKMNP-TV-Z]{16})$/.exec(s);
  if (!m) return null;
  const round = Number(m[1]);
  const body = m[2]!;
  return { code: `R${round}-${body.match(/.{4}/g)!.join('-')}`, round };
}

export function fullName(e: Pick<ManifestEntry, 'surname' | 'givenName' | 'patronymic'>): string {
  return [e.surname, e.givenName, e.patronymic].filter(Boolean).join(' ');
}

/** Entry by entry: who was added or removed since the snapshot, and which coded fields changed. */
export function diffSnapshots(then: Snapshot, now: Snapshot): { header: string[]; entries: ManifestDifference[] } {
  const header = CODED_HEADER.filter((k) => JSON.stringify(then.header[k]) !== JSON.stringify(now.header[k]));
  const key = (e: Snapshot['entries'][number]) => `${e.direction}:${e.personId}`;
  const a = new Map(then.entries.map((e) => [key(e), e]));
  const b = new Map(now.entries.map((e) => [key(e), e]));
  const out: ManifestDifference[] = [];
  const item = (e: Snapshot['entries'][number], change: ManifestDifference['change'], fields: string[]): ManifestDifference => ({
    personId: e.personId,
    ref: e.ref,
    name: fullName(e),
    direction: e.direction,
    change,
    fields,
  });
  for (const [k, e] of a) {
    const n = b.get(k);
    if (!n) out.push(item(e, 'removed', []));
    else {
      const fields = CODED_FIELDS.filter((f) => (e[f] ?? null) !== (n[f] ?? null));
      if (fields.length) out.push(item(n, 'changed', fields));
    }
  }
  for (const [k, e] of b) if (!a.has(k)) out.push(item(e, 'added', []));
  return { header, entries: out };
}

/** The name the save dialog offers (the operator may change it; the page never gives a path). */
export function suggestedFileName(req: DocRequest): string {
  if (req.kind === 'manifest') return `manifest-${req.exchange}-${req.variant}-${req.direction}.pdf`;
  return `${req.kind === 'dossier' ? 'dossier' : 'list'}-${req.kind === 'dossier' ? req.personId.slice(0, 8) : req.listId.slice(0, 8)}.pdf`;
}
