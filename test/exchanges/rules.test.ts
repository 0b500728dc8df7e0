// The pure rules of shared/exchanges: who may be added, warnings, transitions, closing, totals, the sentence, diffs.
import { describe, expect, it } from 'vitest';
import {
  agreedLines,
  canMoveEntry,
  canMoveRound,
  captivityBucket,
  closingEffect,
  diffProposals,
  refusalFor,
  refusalsFor,
  summarySentence,
  totalsOf,
  ukPlural,
  countWord,
  unmarked,
  warningsFor,
  type Candidate,
} from '../../shared/exchanges';

const ours = (over: Partial<Candidate> = {}): Candidate => ({
  id: 'p1',
  side: 'ours',
  category: 'military',
  status: 'captivity_confirmed',
  dateOfBirth: '1990',
  unit: 'А0001',
  documentNumbers: null,
  ...over,
});
const ctx = { onThisRound: new Set<string>(), onOtherRound: new Map<string, number>() };

describe('who may be added', () => {
  it('refuses final statuses, the wrong side, people already on this or another open round', () => {
    for (const status of ['released', 'deceased', 'remains_repatriated'] as const)
      expect(refusalFor(ours({ status }), 'receive', ctx)).toEqual({ reason: 'final_status' });
    expect(refusalFor(ours({ side: 'held', status: 'transferred' }), 'give', ctx)).toEqual({ reason: 'final_status' });
    expect(refusalFor(ours(), 'give', ctx)).toEqual({ reason: 'wrong_side' });
    expect(refusalFor(ours({ side: 'held', status: 'held' }), 'receive', ctx)).toEqual({ reason: 'wrong_side' });
    expect(refusalFor(ours(), 'receive', { ...ctx, onThisRound: new Set(['p1']) })).toEqual({ reason: 'already_on_round' });
    expect(refusalFor(ours(), 'receive', { ...ctx, onOtherRound: new Map([['p1', 67]]) })).toEqual({ reason: 'on_other_round', round: 67 });
    expect(refusalFor(ours({ status: 'missing' }), 'receive', ctx)).toBeNull();
    expect(refusalFor(ours({ side: 'held', status: 'held' }), 'give', ctx)).toBeNull();
  });

  it('refuses a person named twice in one request', () => {
    expect(refusalsFor([ours(), ours({ id: 'p2' }), ours()], 'receive', ctx)).toEqual([{ personId: 'p1', reason: 'duplicate_in_request' }]);
  });

  it('warns about unconfirmed captivity and what the manifest needs', () => {
    expect(warningsFor(ours(), undefined)).toEqual([]);
    expect(warningsFor(ours({ status: 'captivity_suspected', dateOfBirth: null, unit: null }), undefined)).toEqual([
      'captivity_not_confirmed',
      'missing_date_of_birth',
      'missing_unit_or_document',
    ]);
    expect(warningsFor(ours({ unit: null, documentNumbers: 'АА1' }), undefined)).toEqual([]);
    expect(warningsFor(ours({ category: 'remains', dateOfBirth: null, unit: null, status: 'remains_identified' }), undefined)).toEqual([]);
    expect(warningsFor(ours({ status: 'released' }), 68)).toEqual(['final_status', 'on_other_round']);
  });
});

describe('transitions', () => {
  it('rounds move forward only, closed and cancelled are final', () => {
    expect(canMoveRound('planning', 'negotiating')).toBe(true);
    expect(canMoveRound('executed', 'closed')).toBe(true);
    expect(canMoveRound('planning', 'closed')).toBe(false);
    expect(canMoveRound('closed', 'planning')).toBe(false);
    expect(canMoveRound('cancelled', 'negotiating')).toBe(false);
    expect(canMoveRound('executed', 'cancelled')).toBe(false);
  });
  it('entries: marks from the list, corrections between marks, nothing from withdrawn but proposing again', () => {
    expect(canMoveEntry('proposed', 'handed_over')).toBe(true);
    expect(canMoveEntry('handed_over', 'not_delivered')).toBe(true);
    expect(canMoveEntry('withdrawn', 'handed_over')).toBe(false);
    expect(canMoveEntry('withdrawn', 'proposed')).toBe(true);
    expect(canMoveEntry('rejected_by_counterpart', 'handed_over')).toBe(false);
  });
});

