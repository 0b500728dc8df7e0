import { describe, expect, it } from 'vitest';
import { fillDemo } from '../../electron/core/demo/demo';
import { FEMALE, FEMALE_RELATIONS, MALE } from '../../electron/core/demo/names';
import { initCore } from '../helpers/tmp';
import { openRow } from '../../electron/core/vault/family';

describe('demo register', () => {
  it('fills people with sources, relatives, statuses and placeholder photos', async () => {
    const core = await initCore();
    const s = core.require();
    const r = await fillDemo(s.db, s.operator.id, { count: 300 });
    expect(r.persons).toBe(300);
    expect(core.countPersons()).toBe(300);
    expect(r.sources).toBeGreaterThan(10);
    expect(r.relatives).toBeGreaterThan(50);
    const changes = s.db.prepare('SELECT count(*) AS n FROM status_changes').get() as { n: number };
    expect(changes.n).toBeGreaterThan(50);
    // It never contradicts itself: nothing happens to a captive before the capture, and a relation fits the relative.
    const early = s.db
      .prepare(
        'SELECT count(*) AS n FROM status_changes c JOIN persons p ON p.id = c.person_id WHERE p.capture_date IS NOT NULL AND substr(c.at, 1, 10) < p.capture_date',
      )
      .get() as { n: number };
    expect(early.n).toBe(0);
    const seenEarly = s.db
      .prepare('SELECT count(*) AS n FROM sightings g JOIN persons p ON p.id = g.person_id WHERE p.capture_date IS NOT NULL AND g.date < p.capture_date')
      .get() as { n: number };
    expect(seenEarly.n).toBe(0);
    const rels = (s.db.prepare('SELECT name, relation FROM relatives').all() as { name: string; relation: string }[]).map((r) => openRow(s.db, 'relatives', r)); // names are sealed (family key)
    for (const rel of rels) {
      const given = rel.name.split(' ').at(-1)!;
      expect(FEMALE_RELATIONS.includes(rel.relation) ? FEMALE : MALE, `${rel.name}: ${rel.relation}`).toContain(given);
    }
    core.close();
  });
});

describe('the empty register’s demo button', () => {
  it('fills an empty register through its channel and refuses one that has people', async () => {
    const { createRouter } = await import('../../electron/core');
    const core = await initCore();
    const router = createRouter(core);
    const first = (await router.handle('demo.fill', { count: 40 })) as { ok: boolean; value?: { persons: number } };
    expect(first).toMatchObject({ ok: true, value: { persons: 40 } });
    expect(await router.handle('demo.fill', { count: 40 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'demoProblems.notEmpty' } });
    expect(core.countPersons()).toBe(40);
    core.close();
  });
});
