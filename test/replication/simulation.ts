// A relay topology of in-memory sites making random writes through the real write path and exchanging change batches
// in random order with duplicates, losses and replays; plus an oracle that judges conflicts from what each writer had
// actually seen (recorded by the simulation, not read back from the merge's own `prev`).
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { mergePersons } from '../../electron/core/register/merge';
import { acknowledgements, applyChanges, changesFor, listConflicts, recordAcks, resolveConflict } from '../../electron/core/replication';
import { Sites } from '../../electron/core/replication/sites';
import { DELETED, type Change, type ConflictEntry, type Scalar } from '../../shared/replication';
import { newSite, registerHash, type Site } from './sites';

export type Action =
  | { k: 'create'; site: number; surname: string }
  | { k: 'edit'; site: number; pick: number; field: string; value: Scalar }
  | { k: 'relative'; site: number; pick: number; name: string }
  | { k: 'editRelative'; site: number; pick: number; value: string }
  | { k: 'delete'; site: number; pick: number }
  | { k: 'merge'; site: number; a: number; b: number }
  | { k: 'resolve'; site: number; pick: number; keep: boolean }
  | { k: 'send'; edge: number; back: boolean }
  | { k: 'deliver'; pick: number; keep: boolean }
  | { k: 'lose'; pick: number }
  | { k: 'ack'; edge: number; back: boolean };

export const SITE_NAMES = ['HQ', 'A', 'B', 'F'];
/** HQ relays: A, B and the field laptop F each exchange only with HQ. */
export const EDGES: [number, number][] = [
  [1, 0],
  [2, 0],
  [3, 0],
];
export const PERSON_FIELDS: Record<string, Scalar[]> = {
  unit: ['А1234', 'А5678', 'В0101'],
  rank: ['солдат', 'сержант', null],
  surname: ['Ковальчук', 'Мельник', 'Шевчук'],
  date_of_birth: ['1990', '1991-02', '1985-03-04'],
  notes: ['вигадана примітка', null],
};

interface Write {
  tbl: string;
  row: string;
  fields: Record<string, Scalar>;
  seen: Set<string>;
}

export class Simulation {
  readonly sites: Site[];
  readonly transit: { from: number; to: number; batch: Change[] }[] = [];
  /** Every write ever made, by stamp, with the stamps its site held for that record when it was made. */
  readonly writes = new Map<string, Write>();
  private counter = 0;
  /** Conflicts some site resolved (queue keys, as `conflictsAt` writes them): none may be listed anywhere afterwards. */
  readonly resolved: string[] = [];
  /** How a site applies a batch (a test can wrap it to check each application). */
  apply: (db: Site['db'], batch: Change[]) => void = (db, batch) => void applyChanges(db, batch);

  /** `salt`: record and site ids derived from it, so a run (fast-check seed and path) replays the same way; random without. */
  constructor(private readonly salt: string = crypto.randomUUID()) {
    this.sites = SITE_NAMES.map((n) => newSite(n, this.uuid(`site/${n}`)));
  }

