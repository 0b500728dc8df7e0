// Writing a file reports progress (phase transfer.export): records or changes written of the payload's total, in
// whole percents, ending at done = total once the file is written and read back — through the IPC door as the window calls it.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, createRouter, type Core } from '../../electron/core';
import { Writer } from '../../electron/core/db/write';
import { addEntries, createRound } from '../../electron/core/exchanges';
import { createPerson } from '../../electron/core/register/persons';
import { exportFile } from '../../electron/core/transfer/exportFile';
import type { EventName } from '../../shared/ipc/events';
import { PASS, TEST_KDF, tmpDir } from '../helpers/tmp';
import { ctx, demo, pair, site } from './sites';

type Progress = { taskId: string; phase: string; done: number; total: number };

describe('export progress', () => {
  let hq: Core;
  let field: Core;
  const seen: Progress[] = [];
  const media = tmpDir('obmin-export-progress-');

  beforeAll(async () => {
    hq = createCore({
      dataDir: tmpDir('obmin-site-'),
      kdf: TEST_KDF,
      onEvent: (name: EventName, payload: unknown) => void (name === 'progress' && seen.push(payload as Progress)),
    });
    await hq.init({ siteCode: 'HQ-P', siteName: 'Вигаданий штаб', operator: 'Тестова Адміністраторка', passphrase: PASS });
    field = await site('FIELD-P');
    await pair(hq, field);
    await demo(hq, 400);
  }, 180_000);
  afterAll(() => {
    hq?.close();
    field?.close();
  });

  const check = (events: Progress[], total: number) => {
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThanOrEqual(102); // whole percents only
    expect(new Set(events.map((e) => e.phase))).toEqual(new Set(['transfer.export']));
    expect(new Set(events.map((e) => e.total))).toEqual(new Set([total]));
    for (let i = 1; i < events.length; i++) expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
    expect(events.at(-1)!.done).toBe(total);
  };

  it('a changes file: changes written of all it carries, with steps between', async () => {
    seen.length = 0;
    const changes = hq.require().db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
    const r = await createRouter(hq).handle('transfer.export', { to: ['FIELD-P'], file: path.join(media, 'changes.obmin'), taskId: 'task-changes' });
    expect(r.ok).toBe(true);
    const mine = seen.filter((e) => e.taskId === 'task-changes');
    check(mine, changes);
    // A 400-person file is many 64 KiB pieces: the window sees it move, not jump from nothing to done.
    expect(mine.filter((e) => e.done > 0 && e.done < changes).length).toBeGreaterThan(2);
  });

  it('the field laptop’s exchange package: records written of the round’s records', async () => {
    const s = hq.require();
    const w = new Writer(s.db, s.operator.id);
    const ids: string[] = [];
    s.db.transaction(() => {
      for (let i = 0; i < 40; i++)
        ids.push(
          createPerson(w, { surname: `Польовенко-${i}`, category: 'military', side: 'ours', status: 'captivity_confirmed', dateOfBirth: '1990-02-02' }).id,
        );
      const round = createRound(w, { number: 72, mediators: ['icrc'] });
      addEntries(w, round.id, 'receive', ids);
    })();
    seen.length = 0;
    const r = await createRouter(hq).handle('transfer.export', { to: ['FIELD-P'], exchange: 72, file: path.join(media, 'field.obmin'), taskId: 'task-field' });
    expect(r).toMatchObject({ ok: true });
    const mine = seen.filter((e) => e.taskId === 'task-field');
    expect(mine.length).toBe(seen.length); // every event names the task the window gave
    check(mine, mine.at(-1)!.total);
    expect(mine.at(-1)!.total).toBeGreaterThanOrEqual(ids.length); // the people, their entries, the round's source
  });

  it('without a listener nothing is reported and the file is written as before', async () => {
    seen.length = 0;
    const f = await exportFile(ctx(hq), ['FIELD-P'], path.join(media, 'quiet.obmin'));
    expect(f.bytes).toBeGreaterThan(0);
    expect(seen).toEqual([]);
  });
});