describe('closing', () => {
  const e = (direction: 'receive' | 'give', state: 'handed_over' | 'not_delivered' | 'refused_return', category: 'military' | 'remains' = 'military') =>
    closingEffect({ personId: 'x', direction, category, state, status: direction === 'give' ? 'held' : 'captivity_confirmed' });
  it('maps each handover state to a status and a liaison task', () => {
    expect(e('receive', 'handed_over')).toMatchObject({ status: 'released', task: 'released' });
    expect(e('receive', 'handed_over', 'remains')).toMatchObject({ status: 'remains_repatriated', task: 'remains_repatriated' });
    expect(e('give', 'handed_over')).toMatchObject({ status: 'transferred', task: null });
    expect(e('receive', 'not_delivered')).toMatchObject({ status: null, task: 'not_delivered' });
    expect(e('give', 'not_delivered')).toMatchObject({ status: null, task: null });
    expect(e('receive', 'refused_return')).toMatchObject({ status: 'refused_return', task: null });
    expect(e('give', 'refused_return')).toMatchObject({ status: null });
  });
  it('counts what is still unmarked', () => {
    expect(unmarked([{ state: 'proposed' }, { state: 'agreed' }, { state: 'withdrawn' }, { state: 'handed_over' }])).toBe(2);
  });
});

describe('totals and the summary sentence', () => {
  const received = (military: number, civilian: number, remains = 0, given = 0) =>
    totalsOf([
      { direction: 'receive', category: 'military', state: 'handed_over', count: military },
      { direction: 'receive', category: 'civilian', state: 'handed_over', count: civilian },
      { direction: 'receive', category: 'remains', state: 'handed_over', count: remains },
      { direction: 'give', category: 'military', state: 'handed_over', count: given },
    ]);
  it('says it in the seed’s own words', () => {
    expect(summarySentence('uk', 68, received(33, 51))).toBe('68-й обмін: повернуто 84 особи — 33 військових і 51 цивільний');
    expect(summarySentence('en', 68, received(33, 51))).toBe('Round 68: 84 people returned — 33 service members and 51 civilians');
    expect(summarySentence('uk', 5, received(1, 0, 2, 5))).toBe('5-й обмін: повернуто 1 особа — 1 військовий; повернуто 2 тіла загиблих; передано 5 осіб');
    expect(summarySentence('uk', 9, received(0, 0, 0, 0))).toBe('9-й обмін: живих не повернуто');
  });
  it('Ukrainian plural forms', () => {
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111].map((n) => countWord('uk', n, 'person'))).toEqual([
      '1 особа',
      '2 особи',
      '4 особи',
      '5 осіб',
      '11 осіб',
      '12 осіб',
      '14 осіб',
      '21 особа',
      '22 особи',
      '25 осіб',
      '101 особа',
      '111 осіб',
    ]);
    expect(ukPlural(0)).toBe('many');
    expect(countWord('en', 1, 'person')).toBe('1 person');
  });
  it('the balance counts only people still on the lists', () => {
    const t = totalsOf([
      { direction: 'receive', category: 'civilian', state: 'proposed' },
      { direction: 'receive', category: 'civilian', state: 'withdrawn' },
      { direction: 'give', category: 'military', state: 'rejected_by_counterpart' },
      { direction: 'give', category: 'military', state: 'agreed', unexpected: true },
    ]);
    expect(t.listed.receive.civilian).toBe(1);
    expect(t.listed.give.military).toBe(1);
    expect(t.unexpected).toBe(1);
  });
});

describe('proposal differences', () => {
  const v1 = [
    { personId: 'a', direction: 'receive' as const },
    { personId: 'b', direction: 'receive' as const },
    { personId: 'c', direction: 'give' as const },
  ];
  const v2 = [
    { personId: 'a', direction: 'receive' as const },
    { personId: 'c', direction: 'receive' as const },
    { personId: 'd', direction: 'give' as const },
  ];
  it('added, removed and changed, entry by entry', () => {
    expect(diffProposals(v1, v2)).toEqual([
      { personId: 'b', change: 'removed', from: 'receive', to: null },
      { personId: 'c', change: 'changed', from: 'give', to: 'receive' },
      { personId: 'd', change: 'added', from: null, to: 'give' },
    ]);
  });
  it('the agreed version takes each accepted difference and keeps ours for the rejected; undecided ones are named', () => {
    const diff = diffProposals(v1, v2);
    expect(agreedLines(v1, diff, new Map([['b', true]]))).toEqual({ undecided: ['c', 'd'] });
    expect(
      agreedLines(
        v1,
        diff,
        new Map([
          ['b', true],
          ['c', false],
          ['d', true],
        ]),
      ),
    ).toEqual({
      lines: [
        { personId: 'a', direction: 'receive' },
        { personId: 'c', direction: 'give' },
        { personId: 'd', direction: 'give' },
      ],
    });
  });
});

describe('time in captivity', () => {
  it('buckets partial dates from their first day', () => {
    expect(captivityBucket('2026-09', '2026-11-28')).toBe('lt6m');
    expect(captivityBucket('2025', '2026-11-28')).toBe('y1to2');
    expect(captivityBucket('2022-02-24', '2026-11-28')).toBe('gt3y');
    expect(captivityBucket(null, '2026-11-28')).toBe('unknown');
  });
});
