import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { importList, listCounts, matchEntries, readIntakeBytes, readText, warmRegisterCache } from '../../electron/core/lists';
import { createPerson } from '../../electron/core/register/persons';
import { tx } from '../register/helpers';
import { coreWithPersons, DEV_DIR, HAS_DEV, registerState } from './helpers';

describe.skipIf(!HAS_DEV)('large lists and the matching cache', () => {
  let core: Core;
  beforeAll(async () => {
    core = await coreWithPersons();
  });
  afterAll(() => core?.close());

  it('imports a 50 000-entry list in one go, with suggestions, and leaves the register alone', async () => {
    const dev = fs.readFileSync(path.join(DEV_DIR, 'list.csv'), 'utf8').split(/\r?\n/).slice(1).filter(Boolean);
    const lines = ['name,date_of_birth,unit'];
    for (let i = 0; lines.length <= 50_000; i++) lines.push(dev[i % dev.length]!);
    const read = await readIntakeBytes('big.csv', Buffer.from(lines.join('\n')));
    expect(read.rows).toHaveLength(50_000);
    const before = registerState(core);
    let progressCalls = 0;
    const t = performance.now();
    const s = core.require();
    const r = await importList(
      s.db,
      s.operator.id,
      { kind: 'counterpart_list', title: 'Великий список', reliability: 'F', credibility: 6 },
      read.rows,
      () => progressCalls++,
    );
    const ms = performance.now() - t;
    console.info(`50 000 entries imported and matched in ${Math.round(ms)} ms`);
    expect(r.counts.total).toBe(50_000);
    expect(r.counts.link + r.counts.review + r.counts.new).toBe(50_000);
    expect(progressCalls).toBe(200);
    expect(listCounts(s.db, r.listId).pending).toBe(50_000);
    expect(registerState(core)).toEqual(before);
  }, 300_000);

  it('sees a person registered after the cache was warmed', async () => {
    const db = core.require().db;
    await warmRegisterCache(db);
    const entry = readText('Вигаданенко-Новий Остап Богданович 02.02.1992')[0]!.parsed;
    expect(matchEntries(db, [entry])[0]!.candidates).toHaveLength(0);
    tx(core, (w) =>
      createPerson(w, {
        surname: 'Вигаданенко-Новий',
        givenName: 'Остап',
        patronymic: 'Богданович',
        dateOfBirth: '1992-02-02',
        side: 'ours',
        category: 'civilian',
      }),
    );
    const m = matchEntries(db, [entry])[0]!;
    expect(m.suggestion).toBe('link');
    expect(m.candidates[0]!.score).toBeGreaterThan(0.9);
  });
});
