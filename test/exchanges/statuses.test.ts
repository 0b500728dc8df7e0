// People's statuses while an open round's lists hold them: on the list → on_exchange_list / proposed, off it → as before.
import { describe, expect, it } from 'vitest';
import { judgedStatus, listedStatus, unlistedStatus, warningsFor } from '../../shared/exchanges';
import { bench, count, lists, person } from './helpers';

describe('the listing rules', () => {
  it('moves sought and held people onto the list status, leaves remains and final statuses alone, and undoes only its own', () => {
    expect(listedStatus('ours', 'captivity_confirmed')).toBe('on_exchange_list');
    expect(listedStatus('ours', 'missing')).toBe('on_exchange_list');
    expect(listedStatus('ours', 'remains_identified')).toBeNull();
    expect(listedStatus('ours', 'on_exchange_list')).toBeNull();
    expect(listedStatus('held', 'held')).toBe('proposed');
    expect(unlistedStatus('ours', 'on_exchange_list', 'captivity_suspected')).toBe('captivity_suspected');
    // someone changed the status since (or the round never set it): nothing to undo
    expect(unlistedStatus('ours', 'captivity_confirmed', 'missing')).toBeNull();
    expect(unlistedStatus('ours', 'on_exchange_list', null)).toBeNull();
    expect(unlistedStatus('held', 'proposed', 'held')).toBe('held');
    expect(judgedStatus('ours', 'on_exchange_list', 'missing')).toBe('missing');
    // a listed person whose captivity was never confirmed still carries the warning
    expect(
      warningsFor(
        {
          id: 'x',
          side: 'ours',
          category: 'military',
          status: 'on_exchange_list',
          listedFrom: 'missing',
          dateOfBirth: '1990',
          unit: 'А1',
          documentNumbers: null,
        },
        undefined,
      ),
    ).toEqual(['captivity_not_confirmed']);
    expect(
      warningsFor(
        { id: 'x', side: 'ours', category: 'military', status: 'on_exchange_list', listedFrom: null, dateOfBirth: '1990', unit: 'А1', documentNumbers: null },
        undefined,
      ),
    ).toEqual([]);
  });
});

