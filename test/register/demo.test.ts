import { describe, expect, it } from 'vitest';
import { fillDemo } from '../../electron/core/demo/demo';
import { initCore } from '../helpers/tmp';

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
    core.close();
  });
});
