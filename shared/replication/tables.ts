// The replicated tables and their writable columns: the one allowlist that the write path, the change schema and the
// apply step all read (tables and columns never come from a file). id, updated_at and deleted are handled apart.
import { PERSON_COLUMNS } from '../register/columns';

export const TABLES = {
  persons: [...PERSON_COLUMNS, 'created_at'],
  sources: ['kind', 'title', 'summary', 'reliability', 'credibility', 'received_date', 'url', 'platform', 'captured_at', 'media_sha256', 'created_at'],
  sightings: ['person_id', 'source_id', 'place', 'date', 'note', 'created_at'],
  relatives: ['person_id', 'name', 'relation', 'phone', 'address', 'consent', 'consent_date', 'dna_lab_ref', 'notes', 'created_at'],
  contact_log: ['relative_id', 'at', 'channel', 'kind', 'summary', 'operator_id'],
  attachments: ['person_id', 'kind', 'mime', 'filename', 'caption', 'source_id', 'sha256', 'size', 'created_at'],
  status_changes: ['person_id', 'from_status', 'to_status', 'source_id', 'at', 'note', 'operator_id'],
  exchange_rounds: [
    'number',
    'status',
    'planned_date',
    'actual_date',
    'place',
    'mediators',
    'source_id',
    'totals_json',
    'summary_uk',
    'summary_en',
    'closed_at',
    'created_at',
  ],
  exchange_entries: ['round_id', 'person_id', 'direction', 'state', 'unexpected', 'created_at'],
  exchange_entry_states: ['entry_id', 'round_id', 'from_state', 'to_state', 'kind', 'at', 'operator_id'],
  exchange_proposals: ['round_id', 'version', 'kind', 'mediator', 'list_ids', 'lines_json', 'diff_json', 'frozen_at', 'created_at'],
  exchange_tasks: ['round_id', 'person_id', 'reason', 'done_at', 'contact_id', 'created_at'],
} as const satisfies Record<string, readonly string[]>;
export type Table = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as Table[];

/** The tombstone field: every replicated table has it; only the write path's delete (1) writes it. */
export const DELETED = 'deleted';

const ALLOWED = new Map<string, ReadonlySet<string>>(Object.entries(TABLES).map(([t, cols]) => [t, new Set<string>([...cols, DELETED])]));

/** A field a change may carry for this table: an allowlisted column or the tombstone. */
export function isReplicatedField(tbl: string, field: string): boolean {
  return ALLOWED.get(tbl)?.has(field) ?? false;
}

export function isTable(tbl: string): tbl is Table {
  return ALLOWED.has(tbl);
}
