import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core';
import { dismissDuplicate, findDuplicates } from '../../electron/core/register/duplicates';
import { mergedInto, mergePersons } from '../../electron/core/register/merge';
import { changeStatus, createPerson, findPerson } from '../../electron/core/register/persons';
import { addAttachment } from '../../electron/core/register/attachments';
import { addRelative } from '../../electron/core/register/relatives';
import { addSighting } from '../../electron/core/register/sightings';
import { createSource } from '../../electron/core/register/sources';
import { initCore } from '../helpers/tmp';
import { tx } from '../register/helpers';
import { count } from './helpers';

const attached = (core: Core, id: string) => ({
  sightings: count(core, 'SELECT count(*) AS n FROM sightings WHERE person_id = ? AND deleted = 0', id),
  relatives: count(core, 'SELECT count(*) AS n FROM relatives WHERE person_id = ? AND deleted = 0', id),
  attachments: count(core, 'SELECT count(*) AS n FROM attachments WHERE person_id = ? AND deleted = 0', id),
  statusChanges: count(core, 'SELECT count(*) AS n FROM status_changes WHERE person_id = ? AND deleted = 0', id),
});

describe('possible duplicates and merging', () => {
  let core: Core;
  let keep: string;
  let dup: string;
  let other: string;
  beforeAll(async () => {
    core = await initCore();
    tx(core, (w) => {
      const src = createSource(w, { kind: 'family_report', title: 'Дзвінок матері', reliability: 'B', credibility: 2 });
      const src2 = createSource(w, { kind: 'media_capture', title: 'Відео', reliability: 'C', credibility: 3 });
      keep = createPerson(w, {
        ref: 'K-1',
        surname: 'Коваленко',
        givenName: 'Олексій',
        patronymic: 'Вікторович',
        dateOfBirth: '1990-03-05',
        side: 'ours',
        category: 'military',
      }).id;
      // The same man registered again from a video, in the Russian form, with the unit he gave.
      dup = createPerson(w, {
        ref: 'K-2',
        surname: 'Коваленко',
        givenName: 'Алексей',
        patronymic: 'Викторович',
        dateOfBirth: '1990-03-05',
        unit: 'А1234',
        side: 'ours',
        category: 'military',
      }).id;
      other = createPerson(w, { ref: 'K-3', surname: 'Шевчук', givenName: 'Іван', dateOfBirth: '1970-01-01', side: 'ours', category: 'civilian' }).id;
      addSighting(w, { personId: keep, sourceId: src.id, place: 'Оленівка', date: '2026-10' });
      addSighting(w, { personId: dup, sourceId: src2.id, place: 'Таганрог', date: '2026-11' });
      addSighting(w, { personId: dup, sourceId: src.id, place: 'Курськ' });
      addRelative(w, { personId: dup, name: 'Коваленко Ганна', relation: 'мати', consent: true });
      addAttachment(w, { personId: dup, kind: 'photo', mime: 'image/png', filename: 'x.png', sourceId: src2.id, bytes: crypto.randomBytes(64) });
      changeStatus(w, { personId: dup, status: 'captivity_confirmed', sourceId: src2.id });
    });
  });
  afterAll(() => core?.close());

  it('finds the planted duplicate, and not an unrelated person', () => {
    const page = findDuplicates(core.require().db, { limit: 50 });
    expect(page.nextCursor).toBeNull();
    const ids = page.pairs.map((p) => [p.a.personId, p.b.personId].sort().join('|'));
    expect(ids).toContain([keep, dup].sort().join('|'));
    expect(ids.some((x) => x.includes(other))).toBe(false);
    const pair = page.pairs[0]!;
    expect(pair.a.reasons.map((r) => `${r.field}:${r.kind}`)).toEqual(expect.arrayContaining(['dateOfBirth:exact']));
  });

  it('merges: everything attached moves to the kept person, nothing is lost, and it is audited', () => {
    const beforeKeep = attached(core, keep);
    const beforeDup = attached(core, dup);
    const totals = {
      sightings: count(core, 'SELECT count(*) AS n FROM sightings WHERE deleted = 0'),
      sources: count(core, 'SELECT count(*) AS n FROM sources WHERE deleted = 0'),
    };
    const r = mergePersons(core.require().db, core.require().operator.id, keep, dup);
    expect(r.moved).toEqual({ ...beforeDup, entries: 0 });
    const afterKeep = attached(core, keep);
    for (const k of Object.keys(afterKeep) as (keyof typeof afterKeep)[]) expect(afterKeep[k]).toBe(beforeKeep[k] + beforeDup[k]);
    expect(attached(core, dup)).toEqual({ sightings: 0, relatives: 0, attachments: 0, statusChanges: 0 });
    expect(count(core, 'SELECT count(*) AS n FROM sightings WHERE deleted = 0')).toBe(totals.sightings);
    expect(count(core, 'SELECT count(*) AS n FROM sources WHERE deleted = 0')).toBe(totals.sources);
    // The kept record gains what it lacked (the unit) and the other spelling as a variant; its own identity stays.
    const kept = findPerson(core.require().db, keep)!;
    expect(kept.givenName).toBe('Олексій');
    expect(kept.unit).toBe('А1234');
    expect(kept.nameVariants).toContain('Коваленко Алексей Викторович');
    expect(r.filledFields).toContain('unit');
    // The merged record is a tombstone that points at the kept one.
    const gone = findPerson(core.require().db, dup)!;
    expect(gone.deleted).toBe(true);
    expect(gone.notes).toContain('K-1');
    expect(mergedInto(core.require().db, dup)).toBe(keep);
    // Re-pointing went through the write path: five moves, plus the kept person’s own sighting when it was added.
    expect(
      count(
        core,
        "SELECT count(*) AS n FROM changes WHERE tbl IN ('sightings','relatives','attachments','status_changes') AND field = 'person_id' AND value_json = ?",
        JSON.stringify(keep),
      ),
    ).toBe(5 + 1);
    const audit = core.require().db.prepare("SELECT details FROM audit WHERE action = 'persons.merge'").all() as { details: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ keptId: keep, sightings: 2, relatives: 1, attachments: 1, statusChanges: 1 });
    expect(core.auditVerify().ok).toBe(true);
  });

  it('no longer offers a merged pair, nor one an operator dismissed', () => {
    expect(findDuplicates(core.require().db).pairs).toHaveLength(0);
    const twin = tx(core, (w) => createPerson(w, { surname: 'Шевчук', givenName: 'Иван', dateOfBirth: '1970-01-01', side: 'ours', category: 'civilian' }).id);
    expect(findDuplicates(core.require().db).pairs).toHaveLength(1);
    dismissDuplicate(core.require().db, core.require().operator.id, twin, other);
    expect(findDuplicates(core.require().db).pairs).toHaveLength(0);
  });

  it('refuses to merge a person into themselves or into a tombstone', () => {
    const s = core.require();
    expect(() => mergePersons(s.db, s.operator.id, keep, keep)).toThrow();
    expect(() => mergePersons(s.db, s.operator.id, keep, dup)).toThrow();
  });
});
