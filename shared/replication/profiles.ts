// What a transfer file may carry. `full` (site to site): every replicated table and field. `exchange` (the field
// team's package for one round): names in both scripts, dates of birth, photos, physical description and the round's
// lists — never family contacts, sources' contents, notes or other people. Enforced at export and again at import.
import { z } from 'zod';
import { DELETED, type Table } from './tables';

export const PROFILES = ['full', 'exchange'] as const;
export type Profile = (typeof PROFILES)[number];

/** The exchange package's allowlist. The round's own source record travels only as the reference its status changes
 * cite (kind, generic title, grading) — no summary, link or media of any source. */
export const EXCHANGE_FIELDS: Partial<Record<Table, readonly string[]>> = {
  persons: [
    'ref',
    'surname',
    'given_name',
    'patronymic',
    'surname_latin',
    'given_name_latin',
    'patronymic_latin',
    'name_variants',
    'date_of_birth',
    'sex',
    'side',
    'category',
    'status',
    'height_cm',
    'build',
    'eye_colour',
    'hair_colour',
    'distinguishing_marks',
    'created_at',
  ],
  attachments: ['person_id', 'kind', 'mime', 'filename', 'sha256', 'size', 'created_at'],
  sources: ['kind', 'title', 'reliability', 'credibility', 'created_at'],
  exchange_rounds: ['number', 'status', 'planned_date', 'actual_date', 'place', 'source_id', 'created_at'],
  exchange_entries: ['round_id', 'person_id', 'direction', 'state', 'unexpected', 'created_at'],
  exchange_entry_states: ['entry_id', 'round_id', 'from_state', 'to_state', 'kind', 'at', 'operator_id'],
};

/** The attachment kind the package carries (a scan or screenshot may show a document or a relative). */
export const EXCHANGE_ATTACHMENT_KIND = 'photo';

const EXCHANGE = new Map<string, ReadonlySet<string>>(Object.entries(EXCHANGE_FIELDS).map(([t, cols]) => [t, new Set<string>([...cols!, DELETED])]));

export function allowedInExchange(tbl: string, field: string): boolean {
  return EXCHANGE.get(tbl)?.has(field) ?? false;
}

/** A change as the exchange profile lets it travel: forbidden fields (and what they superseded) dropped; null when
 * nothing is left. */
export function toExchange<C extends { tbl: string; fields: Record<string, unknown>; prev: Record<string, string[]> }>(c: C): C | null {
  const fields = Object.fromEntries(Object.entries(c.fields).filter(([f]) => allowedInExchange(c.tbl, f)));
  if (Object.keys(fields).length === 0) return null;
  const prev = Object.fromEntries(Object.entries(c.prev).filter(([f]) => f in fields));
  return { ...c, fields, prev };
}

/** True when a change carries only what the exchange profile allows (checked on every line of an imported package). */
export function fitsExchange(c: { tbl: string; fields: Record<string, unknown> }): boolean {
  if (!Object.keys(c.fields).every((f) => allowedInExchange(c.tbl, f))) return false;
  return !(c.tbl === 'attachments' && 'kind' in c.fields && c.fields.kind !== EXCHANGE_ATTACHMENT_KIND);
}

/** The payload's first line of a profiled file: which profile, and for `exchange` the round's number. */
export const profileLineSchema = z.object({ profile: z.object({ name: z.enum(PROFILES), round: z.number().int().positive().nullable() }).strict() }).strict();
export type ProfileLine = z.infer<typeof profileLineSchema>;
