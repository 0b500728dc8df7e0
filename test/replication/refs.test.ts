// Two sites give different people the same case number: every site ends with the same register whatever the order —
// the person whose id sorts first keeps the ref, the other is stored as `ref (id…)` — and gets it back when it frees.
import { describe, expect, it } from 'vitest';
import { acknowledgements, applyChanges, changesFor, recordAcks } from '../../electron/core/replication';
import { newSite, registerHash, type Site } from './sites';

const send = (from: Site, to: Site) => {
  applyChanges(to.db, [...changesFor(from.db, to.id)]);
  recordAcks(from.db, to.id, acknowledgements(to.db));
};
const create = (s: Site, id: string, ref: string) =>
  s.tx((w) => w.insert('persons', id, { ref, surname: `Вигаданий ${id}`, side: 'ours', category: 'military', status: 'missing' }, null));
const refOf = (s: Site, id: string) => s.db.prepare('SELECT ref FROM persons WHERE id = ?').pluck().get(id);

describe('refs from two sites', () => {
  it('collide without anything left pending, the same on every site in either order, and the ref returns when it frees', () => {
    const [a, b, c, d] = [newSite('A'), newSite('B'), newSite('C'), newSite('D')];
    create(a, 'p-a', 'R-17');
    create(b, 'p-b', 'R-17');
    send(a, c);
    send(b, c);
    send(b, d);
    send(a, d);
    send(a, b);
    send(b, a);
    for (const s of [a, b, c, d]) {
      expect(refOf(s, 'p-a'), s.name).toBe('R-17');
      expect(refOf(s, 'p-b'), s.name).toBe('R-17 (p-b)');
      expect(s.db.prepare('SELECT count(*) FROM replica_pending').pluck().get()).toBe(0);
    }
    expect(new Set([a, b, c, d].map((s) => registerHash(s.db))).size).toBe(1);

    // B's operator renumbers A's person (a remote edit for A, C and D): B's own person takes the number back everywhere.
    b.tx((w) => w.update('persons', 'p-a', { ref: 'R-18' }, null));
    send(b, a);
    send(b, c);
    send(a, d);
    for (const s of [a, b, c, d]) {
      expect(refOf(s, 'p-a'), s.name).toBe('R-18');
      expect(refOf(s, 'p-b'), s.name).toBe('R-17');
    }
    send(a, b);
    send(c, b);
    expect(new Set([a, b, c, d].map((s) => registerHash(s.db))).size).toBe(1);
  });
});
