// Between the IPC shapes (camelCase, booleans, arrays) and the database columns (snake_case, 0/1, JSON text).
import type { Person, PersonFields, Source, SourceInput } from '../../../shared/register';
import { camelCase as camel, snakeCase as snake } from '../../../shared/register/columns';
import type { Scalar, Values } from '../db/write';

function scalar(v: unknown): Scalar | undefined {
  if (v === undefined) return undefined;
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return JSON.stringify(v);
  if (typeof v === 'string') return v.length === 0 ? null : v;
  if (typeof v === 'number') return v;
  return String(v);
}

/** Fields present in the input become columns; absent ones are left alone (an update patch). */
export function toValues(input: Record<string, unknown>): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(input)) {
    const s = scalar(v);
    if (s !== undefined) out[snake(k)] = s;
  }
  return out;
}

export type PersonDbRow = Record<string, Scalar>;

const BOOL_PERSON = new Set(['seriouslyWounded', 'deleted']);

export function toPerson(r: PersonDbRow): Person {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'rowid') continue;
    const c = camel(k);
    if (BOOL_PERSON.has(c)) out[c] = v === 1;
    else if (c === 'nameVariants') out[c] = JSON.parse(String(v ?? '[]')) as string[];
    else out[c] = v;
  }
  return out as Person;
}

export function toSource(r: Record<string, Scalar>): Source {
  return {
    id: String(r.id),
    kind: r.kind as Source['kind'],
    title: String(r.title),
    summary: (r.summary as string | null) ?? null,
    reliability: r.reliability as Source['reliability'],
    credibility: Number(r.credibility),
    receivedDate: (r.received_date as string | null) ?? null,
    url: (r.url as string | null) ?? null,
    platform: (r.platform as string | null) ?? null,
    capturedAt: (r.captured_at as string | null) ?? null,
    mediaSha256: (r.media_sha256 as string | null) ?? null,
    createdAt: String(r.created_at),
  };
}

export type PersonValuesInput = Partial<PersonFields> | SourceInput;
