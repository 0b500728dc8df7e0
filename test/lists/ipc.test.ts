import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Core, type Router } from '../../electron/core';
import { createPerson } from '../../electron/core/register/persons';
import type { Result } from '../../shared/errors';
import type { ArgsOf, Channel, ResultOf } from '../../shared/ipc/contract';
import { initCore, PASS } from '../helpers/tmp';
import { tx } from '../register/helpers';

describe('lists over the IPC router', () => {
  let core: Core;
  let router: Router;
  const call = <C extends Channel>(c: C, a: ArgsOf<C> | Record<string, unknown>) => router.handle(c, a) as Promise<Result<ResultOf<C>>>;
  beforeAll(async () => {
    core = await initCore();
    router = createRouter(core);
    tx(core, (w) =>
      createPerson(w, {
        ref: 'R-1',
        surname: 'Коваленко',
        givenName: 'Олексій',
        patronymic: 'Вікторович',
        dateOfBirth: '1990-03-05',
        side: 'ours',
        category: 'military',
      }),
    );
  });
  afterAll(() => core?.close());

  it('imports a file sent as bytes, lists it, and decides an entry', async () => {
    const csv = 'surname,given_name,patronymic,date_of_birth\nKovalenko,Oleksii,Viktorovych,05.03.1990\nКоваленко,Олексій,,\n';
    const imp = await call('lists.import', {
      kind: 'mediator_list',
      title: 'Список посередника',
      reliability: 'C',
      credibility: 3,
      input: { filename: 'm.csv', dataBase64: Buffer.from(csv).toString('base64') },
    });
    expect(imp.ok).toBe(true);
    if (!imp.ok) return;
    expect(imp.value.counts).toMatchObject({ total: 2, link: 1 });
    const lists = await call('lists.list', {});
    expect(lists.ok && lists.value).toHaveLength(1);
    const entries = await call('lists.entries', { listId: imp.value.listId });
    if (!entries.ok) throw new Error('entries');
    const first = entries.value[0]!;
    expect(first.candidates[0]).toMatchObject({ ref: 'R-1', surname: 'Коваленко', gone: false });
    expect(first.candidates[0]!.reasons.find((r) => r.field === 'surname')?.kind).toBe('transliteration');
    const d = await call('lists.decide', { entryId: first.id, decision: { action: 'link', personId: first.candidates[0]!.personId } });
    expect(d.ok && d.value.decision).toBe('linked');
  });

  it('creates a person from an entry with the operator’s corrections', async () => {
    const imp = await call('lists.import', { kind: 'counterpart_list', title: 'Список сторони', input: { text: 'Вигаданов Пётр Ильич 03.04.1988' } });
    if (!imp.ok) throw new Error('import');
    const entries = await call('lists.entries', { listId: imp.value.listId });
    if (!entries.ok) throw new Error('entries');
    const d = await call('lists.decide', {
      entryId: entries.value[0]!.id,
      decision: { action: 'create', person: { side: 'held', category: 'military', givenNameLatin: 'Petr' } },
    });
    if (!d.ok) throw new Error(d.error.code);
    expect(d.value.decision).toBe('created');
    const p = core
      .require()
      .db.prepare('SELECT surname, given_name, side, status, date_of_birth, given_name_latin FROM persons WHERE id = ?')
      .get(d.value.decidedPersonId);
    expect(p).toEqual({ surname: 'Вигаданов', given_name: 'Пётр', side: 'held', status: 'held', date_of_birth: '1988-04-03', given_name_latin: 'Petr' });
  });

  it('refuses bad arguments and malformed files with typed errors', async () => {
    const bad = await call('lists.decide', { entryId: 'x', decision: { action: 'explode' } });
    expect(!bad.ok && bad.error.code).toBe('VALIDATION');
    const malformed = await call('lists.import', {
      kind: 'debriefing',
      title: 'x',
      input: { filename: 'x.csv', dataBase64: Buffer.from('a,b\n1,2\n').toString('base64') },
    });
    expect(!malformed.ok && malformed.error.code).toBe('FILE_MALFORMED');
  });

  it('a viewer may read lists but not import, decide or merge', async () => {
    await core.addOperator({ name: 'Глядач Тестовий', role: 'viewer', passphrase: 'тиха-річка-біля-старого-млина-9' });
    await core.unlock('Глядач Тестовий', 'тиха-річка-біля-старого-млина-9');
    expect((await call('lists.list', {})).ok).toBe(true);
    const imp = await call('lists.import', { kind: 'debriefing', title: 'x', input: { text: 'Коваленко Олексій' } });
    expect(!imp.ok && imp.error.code).toBe('NOT_ALLOWED');
    const merge = await call('persons.merge', { keepId: 'a', mergeId: 'b' });
    expect(!merge.ok && merge.error.code).toBe('NOT_ALLOWED');
    await core.unlock(null, PASS);
  });

  it('an analyst may work lists but not merge people (a merge re-links family records)', async () => {
    await core.addOperator({ name: 'Аналітик Тестовий', role: 'analyst', passphrase: 'ранкова-кава-біля-вікна-12' });
    await core.unlock('Аналітик Тестовий', 'ранкова-кава-біля-вікна-12');
    expect((await call('lists.import', { kind: 'debriefing', title: 'x', input: { text: 'Коваленко Олексій' } })).ok).toBe(true);
    const merge = await call('persons.merge', { keepId: 'a', mergeId: 'b' });
    expect(!merge.ok && merge.error.code).toBe('NOT_ALLOWED');
    await core.unlock(null, PASS);
  });
});
