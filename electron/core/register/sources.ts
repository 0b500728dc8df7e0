// Sources: where a piece of information came from (a list, a call, a document), through the Writer.
import crypto from 'node:crypto';
import type { Source, SourceInput } from '../../../shared/register';
import type { Writer } from '../db/write';
import type { Db } from '../vault/database';
import type { Row } from './live';
import { toSource, toValues } from './mapping';

export function getSource(db: Db, id: string): Source | null {
  const r = db.prepare('SELECT * FROM sources WHERE id = ? AND deleted = 0').get(id) as Row | undefined;
  return r ? toSource(r) : null;
}

export function listSources(db: Db, limit: number, offset: number): Source[] {
  return (db.prepare('SELECT * FROM sources WHERE deleted = 0 ORDER BY created_at DESC, id LIMIT ? OFFSET ?').all(limit, offset) as Row[]).map(toSource);
}

export function createSource(w: Writer, input: SourceInput, audit = true): Source {
  const id = crypto.randomUUID();
  w.insert('sources', id, toValues(input), audit ? { action: 'sources.create', details: { kind: input.kind } } : null);
  return getSource(w.db, id)!;
}
