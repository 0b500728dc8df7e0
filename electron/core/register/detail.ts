// A person with everything around them, for the person page.
import { withoutFamily, type PersonDetail, type Source, type StatusChange } from '../../../shared/register';
import type { Scalar } from '../db/write';
import type { Db } from '../vault/database';
import { livePerson } from './persons';
import { listAttachments } from './attachments';
import { listRelatives } from './relatives';
import { listSightings } from './sightings';
import { getSource } from './sources';

export function statusHistory(db: Db, personId: string): StatusChange[] {
  const rows = db.prepare('SELECT * FROM status_changes WHERE person_id = ? AND deleted = 0 ORDER BY at DESC').all(personId) as Record<string, Scalar>[];
  return rows.map((r) => ({
    id: String(r.id),
    personId,
    fromStatus: (r.from_status as StatusChange['fromStatus']) ?? null,
    toStatus: r.to_status as StatusChange['toStatus'],
    sourceId: String(r.source_id),
    source: getSource(db, String(r.source_id)),
    at: String(r.at),
    note: (r.note as string | null) ?? null,
    operatorId: (r.operator_id as string | null) ?? null,
  }));
}

/** `withFamily` false (no family.read) leaves relatives and their contacts out entirely, and the family fields null. */
export function personDetail(db: Db, id: string, withFamily: boolean): PersonDetail {
  const person = livePerson(db, id);
  const sightings = listSightings(db, id);
  const history = statusHistory(db, id);
  const attachments = listAttachments(db, id);
  const sources = new Map<string, Source>();
  for (const s of [...sightings.map((x) => x.source), ...history.map((x) => x.source)]) if (s) sources.set(s.id, s);
  for (const a of attachments) {
    const s = a.sourceId ? getSource(db, a.sourceId) : null;
    if (s) sources.set(s.id, s);
  }
  return {
    person: withFamily ? person : withoutFamily(person),
    sources: [...sources.values()],
    sightings,
    relatives: withFamily ? listRelatives(db, id) : null,
    attachments,
    statusHistory: history,
  };
}
