// A whole round through the router against a real SQLCipher vault: lists, freeze, answer, agreement, handover, closing.
import { describe, expect, it } from 'vitest';
import { bench, count, lists, person } from './helpers';

describe('an exchange round, start to finish', () => {
  it('builds both lists, freezes v1, closes with statuses cited to the round, totals and the liaison tasks', async () => {
    const b = await bench();
    const soldier = await person(b, { category: 'military' });
    const civilian = await person(b, { category: 'civilian', unit: null, documentNumbers: 'АА000000' });
    const remains = await person(b, { category: 'remains', status: 'remains_identified' });
    const missing = await person(b, { status: 'missing', dateOfBirth: null });
    const heldA = await person(b, { side: 'held' });
    const heldB = await person(b, { side: 'held' });
    await b.call('relatives.add', { personId: soldier, name: 'Вигадана Мати', relation: 'мати', phone: '+380000000001', consent: true });

    const round = await b.call('exchanges.create', { number: 68, place: 'Вигаданий пункт', plannedDate: '2026-12-01', mediators: ['uae', 'icrc'] });
    expect(round).toMatchObject({ number: 68, status: 'planning', mediators: ['uae', 'icrc'] });
    expect(await b.fail('exchanges.create', { number: 68 })).toMatchObject({ code: 'CONFLICT', messageKey: 'exchanges.errors.numberTaken' });

    await b.call('exchanges.add', { roundId: round.id, direction: 'receive', personIds: [soldier, civilian, remains, missing] });
    await b.call('exchanges.add', { roundId: round.id, direction: 'give', personIds: [heldA, heldB] });
    // the same person again, in the other direction, or a held person on the receive side: refused, nothing added
    const before = count(b.core, 'SELECT count(*) FROM exchange_entries');
    expect(await b.fail('exchanges.add', { roundId: round.id, direction: 'receive', personIds: [soldier] })).toMatchObject({
      messageKey: 'exchanges.errors.notAdded',
      details: { reasons: ['exchanges.refusal.already_on_round'] },
    });
    expect(await b.fail('exchanges.add', { roundId: round.id, direction: 'give', personIds: [soldier] })).toMatchObject({
      details: { reasons: ['exchanges.refusal.wrong_side'] },
    });
    expect(count(b.core, 'SELECT count(*) FROM exchange_entries')).toBe(before);

    const detail = { ...(await b.call('exchanges.get', { id: round.id })), ...(await lists(b, round.id)) };
    expect(detail.warnings).toEqual({
      warned: 1,
      byKind: { captivity_not_confirmed: 1, missing_date_of_birth: 1, missing_unit_or_document: 0, final_status: 0, on_other_round: 0 },
    });
    expect(detail.round.totals.listed.receive).toEqual({ military: 2, civilian: 1, remains: 1, other: 0 });
    expect(detail.round.totals.listed.give.military).toBe(2);
    expect(detail.receive.find((e) => e.personId === missing)!.warnings).toEqual(['captivity_not_confirmed', 'missing_date_of_birth']);
    expect(detail.receive.find((e) => e.personId === soldier)!.warnings).toEqual([]);

    // a second open round cannot take someone the first holds
    const other = await b.call('exchanges.create', { number: 69 });
    expect(await b.fail('exchanges.add', { roundId: other.id, direction: 'receive', personIds: [soldier] })).toMatchObject({
      details: { reasons: ['exchanges.refusal.on_other_round'], round: 68 },
    });

    expect(await b.call('exchanges.freeze', { roundId: round.id })).toEqual({ version: 1 });
    const frozen = { ...(await b.call('exchanges.get', { id: round.id })), ...(await lists(b, round.id)) };
    expect(frozen).toMatchObject({
      round: { status: 'negotiating' },
      awaitingAnswer: true,
      proposals: [{ version: 1, kind: 'sent', mediator: 'uae', counts: { receive: 4, give: 2 } }],
    });
    // editing the frozen proposal's lists is refused until the answer is recorded
    const extra = await person(b);
    expect(await b.fail('exchanges.add', { roundId: round.id, direction: 'receive', personIds: [extra] })).toMatchObject({
      messageKey: 'exchanges.errors.proposalFrozen',
      details: { version: 1 },
    });
    expect(await b.fail('exchanges.withdraw', { entryId: frozen.receive[0]!.id })).toMatchObject({ messageKey: 'exchanges.errors.proposalFrozen' });

    const byPerson = new Map([...frozen.receive, ...frozen.give].map((e) => [e.personId, e.id]));
    expect(await b.fail('exchanges.close', { id: round.id })).toMatchObject({ messageKey: 'exchanges.errors.unmarked', details: { count: 6 } });
    for (const id of [soldier, civilian, remains, heldA, heldB]) await b.call('exchanges.mark', { entryId: byPerson.get(id)!, state: 'handed_over' });
    await b.call('exchanges.mark', { entryId: byPerson.get(missing)!, state: 'refused_return' });
    // undo takes back only the last mark
    expect(await b.call('exchanges.undoMark', { roundId: round.id })).toMatchObject({ personId: missing, state: 'refused_return', previous: 'proposed' });
    await b.call('exchanges.mark', { entryId: byPerson.get(missing)!, state: 'not_delivered' });
    // someone who came but was not on the list, created on the spot
    const arrival = await b.call('exchanges.arrival', {
      roundId: round.id,
      person: { surname: 'Несподіваний', givenName: 'Петро', side: 'ours', category: 'civilian' },
    });

    const closed = await b.call('exchanges.close', { id: round.id });
    expect(closed.round.status).toBe('closed');
    expect(closed.round.summary).toEqual({
      uk: '68-й обмін: повернуто 3 особи — 1 військовий і 2 цивільних; повернуто 1 тіло загиблих; передано 2 особи',
      en: 'Round 68: 3 people returned — 1 service member and 2 civilians; 1 body of the fallen repatriated; 2 people transferred',
    });
    expect(closed.round.totals.unexpected).toBe(1);
    const status = async (id: string) => (await b.call('persons.get', { id })).person.status;
    expect(await status(soldier)).toBe('released');
    expect(await status(arrival.personId)).toBe('released');
    expect(await status(remains)).toBe('remains_repatriated');
    expect(await status(heldA)).toBe('transferred');
    expect(await status(missing)).toBe('missing');
    const history = (await b.call('persons.get', { id: soldier })).statusHistory;
    expect(history[0]).toMatchObject({ toStatus: 'released', sourceId: round.sourceId });

    const tasks = await b.call('exchanges.tasks', { open: true });
    expect(tasks.map((t) => t.reason).sort()).toEqual(['not_delivered', 'released', 'released', 'released', 'remains_repatriated']);
    const call = tasks.find((t) => t.personId === soldier)!;
    expect(call.relatives).toHaveLength(1);
    const done = await b.call('exchanges.taskDone', {
      taskId: call.id,
      relativeId: call.relatives[0]!.id,
      channel: 'phone',
      summary: 'Повідомили про повернення',
    });
    expect(done.done).toBe(true);
    expect((await b.call('persons.get', { id: soldier })).relatives![0]!.contacts[0]).toMatchObject({
      kind: 'notification',
      summary: 'Повідомили про повернення',
    });
    expect(await b.fail('exchanges.taskDone', { taskId: call.id, relativeId: call.relatives[0]!.id, channel: 'phone', summary: 'ще раз' })).toMatchObject({
      messageKey: 'exchanges.errors.taskDone',
    });

    // the closed round no longer holds its people: round 69 may now take… nobody released, but the not-delivered one
    expect(await b.fail('exchanges.add', { roundId: other.id, direction: 'receive', personIds: [soldier] })).toMatchObject({
      details: { reasons: ['exchanges.refusal.final_status'] },
    });
    expect(await b.call('exchanges.add', { roundId: other.id, direction: 'receive', personIds: [missing] })).toEqual({ added: 1 });

    // every write went through the replicated write path
    expect(count(b.core, "SELECT count(*) FROM change_log WHERE tbl LIKE 'exchange_%'")).toBeGreaterThan(20);
    const dash = await b.call('dashboard.get', {});
    expect(dash.rounds.find((r) => r.number === 68)).toMatchObject({ received: 4, given: 2 });
    expect(dash.openTasks).toBe(4);
  });

  it('records the counterpart answer from a reviewed intake list, shows the differences and agrees v3', async () => {
    const b = await bench();
    const a = await person(b, { surname: 'Бондаренко', givenName: 'Андрій', dateOfBirth: '1991-02-03' });
    const c = await person(b, { surname: 'Ткаченко', givenName: 'Василь', dateOfBirth: '1985-07-08' });
    const d = await person(b, { surname: 'Мельничук', givenName: 'Олег', dateOfBirth: '1979-11-12' });
    const round = await b.call('exchanges.create', { number: 70, mediators: ['turkey'] });
    await b.call('exchanges.add', { roundId: round.id, direction: 'receive', personIds: [a, c] });
    await b.call('exchanges.freeze', { roundId: round.id });
    // their list: Бондаренко kept, Ткаченко dropped, Мельничук added, one name that matches nobody
    const text = 'Бондаренко Андрій 03.02.1991\nМельничук Олег 12.11.1979\nНевідомий Хтось 01.01.1970';
    const list = await b.call('lists.import', { kind: 'counterpart_list', title: 'Відповідь сторони v2', reliability: 'C', credibility: 3, input: { text } });
    expect(await b.fail('exchanges.answer', { roundId: round.id, receiveListId: list.listId })).toMatchObject({ messageKey: 'exchanges.errors.listPending' });
    const entries = await b.call('lists.entries', { listId: list.listId });
    for (const e of entries) {
      if (e.suggestion === 'link' || e.candidates[0]?.score)
        await b.call('lists.decide', {
          entryId: e.id,
          decision: e.candidates[0] && e.parsed.surname !== 'Невідомий' ? { action: 'link', personId: e.candidates[0].personId } : { action: 'skip' },
        });
      else await b.call('lists.decide', { entryId: e.id, decision: { action: 'skip' } });
    }
    expect(await b.call('exchanges.answer', { roundId: round.id, receiveListId: list.listId })).toEqual({ version: 2, diff: 2 });
    const detail = await b.call('exchanges.get', { id: round.id });
    expect(detail.pendingDiff!.map((x) => [x.personId, x.change]).sort()).toEqual(
      [
        [c, 'removed'],
        [d, 'added'],
      ].sort(),
    );
    expect(await b.fail('exchanges.agree', { roundId: round.id, decisions: [{ personId: d, accept: true }] })).toMatchObject({
      messageKey: 'exchanges.errors.undecided',
      details: { count: 1 },
    });
    expect(
      await b.call('exchanges.agree', {
        roundId: round.id,
        decisions: [
          { personId: d, accept: true },
          { personId: c, accept: true },
        ],
      }),
    ).toEqual({ version: 3 });
    const agreed = { ...(await b.call('exchanges.get', { id: round.id })), ...(await lists(b, round.id)) };
    expect(agreed.round.status).toBe('agreed');
    expect(Object.fromEntries(agreed.receive.map((e) => [e.personId, e.state]))).toEqual({ [a]: 'agreed', [c]: 'rejected_by_counterpart', [d]: 'agreed' });
    const v3 = await b.call('exchanges.proposal', { id: agreed.proposals[2]!.id });
    expect(v3.lines.map((l) => l.personId).sort()).toEqual([a, d].sort());

    // agreed lists are locked; reopening returns the round to negotiation and the next freeze is v4, diffed against v3
    const late = await person(b, { surname: 'Гнатюк', givenName: 'Роман' });
    expect(await b.fail('exchanges.add', { roundId: round.id, direction: 'receive', personIds: [late] })).toMatchObject({
      messageKey: 'exchanges.errors.listsLocked',
    });
    expect((await b.call('exchanges.reopen', { id: round.id })).status).toBe('negotiating');
    expect(await b.fail('exchanges.reopen', { id: round.id })).toMatchObject({ messageKey: 'exchanges.errors.badRoundMove' });
    await b.call('exchanges.add', { roundId: round.id, direction: 'receive', personIds: [late] });
    expect(await b.call('exchanges.freeze', { roundId: round.id })).toEqual({ version: 4 });
    const v4 = (await b.call('exchanges.get', { id: round.id })).proposals[3]!;
    expect(v4).toMatchObject({ version: 4, kind: 'sent', counts: { receive: 3 }, diffCounts: { added: 1, removed: 0, changed: 0 } });
  });

  it('viewers read; only coordinators and admins freeze, close or cancel', async () => {
    const b = await bench();
    const round = await b.call('exchanges.create', { number: 71 });
    await b.core.addOperator({ name: 'Глядач Вигаданий', role: 'viewer', passphrase: 'сонячний-берег-тиха-ріка-9' });
    await b.core.addOperator({ name: 'Польова Вигадана', role: 'field', passphrase: 'сонячний-берег-тиха-ріка-8' });
    b.core.lock('manual');
    await b.core.unlock('Глядач Вигаданий', 'сонячний-берег-тиха-ріка-9');
    expect((await b.call('exchanges.list', {})).map((r) => r.number)).toEqual([71]);
    expect(await b.fail('exchanges.cancel', { id: round.id })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await b.fail('exchanges.reopen', { id: round.id })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await b.fail('exchanges.create', { number: 72 })).toMatchObject({ code: 'NOT_ALLOWED' });
    b.core.lock('manual');
    await b.core.unlock('Польова Вигадана', 'сонячний-берег-тиха-ріка-8');
    expect(await b.fail('exchanges.freeze', { roundId: round.id })).toMatchObject({ code: 'NOT_ALLOWED' });
    expect(await b.fail('exchanges.close', { id: round.id })).toMatchObject({ code: 'NOT_ALLOWED' });
  });
});
