import { describe, expect, it } from 'vitest';
import { formatStamp, MAX_DRIFT_MS } from '../../shared/hlc';
import { assertNotAhead, changeSchema, conflictsOf, resolveRecord, type Op } from '../../shared/replication';

const st = (ms: number, site: string, counter = 0) => formatStamp({ millis: Date.UTC(2026, 0, 1) + ms, counter, site });
const op = (stamp: string, fields: Op['fields'], prev: Op['prev'] = {}): Op => ({ stamp, fields, prev, by: null });

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('merge (pure)', () => {
  const create = op(st(0, 'HQ'), { surname: 'Ковальчук', unit: 'А1', date_of_birth: '1990' });

  it('keeps both edits when two sites change different fields, and the newest of one field', () => {
    const a = op(st(10, 'A'), { unit: 'А2' }, { unit: [create.stamp] });
    const b = op(st(20, 'B'), { date_of_birth: '1991-02-03' }, { date_of_birth: [create.stamp] });
    for (const order of permutations([create, a, b])) {
      const s = resolveRecord(order);
      expect(s.fields.get('unit')!.winner.value).toBe('А2');
      expect(s.fields.get('date_of_birth')!.winner.value).toBe('1991-02-03');
      expect(conflictsOf(s)).toEqual([]);
    }
  });

  it('three concurrent writers of one field: the same winner and the same two kept values in every delivery order', () => {
    const a = op(st(10, 'A'), { unit: 'А' }, { unit: [create.stamp] });
    const b = op(st(30, 'B'), { unit: 'Б' }, { unit: [create.stamp] });
    const c = op(st(20, 'C'), { unit: 'В' }, { unit: [create.stamp] });
    const seen = new Set<string>();
    for (const order of permutations([create, a, b, c])) {
      const s = resolveRecord(order);
      expect(s.fields.get('unit')!.winner.value).toBe('Б');
      seen.add(JSON.stringify(conflictsOf(s).map((x) => [x.loser.stamp, x.winner.stamp])));
    }
    expect([...seen]).toEqual([
      JSON.stringify([
        [a.stamp, b.stamp],
        [c.stamp, b.stamp],
      ]),
    ]);
  });

  it('a write that saw both values decides them, whatever arrives first; one that saw one leaves the other kept', () => {
    const a = op(st(10, 'A'), { unit: 'А' }, { unit: [create.stamp] });
    const b = op(st(20, 'B'), { unit: 'Б' }, { unit: [create.stamp] });
    const decided = op(st(30, 'HQ'), { unit: 'Б' }, { unit: [a.stamp, b.stamp] });
    const sawA = op(st(40, 'C'), { unit: 'Г' }, { unit: [a.stamp] });
    for (const order of permutations([create, a, b, decided])) expect(conflictsOf(resolveRecord(order))).toEqual([]);
    for (const order of permutations([create, a, b, sawA])) {
      const cs = conflictsOf(resolveRecord(order));
      expect(cs.map((c) => [c.loser.value, c.winner.value])).toEqual([['Б', 'Г']]);
    }
  });

  it('a tombstone wins over older edits and loses to a newer edit made without seeing it', () => {
    const older = op(st(10, 'A'), { unit: 'А2' }, { unit: [create.stamp] });
    const del = op(st(20, 'B'), { deleted: 1 });
    const newer = op(st(30, 'C'), { unit: 'А3' }, { unit: [create.stamp] });
    for (const order of permutations([create, older, del])) expect(resolveRecord(order).deleted).toBe(true);
    for (const order of permutations([create, older, del, newer])) expect(resolveRecord(order).deleted).toBe(false);
  });

  it('refuses a stamp further ahead than the drift bound with a typed error, and accepts one within it', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(() => assertNotAhead(formatStamp({ millis: now + MAX_DRIFT_MS + 1000, counter: 0, site: 'A' }), now)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', messageKey: 'replication.errors.clockAhead' }),
    );
    expect(() => assertNotAhead(formatStamp({ millis: now + MAX_DRIFT_MS - 1000, counter: 0, site: 'A' }), now)).not.toThrow();
  });

  it('the change schema refuses unknown tables and columns, a stamp not the origin’s, and a prev from the future', () => {
    const good = { origin: 'A', seq: 1, stamp: st(10, 'A'), tbl: 'persons', row: 'p1', fields: { unit: 'x' }, prev: { unit: [st(5, 'B')] }, by: null };
    expect(changeSchema.safeParse(good).success).toBe(true);
    expect(changeSchema.safeParse({ ...good, tbl: 'operators' }).success).toBe(false);
    expect(changeSchema.safeParse({ ...good, fields: { 'unit = 1; --': 'x' } }).success).toBe(false);
    expect(changeSchema.safeParse({ ...good, origin: 'B' }).success).toBe(false);
    expect(changeSchema.safeParse({ ...good, prev: { unit: [st(50, 'B')] } }).success).toBe(false);
    expect(changeSchema.safeParse({ ...good, fields: { deleted: 2 } }).success).toBe(false);
    expect(changeSchema.safeParse({ ...good, fields: { deleted: 0 }, prev: { deleted: [st(5, 'B')] } }).success).toBe(true);
  });
});
