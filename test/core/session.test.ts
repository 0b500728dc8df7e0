// State that lives as long as an unlocked database is one session object (electron/core/db/session.ts): made at
// unlock, closed at lock, so nothing of the old session — signer, keys, statements, previews — survives a lock.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionOf, slot } from '../../electron/core/db/session';
import { applyImport, previewImport } from '../../electron/core/register/import';
import { initCore, PASS } from '../helpers/tmp';
import { newSite } from '../replication/sites';

const CORE = path.resolve(__dirname, '../../electron/core');

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the session', () => {
  it('is made at unlock and closed at lock: its signer and slots do not survive', async () => {
    const core = await initCore();
    try {
      const first = core.require().session;
      expect(sessionOf(core.require().db)).toBe(first);
      expect(first.signer).toBeDefined();
      const familyKey = first.familyKey;
      expect(familyKey).toBeInstanceOf(Buffer);
      const KEY = slot<{ made: number }>('test.made');
      expect(first.slot(KEY, () => ({ made: 1 })).made).toBe(1);
      expect(first.slot(KEY, () => ({ made: 2 })).made).toBe(1);
      const oldDb = core.require().db;
      core.lock('manual');
      expect(first.open).toBe(false);
      expect(first.signer).toBeUndefined();
      // The family key is wiped, not just forgotten.
      expect(familyKey!.equals(Buffer.alloc(32))).toBe(true);
      expect(first.familyKey).toBeUndefined();
      expect(first.peek(KEY)).toBeUndefined();
      expect(() => sessionOf(oldDb)).toThrow();
      await core.unlock(null, PASS);
      const second = core.require().session;
      expect(second).not.toBe(first);
      expect(second.peek(KEY)).toBeUndefined();
      expect(second.signer).toBeDefined();
    } finally {
      core.close();
    }
  });

  it('drops the register import’s previews at lock: a token from before the lock is refused after unlocking', async () => {
    const core = await initCore();
    try {
      const csv = 'surname,given_name,side,category\nВигаданенко,Тарас,ours,military\n';
      const p = await previewImport(core.require().db, { fileName: 'people.csv', bytes: Buffer.from(csv) });
      core.lock('manual');
      await core.unlock(null, PASS);
      const { db, operator } = core.require();
      await expect(applyImport(db, operator.id, { token: p.token, skipInvalid: false })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(db.prepare('SELECT count(*) FROM persons').pluck().get()).toBe(0);
      // The same file previewed in this session applies.
      const again = await previewImport(db, { fileName: 'people.csv', bytes: Buffer.from(csv) });
      expect((await applyImport(db, operator.id, { token: again.token, skipInvalid: false })).created).toBe(1);
    } finally {
      core.close();
    }
  });

  it('bulk mode is explicit: a new person’s name keys wait for the end of the bulk; a failed bulk leaves none behind', () => {
    const site = newSite('A');
    const s = sessionOf(site.db);
    const keys = () => site.db.prepare('SELECT count(*) FROM person_name_keys').pluck().get() as number;
    const person = (ref: string) => ({ ref, surname: 'Вигаданенко', given_name: 'Тарас', side: 'ours', category: 'military', status: 'missing' });
    site.tx((w) =>
      s.bulk(() => {
        w.insert('persons', 'p1', person('B1'), null);
        expect(s.inBulk).toBe(true);
        expect(keys()).toBe(0);
      }),
    );
    const after = keys();
    expect(after).toBeGreaterThan(0);
    expect(s.inBulk).toBe(false);
    expect(() =>
      site.tx((w) =>
        s.bulk(() => {
          w.insert('persons', 'p2', person('B2'), null);
          throw new Error('refused');
        }),
      ),
    ).toThrow('refused');
    expect(s.inBulk).toBe(false);
    // Outside a bulk a new person is indexed at once.
    site.tx((w) => w.insert('persons', 'p3', person('B3'), null));
    expect(keys()).toBe(2 * after);
  });

  it('keeps every per-database map in one place: no `new WeakMap<Db` (or WeakSet) elsewhere under electron/core', () => {
    const holders = filesUnder(CORE)
      .filter((f) => f.endsWith('.ts') && /new Weak(Map|Set)<\s*(Db|Database\.Database)\b/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(CORE, f).split(path.sep).join('/'))
      .sort();
    // The one registry from a connection to its session; every module's state lives in the session's slots.
    expect(holders).toEqual(['db/session.ts']);
  });
});