describe('statuses while on an open round', () => {
  it('follow the lists through adding, withdrawing, the answer, the handover and closing, cited to the round and audited', async () => {
    const b = await bench();
    const status = async (id: string) => (await b.call('persons.get', { id })).person.status;
    const confirmed = await person(b, { surname: 'Бондаренко' });
    const suspected = await person(b, { surname: 'Ткаченко', status: 'captivity_suspected' });
    const absent = await person(b, { surname: 'Мельничук' });
    const remains = await person(b, { surname: 'Гнатюк', category: 'remains', status: 'remains_identified' });
    const held = await person(b, { side: 'held' });
    const round = await b.call('exchanges.create', { number: 80, mediators: ['icrc'] });
    const audits = count(b.core, "SELECT count(*) FROM audit WHERE action = 'persons.changeStatus'");

    await b.call('exchanges.add', { roundId: round.id, direction: 'receive', personIds: [confirmed, suspected, absent, remains] });
    await b.call('exchanges.add', { roundId: round.id, direction: 'give', personIds: [held] });
    expect([await status(confirmed), await status(suspected), await status(remains), await status(held)]).toEqual([
      'on_exchange_list',
      'on_exchange_list',
      'remains_identified',
      'proposed',
    ]);
    const history = (await b.call('persons.get', { id: suspected })).statusHistory;
    expect(history[0]).toMatchObject({ fromStatus: 'captivity_suspected', toStatus: 'on_exchange_list', sourceId: round.sourceId });
    expect(count(b.core, "SELECT count(*) FROM audit WHERE action = 'persons.changeStatus'")).toBe(audits + 4);
    expect(count(b.core, "SELECT count(*) FROM change_log WHERE tbl = 'status_changes'")).toBeGreaterThanOrEqual(4);
    // the warning is judged by the status before the list
    const listed = await lists(b, round.id);
    expect(listed.receive.find((e) => e.personId === suspected)!.warnings).toEqual(['captivity_not_confirmed']);
    expect((await b.call('exchanges.get', { id: round.id })).warnings.byKind.captivity_not_confirmed).toBe(1);

    // withdrawn: back to what they were; added again: on the list again
    const entryOf = async (id: string) => [...(await lists(b, round.id)).receive, ...(await lists(b, round.id)).give].find((e) => e.personId === id)!.id;
    await b.call('exchanges.withdraw', { entryId: await entryOf(suspected) });
    expect(await status(suspected)).toBe('captivity_suspected');
    await b.call('exchanges.add', { roundId: round.id, direction: 'receive', personIds: [suspected] });
    expect(await status(suspected)).toBe('on_exchange_list');

    // their answer drops `absent`: rejected by the counterpart lets them go
    await b.call('exchanges.freeze', { roundId: round.id });
    const names = async (id: string) => (await b.call('persons.get', { id })).person;
    const keep = await Promise.all([confirmed, suspected, remains].map(names));
    const text = keep.map((p) => `${p.surname} ${p.givenName} 01.01.1990`).join('\n');
    const list = await b.call('lists.import', { kind: 'counterpart_list', title: 'Відповідь v2', reliability: 'C', credibility: 3, input: { text } });
    for (const e of await b.call('lists.entries', { listId: list.listId })) {
      const hit = keep.find((p) => p.surname === e.parsed.surname);
      await b.call('lists.decide', { entryId: e.id, decision: hit ? { action: 'link', personId: hit.id } : { action: 'skip' } });
    }
    await b.call('exchanges.answer', { roundId: round.id, receiveListId: list.listId });
    await b.call('exchanges.agree', { roundId: round.id, decisions: [{ personId: absent, accept: true }] });
    expect(await status(absent)).toBe('captivity_confirmed');

    // handover: confirmed comes home, suspected is not delivered; closing releases one and lets the other go
    await b.call('exchanges.mark', { entryId: await entryOf(confirmed), state: 'handed_over' });
    await b.call('exchanges.mark', { entryId: await entryOf(suspected), state: 'not_delivered' });
    await b.call('exchanges.mark', { entryId: await entryOf(remains), state: 'handed_over' });
    await b.call('exchanges.mark', { entryId: await entryOf(held), state: 'refused_return' });
    expect(await status(suspected)).toBe('on_exchange_list');
    await b.call('exchanges.close', { id: round.id });
    expect([await status(confirmed), await status(suspected), await status(remains), await status(held)]).toEqual([
      'released',
      'captivity_suspected',
      'remains_repatriated',
      'held',
    ]);
  });

  it('cancelling a round returns everyone on it to their earlier status, in one transaction', async () => {
    const b = await bench();
    const status = async (id: string) => (await b.call('persons.get', { id })).person.status;
    const a = await person(b, { status: 'missing' });
    const h = await person(b, { side: 'held' });
    const round = await b.call('exchanges.create', { number: 81 });
    await b.call('exchanges.add', { roundId: round.id, direction: 'receive', personIds: [a] });
    await b.call('exchanges.add', { roundId: round.id, direction: 'give', personIds: [h] });
    expect([await status(a), await status(h)]).toEqual(['on_exchange_list', 'proposed']);
    // a refused add changes no one's status
    const other = await b.call('exchanges.create', { number: 82 });
    const c = await person(b);
    await b.fail('exchanges.add', { roundId: other.id, direction: 'receive', personIds: [c, a] });
    expect(await status(c)).toBe('captivity_confirmed');
    await b.call('exchanges.cancel', { id: round.id });
    expect([await status(a), await status(h)]).toEqual(['missing', 'held']);
    // now free for another round
    expect(await b.call('exchanges.add', { roundId: other.id, direction: 'receive', personIds: [a] })).toEqual({ added: 1 });
    expect(await status(a)).toBe('on_exchange_list');
  });
});
