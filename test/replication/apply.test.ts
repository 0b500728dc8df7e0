import { describe, expect, it } from 'vitest';
import { acknowledgements, applyChanges, changesFor, countFor, listConflicts, recordAcks, resolveConflict } from '../../electron/core/replication';
import { formatStamp, MAX_DRIFT_MS } from '../../shared/hlc';
import { newSite, registerHash, type Site } from './sites';

const send = (from: Site, to: Site) => {
  const batch = [...changesFor(from.db, to.id)];
  const r = applyChanges(to.db, batch);
  recordAcks(from.db, to.id, acknowledgements(to.db));
  return { batch, r };
};
const tick = () => {
  const until = Date.now() + 3;
  while (Date.now() < until);
};
const person = (s: Site, id: string) => s.db.prepare('SELECT * FROM persons WHERE id = ?').get(id) as Record<string, unknown>;
const create = (s: Site, id: string) =>
  s.tx((w) =>
    w.insert(
      'persons',
      id,
      { ref: `${s.name}-1`, surname: 'Ковальчук', side: 'ours', category: 'military', status: 'missing', unit: 'А1', date_of_birth: '1990' },
      null,
    ),
  );

describe('applying changes from other sites', () => {
  it('relays A’s change through HQ to B with its origin and stamp; a duplicate or replay is a no-op', () => {
    const [a, hq, b] = [newSite('A'), newSite('HQ'), newSite('B')];
    create(a, 'p1');
    const first = send(a, hq);
    expect(first.r).toMatchObject({ received: 1, applied: 1, duplicates: 0, pending: 0 });
    const relayed = send(hq, b);
    expect(relayed.batch[0]).toMatchObject({ origin: a.id, seq: 1, stamp: first.batch[0]!.stamp });
    expect(person(b, 'p1')).toMatchObject({ surname: 'Ковальчук', unit: 'А1' });
    const before = registerHash(b.db);
    expect(applyChanges(b.db, relayed.batch)).toMatchObject({ applied: 0, duplicates: 1 });
    expect(applyChanges(b.db, first.batch)).toMatchObject({ applied: 0, duplicates: 1 });
    expect(registerHash(b.db)).toBe(before);
    // Acknowledged: A has nothing more for HQ; once HQ's acknowledgement reaches B, B does not send A's change back.
    expect(countFor(a.db, hq.id)).toBe(0);
    expect(countFor(b.db, hq.id)).toBe(1);
    recordAcks(b.db, hq.id, acknowledgements(hq.db));
    expect(countFor(b.db, hq.id)).toBe(0);
  });

  it('keeps both edits when two sites change different fields of one person; same field: newest shown, other kept on every site', () => {
    const [a, hq] = [newSite('A'), newSite('HQ')];
    create(hq, 'p1');
    send(hq, a);
    a.tx((w) => w.update('persons', 'p1', { unit: 'А2', rank: 'сержант' }, null));
    tick(); // HQ's edit is the newer one by the clock
    hq.tx((w) => w.update('persons', 'p1', { date_of_birth: '1991-02-03', rank: 'солдат' }, null));
    send(a, hq);
    send(hq, a);
    for (const s of [a, hq]) expect(person(s, 'p1')).toMatchObject({ unit: 'А2', date_of_birth: '1991-02-03', rank: 'солдат' });
    const [ca, chq] = [listConflicts(a.db), listConflicts(hq.db)];
    expect(ca).toHaveLength(1);
    expect(ca[0]).toMatchObject({ field: 'rank', ref: 'HQ-1', mine: { value: 'солдат', site: hq.id }, theirs: { value: 'сержант', site: a.id } });
    expect(chq.map((c) => [c.field, c.mine.stamp, c.theirs.stamp])).toEqual(ca.map((c) => [c.field, c.mine.stamp, c.theirs.stamp]));
    // The person at A keeps A's value; the resolution is an edit that travels and closes the conflict on both sites.
    resolveConflict(a.db, a.operator, ca[0]!.id, 'theirs');
    send(a, hq);
    for (const s of [a, hq]) {
      expect(person(s, 'p1').rank).toBe('сержант');
      expect(listConflicts(s.db)).toEqual([]);
    }
    expect(registerHash(a.db)).toBe(registerHash(hq.db));
  });

  it('holds a change that arrives before the record it edits, and applies it when the record comes', () => {
    const [a, hq] = [newSite('A'), newSite('HQ')];
    create(a, 'p1');
    const createBatch = [...changesFor(a.db, hq.id)];
    a.tx((w) => w.update('persons', 'p1', { unit: 'А9' }, null));
    const editOnly = [...changesFor(a.db, hq.id)].filter((c) => c.seq === 2);
    expect(applyChanges(hq.db, editOnly)).toMatchObject({ applied: 1, pending: 1 });
    expect(person(hq, 'p1')).toBeUndefined();
    expect(acknowledgements(hq.db)[a.id]).toBeUndefined(); // a gap: nothing of A acknowledged, so A sends it all again
    expect(applyChanges(hq.db, createBatch)).toMatchObject({ applied: 1, pending: 0 });
    expect(person(hq, 'p1')).toMatchObject({ unit: 'А9' });
    expect(acknowledgements(hq.db)[a.id]).toBe(2);
  });

  it('refuses a whole batch stamped too far in the future, and changes nothing', () => {
    const [a, hq] = [newSite('A'), newSite('HQ')];
    create(a, 'p1');
    const ok = [...changesFor(a.db, hq.id)][0]!;
    const ahead = formatStamp({ millis: Date.now() + MAX_DRIFT_MS + 60_000, counter: 0, site: a.id });
    const before = registerHash(hq.db);
    expect(() => applyChanges(hq.db, [ok, { ...ok, seq: 2, row: 'p2', stamp: ahead }])).toThrow(
      expect.objectContaining({ messageKey: 'replication.errors.clockAhead' }),
    );
    expect(registerHash(hq.db)).toBe(before);
    expect(hq.db.prepare('SELECT count(*) FROM change_log').pluck().get()).toBe(0);
  });

  it('refuses a change whose origin sequence names a different change (a forged or corrupted relay)', () => {
    const [a, hq] = [newSite('A'), newSite('HQ')];
    create(a, 'p1');
    const c = [...changesFor(a.db, hq.id)][0]!;
    applyChanges(hq.db, [c]);
    expect(() => applyChanges(hq.db, [{ ...c, row: 'other' }])).toThrow(expect.objectContaining({ messageKey: 'replication.errors.sequenceClash' }));
  });

  it('a delete wins over an older edit and loses to a newer one made without seeing it', () => {
    const [a, hq, b] = [newSite('A'), newSite('HQ'), newSite('B')];
    create(hq, 'p1');
    send(hq, a);
    send(hq, b);
    a.tx((w) => w.update('persons', 'p1', { unit: 'А2' }, null));
    tick();
    hq.tx((w) => w.tombstone('persons', 'p1', { action: 'persons.delete' }));
    send(a, hq);
    expect(person(hq, 'p1').deleted).toBe(1);
    tick();
    b.tx((w) => w.update('persons', 'p1', { unit: 'Б3' }, null));
    send(b, hq);
    expect(person(hq, 'p1')).toMatchObject({ deleted: 0, unit: 'Б3' });
  });
});