  private uuid(what: string): string {
    const h = crypto.createHash('sha256').update(`${this.salt}/${what}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  close(): void {
    for (const s of this.sites) s.db.close();
  }

  private live(site: Site, tbl: 'persons' | 'relatives'): string[] {
    return site.db.prepare(`SELECT id FROM ${tbl} WHERE deleted = 0 ORDER BY id`).pluck().all() as string[];
  }

  /** n people created at HQ and delivered everywhere first, so that later edits at different sites can collide. */
  seed(n: number): void {
    for (let i = 0; i < n; i++) this.run({ k: 'create', site: 0, surname: 'Ковальчук' });
    if (n) this.settle();
  }

  /** Runs a local action and records, for each change it made, what its site had seen of that record. */
  private local(site: Site, fn: () => void): void {
    const before = site.db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck().get() as number;
    fn();
    const sites = new Sites(site.db);
    const rows = site.db.prepare('SELECT seq, hlc, tbl, row_id, fields FROM change_log WHERE seq > ? ORDER BY seq').all(before) as {
      seq: number;
      hlc: string;
      tbl: string;
      row_id: string;
      fields: string;
    }[];
    const prior = site.db.prepare('SELECT hlc FROM change_log WHERE tbl = ? AND row_id = ? AND seq < ?').pluck();
    for (const r of rows) {
      const seen = new Set((prior.all(r.tbl, r.row_id, r.seq) as string[]).map((h) => sites.full(h)));
      this.writes.set(sites.full(r.hlc), { tbl: r.tbl, row: r.row_id, fields: JSON.parse(r.fields) as Record<string, Scalar>, seen });
    }
  }

  run(a: Action): void {
    switch (a.k) {
      case 'create': {
        const s = this.sites[a.site]!;
        this.local(s, () =>
          s.tx((w) =>
            w.insert(
              'persons',
              this.uuid(`person/${++this.counter}`),
              { ref: `${s.name}-${this.counter}`, surname: a.surname, side: 'ours', category: 'military', status: 'missing' },
              null,
            ),
          ),
        );
        return;
      }
      case 'edit': {
        const s = this.sites[a.site]!;
        const ids = this.live(s, 'persons');
        if (!ids.length) return;
        this.local(s, () => s.tx((w) => w.update('persons', ids[a.pick % ids.length]!, { [a.field]: a.value }, null)));
        return;
      }
      case 'relative': {
        const s = this.sites[a.site]!;
        const ids = this.live(s, 'persons');
        if (!ids.length) return;
        this.local(s, () =>
          s.tx((w) =>
            w.insert('relatives', this.uuid(`relative/${++this.counter}`), { person_id: ids[a.pick % ids.length]!, name: a.name, relation: 'мати' }, null),
          ),
        );
        return;
      }
      case 'editRelative': {
        const s = this.sites[a.site]!;
        const ids = this.live(s, 'relatives');
        if (!ids.length) return;
        this.local(s, () => s.tx((w) => w.update('relatives', ids[a.pick % ids.length]!, { phone: a.value }, null)));
        return;
      }
      case 'delete': {
        const s = this.sites[a.site]!;
        const ids = this.live(s, 'persons');
        if (!ids.length) return;
        this.local(s, () => s.tx((w) => w.tombstone('persons', ids[a.pick % ids.length]!, { action: 'persons.delete' })));
        return;
      }
      case 'merge': {
        const s = this.sites[a.site]!;
        const ids = this.live(s, 'persons');
        if (ids.length < 2) return;
        const keep = ids[a.a % ids.length]!;
        const gone = ids[(a.a + 1 + (a.b % (ids.length - 1))) % ids.length]!;
        this.local(s, () => mergePersons(s.db, s.operator, keep, gone));
        return;
      }
      case 'resolve': {
        // A person keeps one side of a listed conflict; the decision is a local write that travels like any other.
        const s = this.sites[a.site]!;
        const gone = s.db.prepare('SELECT deleted FROM persons WHERE id = ?').pluck();
        const open = listConflicts(s.db, Number.MAX_SAFE_INTEGER).filter((c) => c.field === DELETED || c.tbl !== 'persons' || gone.get(c.row) === 0);
        const c = open[a.pick % Math.max(open.length, 1)];
        if (!c) return;
        this.local(s, () => resolveConflict(s.db, s.operator, c.id, a.keep ? 'mine' : 'theirs'));
        this.resolved.push(keyOf(c));
        return;
      }
      case 'send': {
        const [x, y] = EDGES[a.edge % EDGES.length]!;
        const [from, to] = a.back ? [y, x] : [x, y];
        const batch = [...changesFor(this.sites[from]!.db, this.sites[to]!.id)];
        if (batch.length) this.transit.push({ from, to, batch });
        return;
      }
      case 'deliver': {
        if (!this.transit.length) return;
        const i = a.pick % this.transit.length;
        const f = this.transit[i]!;
        this.apply(this.sites[f.to]!.db, f.batch);
        if (!a.keep) this.transit.splice(i, 1); // kept: delivered again later (a duplicate or a replay)
        return;
      }
      case 'lose':
        if (this.transit.length) this.transit.splice(a.pick % this.transit.length, 1);
        return;
      case 'ack': {
        const [x, y] = EDGES[a.edge % EDGES.length]!;
        const [from, to] = a.back ? [y, x] : [x, y];
        recordAcks(this.sites[from]!.db, this.sites[to]!.id, acknowledgements(this.sites[to]!.db));
        return;
      }
    }
  }

  /** Every file still in flight arrives, then sites exchange until nobody has anything a peer lacks. */
  settle(): void {
    for (const f of this.transit.splice(0)) this.apply(this.sites[f.to]!.db, f.batch);
    for (let round = 0; round < 20; round++) {
      let moved = 0;
      for (const [x, y] of EDGES) {
        for (const [from, to] of [
          [x, y],
          [y, x],
        ] as const) {
          const batch = [...changesFor(this.sites[from]!.db, this.sites[to]!.id)];
          if (batch.length) this.apply(this.sites[to]!.db, batch);
          recordAcks(this.sites[from]!.db, this.sites[to]!.id, acknowledgements(this.sites[to]!.db));
          moved += batch.length;
        }
      }
      if (!moved) return;
    }
    throw new Error('the sites did not settle');
  }

  /** Conflicts from ground truth: per field, the writes no other write of it had seen; the newest shows, the rest differ;
   * and per record the newest latest tombstone against the newest latest write that stands the record. */
  expectedConflicts(): string[] {
    const byRecord = new Map<string, [string, Write][]>();
    for (const [stamp, w] of this.writes) {
      const k = `${w.tbl}/${w.row}`;
      byRecord.set(k, [...(byRecord.get(k) ?? []), [stamp, w]]);
    }
    const out: string[] = [];
    for (const [key, ws] of byRecord) {
      const fields = new Set(ws.flatMap(([, w]) => Object.keys(w.fields)));
      // A record that ends deleted lists no field conflict (they would come back with the record).
      const [tbl, row] = key.split('/') as [string, string];
      const gone = this.sites[0]!.db.prepare(`SELECT deleted FROM ${tbl} WHERE id = ?`).pluck().get(row) === 1;
      for (const f of fields) {
        if (f === DELETED || gone) continue;
        const writers = ws.filter(([, w]) => f in w.fields);
        const maximal = writers.filter(([s]) => !writers.some(([, o]) => o.seen.has(s))).sort(([a], [b]) => (a < b ? -1 : 1));
        const [winStamp, win] = maximal[maximal.length - 1]!;
        for (const [s, w] of maximal.slice(0, -1)) if (w.fields[f] !== win.fields[f]) out.push(`${key}/${f}/${s}/${winStamp}`);
      }
      // Delete against edit: `deleted` is written by a tombstone (1) and implicitly by every other write (0: the record
      // stands). Among the record's latest writes (those no write had seen), a tombstone and a standing write were made
      // without either seeing the other: the newest of each is the conflict, the older of the two listed first.
      const latest = ws.filter(([s]) => !ws.some(([, o]) => o.seen.has(s)));
      const tombs = latest
        .filter(([, w]) => w.fields[DELETED] === 1)
        .map(([s]) => s)
        .sort();
      const standing = latest
        .filter(([, w]) => w.fields[DELETED] === 0 || Object.keys(w.fields).some((f) => f !== DELETED))
        .map(([s]) => s)
        .sort();
      const [tomb, edit] = [tombs[tombs.length - 1], standing[standing.length - 1]];
      if (tomb && edit) out.push(edit < tomb ? `${key}/${DELETED}/${edit}/${tomb}` : `${key}/${DELETED}/${tomb}/${edit}`);
    }
    return out.sort();
  }

  conflictsAt(site: Site): string[] {
    return listConflicts(site.db, Number.MAX_SAFE_INTEGER).map(keyOf).sort();
  }
}

const keyOf = (c: ConflictEntry): string => `${c.tbl}/${c.row}/${c.field}/${c.theirs.stamp}/${c.mine.stamp}`;

export function pendingAt(site: Site): number {
  return site.db.prepare('SELECT count(*) FROM replica_pending').pluck().get() as number;
}

/** After every file is delivered: one register, nothing pending, the ground truth's conflict queue everywhere, and no
 * conflict a site resolved is listed anywhere. */
function check(sim: Simulation): void {
  const hashes = sim.sites.map((s) => registerHash(s.db));
  expect(new Set(hashes).size).toBe(1);
  for (const s of sim.sites) expect(pendingAt(s)).toBe(0);
  const expected = sim.expectedConflicts();
  for (const s of sim.sites) expect(sim.conflictsAt(s)).toEqual(expected);
  for (const s of sim.sites) for (const key of sim.resolved) expect(sim.conflictsAt(s)).not.toContain(key);
}

/** The property: `list`, everything delivered, checked; then `later` (where people resolve the conflicts now listed
 * everywhere, among more work), everything delivered, checked again. */
export function converges(seed: number, list: Action[], salt?: number, later: Action[] = []): void {
  const sim = new Simulation(salt === undefined ? undefined : String(salt));
  try {
    sim.seed(seed);
    for (const a of list) sim.run(a);
    sim.settle();
    check(sim);
    if (!later.length) return;
    for (const a of later) sim.run(a);
    sim.settle();
    check(sim);
  } finally {
    sim.close();
  }
}
