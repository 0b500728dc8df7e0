// Sites named by code: every changes file carries its sender's replication site id → code map (signed with the file),
// so a conflict names the other site by code — also a site this one never paired with, whose changes HQ relayed.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Core } from '../../electron/core';
import { Writer } from '../../electron/core/db/write';
import { addEntries, createRound } from '../../electron/core/exchanges';
import { createPerson } from '../../electron/core/register/persons';
import { exportFile } from '../../electron/core/transfer/exportFile';
import { importFile } from '../../electron/core/transfer/importFile';
import { learnSiteCodes } from '../../electron/core/transfer/siteCodes';
import { tmpDir } from '../helpers/tmp';
import { ctx, pair, site } from './sites';

type Side = { value: unknown; site: string; siteCode: string | null; here: boolean };
type Entry = { field: string; mine: Side; theirs: Side };

describe('site codes travel with changes files', () => {
  let hq: Core;
  let a: Core;
  let b: Core;
  let id = '';
  const media = tmpDir('obmin-site-codes-');
  let n = 0;
  const send = async (from: Core, to: Core, code: string) =>
    expect(await importFile(ctx(to), (await exportFile(ctx(from), [code], path.join(media, `f${++n}.obmin`))).file)).toMatchObject({ applied: true });
  const siteId = (core: Core) => core.require().db.prepare("SELECT value FROM meta WHERE key = 'site_id'").pluck().get() as string;
  const conflicts = async (core: Core) => ((await createRouter(core).handle('conflicts.list', {})) as { value: { entries: Entry[] } }).value.entries;

  beforeAll(async () => {
    [hq, a, b] = [await site('HQ-S'), await site('SITE-A'), await site('SITE-B')];
    // A and B trust HQ only; they never see each other's keys.
    await pair(hq, a);
    await pair(hq, b);
    const p = (await createRouter(hq).handle('persons.create', { ref: 'S-1', surname: 'Кодовенко', side: 'ours', category: 'military', unit: 'А1' })) as {
      value: { id: string };
    };
    id = p.value.id;
    await send(hq, a, 'SITE-A');
    await send(hq, b, 'SITE-B');
    expect((await createRouter(a).handle('persons.update', { id, patch: { unit: 'А2' } })).ok).toBe(true);
    expect((await createRouter(b).handle('persons.update', { id, patch: { unit: 'А3' } })).ok).toBe(true);
    await send(a, hq, 'HQ-S');
    await send(b, hq, 'HQ-S');
    await send(hq, b, 'SITE-B'); // carries A's change, relayed, and A's code
  }, 180_000);
  afterAll(() => [hq, a, b].forEach((c) => c?.close()));

  it('HQ names both offices by code; office B names A, which it never paired with, by the code HQ relayed', async () => {
    const [atHq] = await conflicts(hq);
    expect(atHq).toBeDefined();
    const bySite = (e: Entry) => Object.fromEntries([e.mine, e.theirs].map((s) => [s.site, s]));
    expect(bySite(atHq!)[siteId(a)]).toMatchObject({ siteCode: 'SITE-A', here: false });
    expect(bySite(atHq!)[siteId(b)]).toMatchObject({ siteCode: 'SITE-B', here: false });
    const [atB] = await conflicts(b);
    expect(atB).toBeDefined();
    expect(bySite(atB!)[siteId(a)]).toMatchObject({ siteCode: 'SITE-A', here: false });
    expect(bySite(atB!)[siteId(b)]).toMatchObject({ siteCode: 'SITE-B', here: true });
    // Office B also knows HQ by code, and only codes for ids it has been told of.
    const known = b.require().db.prepare('SELECT site_id, code FROM sites WHERE code IS NOT NULL ORDER BY code').all();
    expect(known).toEqual([
      { site_id: siteId(hq), code: 'HQ-S' },
      { site_id: siteId(a), code: 'SITE-A' },
    ]);
  });

  it('a signer speaks for itself; what it relays fills only unknown ids and never renames this site', () => {
    const db = b.require().db;
    const codeOf = (sid: string) => db.prepare('SELECT code FROM sites WHERE site_id = ?').pluck().get(sid) ?? null;
    db.transaction(() =>
      learnSiteCodes(db, 'HQ-S', {
        [siteId(a)]: 'SITE-X', // a relayed rename of a known site: ignored
        [siteId(b)]: 'SITE-Y', // this site's own id: ignored
        'f00dfeed-0000-4000-8000-000000000001': 'SITE-B', // another id under this site's code: ignored
        'f00dfeed-0000-4000-8000-000000000002': 'SITE-C', // an unknown third site: learnt
        'f00dfeed-0000-4000-8000-000000000003': 'HQ-S', // the signer's own claim: taken
      }),
    )();
    expect(codeOf(siteId(a))).toBe('SITE-A');
    expect(codeOf(siteId(b))).toBeNull();
    expect(codeOf('f00dfeed-0000-4000-8000-000000000001')).toBeNull();
    expect(codeOf('f00dfeed-0000-4000-8000-000000000002')).toBe('SITE-C');
    expect(codeOf('f00dfeed-0000-4000-8000-000000000003')).toBe('HQ-S');
  });

  it('the field laptop learns the codes from the exchange package alone (after its profile line)', async () => {
    const fieldSite = await site('FIELD-S');
    try {
      await pair(hq, fieldSite);
      const s = hq.require();
      const w = new Writer(s.db, s.operator.id);
      s.db.transaction(() => {
        const p = createPerson(w, { surname: 'Польовенко', category: 'military', side: 'ours', status: 'captivity_confirmed' });
        addEntries(w, createRound(w, { number: 73, mediators: ['icrc'] }).id, 'receive', [p.id]);
      })();
      const f = await exportFile(ctx(hq), ['FIELD-S'], path.join(media, 'field.obmin'), 'changes', { exchange: 73 });
      expect(await importFile(ctx(fieldSite), f.file)).toMatchObject({ applied: true });
      const known = fieldSite.require().db.prepare('SELECT site_id, code FROM sites WHERE code IS NOT NULL ORDER BY code').all();
      expect(known).toEqual([
        { site_id: siteId(hq), code: 'HQ-S' },
        { site_id: siteId(a), code: 'SITE-A' },
        { site_id: siteId(b), code: 'SITE-B' },
      ]);
    } finally {
      fieldSite.close();
    }
  });
});
