// The field team's exchange package (profile `exchange`, shared/replication/profiles.ts): one round, its people and
// their photos, as change lines cut down to the allowlist, so the field site merges it like any file and its own
// edits come back to HQ as an ordinary changes file.
import { ObminError } from '../../../shared/errors';
import { EXCHANGE_ATTACHMENT_KIND, TABLE_NAMES, toExchange, type Table } from '../../../shared/replication';
import type { Db } from '../vault/database';
import { changesOfRow } from './log';
import { Sites } from './sites';

const BATCH = 64 * 1024;

/** The records of round N the package carries, per table (parents first, as the change lines must arrive). */
/** Records written so far (`records`), and for progress the payload's units done of its total (records or changes). */
export interface PayloadCounter {
  records: number;
  done?: number;
  total?: number;
}

export function exchangeRecords(db: Db, round: number): Map<Table, string[]> {
  const r = db.prepare('SELECT id, source_id FROM exchange_rounds WHERE number = ? AND deleted = 0').get(round) as
    { id: string; source_id: string } | undefined;
  if (!r) throw new ObminError('NOT_FOUND', { round }, 'replication.errors.noRound');
  const ids = (sql: string, ...args: unknown[]) =>
    db
      .prepare(sql)
      .pluck()
      .all(...args) as string[];
  const people = 'SELECT DISTINCT person_id FROM exchange_entries WHERE round_id = ? AND deleted = 0';
  const out = new Map<Table, string[]>([
    ['sources', [r.source_id]],
    ['persons', ids(`SELECT id FROM persons WHERE id IN (${people}) AND deleted = 0 ORDER BY id`, r.id)],
    ['attachments', ids(`SELECT id FROM attachments WHERE person_id IN (${people}) AND kind = ? AND deleted = 0 ORDER BY id`, r.id, EXCHANGE_ATTACHMENT_KIND)],
    ['exchange_rounds', [r.id]],
    ['exchange_entries', ids('SELECT id FROM exchange_entries WHERE round_id = ? ORDER BY id', r.id)],
    ['exchange_entry_states', ids('SELECT id FROM exchange_entry_states WHERE round_id = ? ORDER BY id', r.id)],
  ]);
  return new Map(TABLE_NAMES.filter((t) => out.has(t)).map((t) => [t, out.get(t)!]));
}

/** The package's payload: the profile line, then per record its changes cut to the allowlist (photos' bytes first). */
export function* exchangePayload(db: Db, round: number, counter: PayloadCounter, sitesLine?: string): Generator<Buffer> {
  const records = exchangeRecords(db, round);
  counter.total = [...records.values()].reduce((n, ids) => n + ids.length, 0);
  const sites = new Sites(db);
  // The profile line first (the importer checks every later line against it), then which site is which (transfer/siteCodes.ts).
  let pending: string[] = [`${JSON.stringify({ profile: { name: 'exchange', round } })}\n`, ...(sitesLine ? [sitesLine] : [])];
  let size = 0;
  const push = function* (line: string): Generator<Buffer> {
    pending.push(line);
    size += line.length;
    if (size >= BATCH) {
      yield Buffer.from(pending.join(''), 'utf8');
      pending = [];
      size = 0;
    }
  };
  const blob = db.prepare('SELECT b.sha256, b.bytes, b.thumb FROM attachment_blobs b JOIN attachments a ON a.sha256 = b.sha256 WHERE a.id = ?');
  for (const [tbl, ids] of records) {
    for (const id of ids) {
      if (tbl === 'attachments') {
        const b = blob.get(id) as { sha256: string; bytes: Buffer; thumb: Buffer | null } | undefined;
        if (b) yield* push(`${JSON.stringify({ blob: b.sha256, bytes: b.bytes.toString('base64'), thumb: b.thumb ? b.thumb.toString('base64') : null })}\n`);
      }
      let any = false;
      for (const full of changesOfRow(db, tbl, id, sites)) {
        const c = toExchange(full);
        if (!c) continue;
        any = true;
        yield* push(`${JSON.stringify({ c })}\n`);
      }
      if (any) counter.records++;
      counter.done = (counter.done ?? 0) + 1;
    }
  }
  if (pending.length) yield Buffer.from(pending.join(''), 'utf8');
}
