// Sightings: a person seen at a place on a date, as a source reports it, through the Writer.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import type { Sighting, Source } from '../../../shared/register';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import { assertLive, type Row } from './live';
import { getSource } from './sources';

function toSighting(r: Row, source: Source | null): Sighting {
  return {
    id: String(r.id),
    personId: String(r.person_id),
    sourceId: String(r.source_id),
    place: String(r.place),
    date: (r.date as string | null) ?? null,
    note: (r.note as string | null) ?? null,
    createdAt: String(r.created_at),
    source,
  };
}

export function addSighting(
  w: Writer,
  a: { personId: string; sourceId: string; place: string; date?: string | null | undefined; note?: string | null | undefined },
  audit = true,
): Sighting {
  assertLive(w.db, 'persons', a.personId);
  const source = getSource(w.db, a.sourceId);
  if (!source) throw new ObminError('NOT_FOUND', { what: a.sourceId });
  const id = crypto.randomUUID();
  w.insert(
    'sightings',
    id,
    { person_id: a.personId, source_id: a.sourceId, place: a.place, date: a.date ?? null, note: a.note ?? null },
    audit ? { action: 'sightings.add', details: { personId: a.personId } } : null,
  );
  return toSighting(w.db.prepare('SELECT * FROM sightings WHERE id = ?').get(id) as Row, source);
}

export function listSightings(db: Db, personId: string): Sighting[] {
  const rows = db.prepare('SELECT * FROM sightings WHERE person_id = ? AND deleted = 0 ORDER BY date DESC, created_at DESC').all(personId) as Row[];
  return rows.map((r) => toSighting(r, getSource(db, String(r.source_id))));
}
