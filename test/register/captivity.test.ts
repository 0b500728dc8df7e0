import { describe, expect, it } from 'vitest';
import { captivityDays, isCaptivityOver } from '../../shared/register';

describe('days in captivity (one definition for SQL and the window)', () => {
  const today = '2026-11-26';
  it('counts from a (possibly partial) capture date to today while the person is held', () => {
    expect(captivityDays('2026-11-20', 'captivity_confirmed', null, today)).toBe(6);
    expect(captivityDays('2026-11', 'captivity_confirmed', null, today)).toBe(25);
    expect(captivityDays('2027-01-01', 'captivity_confirmed', null, today)).toBeNull();
    expect(captivityDays(null, 'captivity_confirmed', null, today)).toBeNull();
  });
  it('stops at release, repatriation or death', () => {
    expect(captivityDays('2024-01-01', 'released', '2024-03-01T10:00:00Z', today)).toBe(60);
    expect(captivityDays('2024-01-01', 'deceased', '2024-01-11', today)).toBe(10);
    expect(captivityDays('2024-01-01', 'remains_repatriated', '2025-01-01', today)).toBe(366);
  });
  it('shows nothing rather than a running count when the end of captivity was never recorded', () => {
    expect(captivityDays('2024-01-01', 'released', null, today)).toBeNull();
  });
  it('knows which statuses end captivity', () => {
    expect(isCaptivityOver('released')).toBe(true);
    expect(isCaptivityOver('deceased')).toBe(true);
    expect(isCaptivityOver('on_exchange_list')).toBe(false);
    expect(isCaptivityOver('refused_return')).toBe(false);
  });
});

describe('days in captivity in the register search', () => {
  it('stops counting at release and sorts people who are home after those still held', async () => {
    const { initCore } = await import('../helpers/tmp');
    const { createPerson, changeStatus } = await import('../../electron/core/register/persons');
    const { searchPersons } = await import('../../electron/core/register/search');
    const { tx } = await import('./helpers');
    const core = await initCore();
    const db = core.require().db;
    const held = tx(core, (w) =>
      createPerson(w, {
        surname: 'Вигаданий',
        givenName: 'Утримуваний',
        side: 'ours',
        category: 'military',
        captureDate: '2025-06-01',
        status: 'captivity_confirmed',
      }),
    );
    const shortHeld = tx(core, (w) =>
      createPerson(w, {
        surname: 'Вигаданий',
        givenName: 'Недавній',
        side: 'ours',
        category: 'military',
        captureDate: '2026-01-01',
        status: 'captivity_confirmed',
      }),
    );
    const home = tx(core, (w) =>
      createPerson(w, {
        surname: 'Вигаданий',
        givenName: 'Звільнений',
        side: 'ours',
        category: 'military',
        captureDate: '2020-01-01',
        status: 'captivity_confirmed',
      }),
    );
    const change = tx(core, (w) =>
      changeStatus(w, {
        personId: home.id,
        status: 'released',
        source: { kind: 'official_document', title: 'Акт обміну (вигаданий)', reliability: 'A', credibility: 1 },
      }),
    );
    // The release is dated 2020-03-01: 60 days after capture, whatever today is.
    db.prepare('UPDATE status_changes SET at = ? WHERE id = ?').run('2020-03-01T09:00:00Z', change.id);
    const today = new Date().toISOString().slice(0, 10);
    for (const query of ['', 'Вигаданий']) {
      const desc = searchPersons(db, { query, filters: {}, sort: { field: 'captivityDays', dir: 'desc' }, offset: 0, limit: 10 });
      expect(
        desc.rows.map((r) => r.id),
        query,
      ).toEqual([held.id, shortHeld.id, home.id]);
      const asc = searchPersons(db, { query, filters: {}, sort: { field: 'captivityDays', dir: 'asc' }, offset: 0, limit: 10 });
      expect(
        asc.rows.map((r) => r.id),
        query,
      ).toEqual([shortHeld.id, held.id, home.id]);
      const byId = new Map(desc.rows.map((r) => [r.id, r.captivityDays]));
      expect(byId.get(home.id)).toBe(60);
      expect(byId.get(held.id)).toBe(captivityDays('2025-06-01', 'captivity_confirmed', null, today));
    }
    const long = searchPersons(db, { query: '', filters: { captivityMinDays: 100 }, offset: 0, limit: 10 });
    expect(long.rows.map((r) => r.id).sort()).toEqual([held.id, shortHeld.id].sort());
  });
});
