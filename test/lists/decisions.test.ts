import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { acceptAllSuggested, decideEntry, importList, listEntries, readText } from '../../electron/core/lists';
import { listSightings } from '../../electron/core/register/sightings';
import { findPersonByRefOrId } from '../../electron/core/register/persons';
import { count, coreWithPersons, HAS_DEV, registerState } from './helpers';

// Five lines as an analyst types them from a debriefing: Russian forms, Latin, initials, someone unknown, noise.
const PASTED = [
  'МАТВИЕНКО О. И. 17.03.1973',
  'Rudenko Volodymyr Bohdanovych',
  '',
  'Вигаданенко Неіснуючий Петрович 01.01.1990',
  'Дьячук А., 28.04.1977',
  'ТИМОШЕНКО В. 02.04.1981',
].join('\n');

describe.skipIf(!HAS_DEV)('intake list decisions', () => {
  let core: Core;
  let listId: string;
  const s = () => core.require();
  beforeAll(async () => {
    core = await coreWithPersons();
  });
  afterAll(() => core?.close());

  it('saves a list with suggestions and changes nothing in the register', async () => {
    const before = registerState(core);
    const sources = count(core, 'SELECT count(*) AS n FROM sources');
    const rows = readText(PASTED);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3, 4, 5]);
    const r = await importList(
      s().db,
      s().operator.id,
      { kind: 'debriefing', title: 'Опитування 12', place: 'Оленівка', receivedDate: '2026-11-20', reliability: 'B', credibility: 2 },
      rows,
    );
    listId = r.listId;
    expect(r.counts.total).toBe(5);
    expect(r.counts.pending).toBe(5);
    expect(r.counts.link).toBeGreaterThanOrEqual(2);
    expect(r.counts.new).toBeGreaterThanOrEqual(1);
    expect(registerState(core)).toEqual(before);
    // The only replicated record is the list's source, with its grade.
    expect(count(core, 'SELECT count(*) AS n FROM sources')).toBe(sources + 1);
    expect(count(core, "SELECT count(*) AS n FROM audit WHERE action = 'lists.import'")).toBe(1);
  });

  it('links an entry: a sighting at the list’s place and date citing the list’s source', () => {
    const entries = listEntries(s().db, listId, 0, 100);
    const first = entries[0]!;
    expect(first.suggestion).toBe('link');
    expect(first.candidates[0]!.ref).toBe('P004942');
    expect(first.candidates[0]!.reasons.map((x) => `${x.field}:${x.kind}`)).toContain('surname:russianForm');
    const decided = decideEntry(s().db, s().operator.id, first.id, { action: 'link', personId: first.candidates[0]!.personId });
    expect(decided.decision).toBe('linked');
    expect(decided.decidedBy).toBe(s().operator.id);
    const sightings = listSightings(s().db, first.candidates[0]!.personId);
    expect(sightings).toHaveLength(1);
    expect(sightings[0]!.place).toBe('Оленівка');
    expect(sightings[0]!.date).toBe('2026-11-20');
    expect(sightings[0]!.source?.reliability).toBe('B');
    expect(sightings[0]!.source?.kind).toBe('debriefing');
    expect(count(core, "SELECT count(*) AS n FROM audit WHERE action = 'lists.decide.linked'")).toBe(1);
    // Once linked, an entry is not decided twice.
    expect(() => decideEntry(s().db, s().operator.id, first.id, { action: 'skip' })).toThrow();
  });

  it('creates a new person from what the entry says, and links them', () => {
    const unknown = listEntries(s().db, listId, 0, 100).find((e) => e.raw.startsWith('Вигаданенко'))!;
    expect(unknown.suggestion).toBe('new');
    const persons = registerState(core).persons;
    const d = decideEntry(s().db, s().operator.id, unknown.id, { action: 'create' });
    expect(d.decision).toBe('created');
    expect(registerState(core).persons).toBe(persons + 1);
    const p = findPersonByRefOrId(s().db, d.decidedPersonId!)!;
    expect([p.surname, p.givenName, p.patronymic, p.dateOfBirth, p.side]).toEqual(['Вигаданенко', 'Неіснуючий', 'Петрович', '1990-01-01', 'ours']);
    expect(listSightings(s().db, p.id)).toHaveLength(1);
    // The new person is findable by the next list at once (keys written in the same transaction).
    expect(count(core, 'SELECT count(*) AS n FROM person_name_keys WHERE person_id = ?', p.id)).toBeGreaterThan(0);
  });

  it('skips, then accepts the remaining clear links in one go', () => {
    const entries = listEntries(s().db, listId, 0, 100);
    const review = entries.find((e) => e.decision === 'pending' && e.suggestion !== 'link');
    if (review) expect(decideEntry(s().db, s().operator.id, review.id, { action: 'skip' }).decision).toBe('skipped');
    const pendingLinks = entries.filter((e) => e.decision === 'pending' && e.suggestion === 'link').length;
    const sightings = registerState(core).sightings;
    const r = acceptAllSuggested(s().db, s().operator.id, listId);
    expect(r.linked).toBe(pendingLinks);
    expect(registerState(core).sightings).toBe(sightings + pendingLinks);
    const after = listEntries(s().db, listId, 0, 100);
    expect(after.filter((e) => e.suggestion === 'link').every((e) => e.decision === 'linked')).toBe(true);
    expect(count(core, "SELECT count(*) AS n FROM audit WHERE action LIKE 'lists.decide.%'")).toBe(after.filter((e) => e.decision !== 'pending').length);
    expect(count(core, "SELECT count(*) AS n FROM audit WHERE action = 'lists.acceptSuggested'")).toBe(1);
  });

  it('keeps the audit chain whole', () => {
    expect(core.auditVerify().ok).toBe(true);
  });
});
