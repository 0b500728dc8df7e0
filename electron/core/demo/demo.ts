// A realistic, entirely fictional register for newcomers and UI tests: people with sources, sightings, relatives,
// status histories and placeholder photos, written through the one write path like any other data.
import crypto from 'node:crypto';
import { ObminError } from '../../../shared/errors';
import { STATUSES, type Status } from '../../../shared/register';
import { appendAudit } from '../audit/audit';
import { createPerson } from '../register/persons';
import { addAttachment } from '../register/attachments';
import { addRelative, logContact } from '../register/relatives';
import { addSighting } from '../register/sightings';
import { createSource } from '../register/sources';
import { Writer } from '../db/write';
import { fillDemoRounds } from './rounds';
import type { Db } from '../vault/database';
import {
  FACILITIES,
  FEMALE,
  HELD_GIVEN,
  HELD_PATRONYMIC,
  HELD_SURNAMES,
  MALE,
  PATRONYMIC_STEMS,
  PLACES,
  RANKS,
  FEMALE_RELATIONS,
  MALE_RELATIONS,
  SURNAMES,
  patronymic,
  placeholderSvg,
} from './names';
import { yieldBetweenBatches } from '../db/yield';
import { mulberry32 } from '../../../shared/random';

const BATCH = 500;

const feminine = (s: string) => (/ов$|ёв$|ьов$|ев$|ин$/.test(s) ? `${s}а` : /ський$/.test(s) ? s.replace(/ий$/, 'а') : s);

export async function fillDemo(
  db: Db,
  operatorId: string,
  o: { count: number; seed?: number },
): Promise<{ persons: number; sources: number; relatives: number; attachments: number }> {
  const r = mulberry32(o.seed ?? 20240501);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  /** A day from `after` (ISO) to the end of 2025: what follows a capture never comes before it. */
  const dayAfter = (after: string) => {
    const t0 = Date.parse(`${after.slice(0, 10)}T00:00:00Z`);
    const t1 = Date.UTC(2025, 11, 28);
    return new Date(t0 + Math.floor(r() * Math.max(0, t1 - t0))).toISOString().slice(0, 10);
  };
  const date = (y0: number, y1: number) =>
    `${y0 + Math.floor(r() * (y1 - y0 + 1))}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const w = new Writer(db, operatorId);
  const counts = { persons: 0, sources: 0, relatives: 0, attachments: 0 };
  const sources: string[] = [];
  const ourStatuses: Status[] = ['missing', 'captivity_suspected', 'captivity_confirmed', 'on_exchange_list', 'released', 'deceased', 'remains_identified'];
  const grades = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
  const kinds = ['family_report', 'debriefing', 'media_capture', 'icrc_notification', 'adversary_list', 'mediator_list', 'official_document'] as const;
  const newSource = () => {
    const kind = pick(kinds);
    const media = kind === 'media_capture';
    const s = createSource(
      w,
      {
        kind,
        title: `${kind === 'debriefing' ? 'Опитування звільненого' : media ? 'Відео в соцмережі' : 'Повідомлення'} №${sources.length + 1}`,
        reliability: pick(grades),
        credibility: 1 + Math.floor(r() * 6),
        receivedDate: date(2022, 2025),
        url: media ? `https://example.invalid/v/${sources.length + 1}` : null,
        platform: media ? 'вигадана мережа' : null,
        capturedAt: media ? `${date(2022, 2025)}T12:00:00Z` : null,
        mediaSha256: media ? crypto.createHash('sha256').update(String(sources.length)).digest('hex') : null,
      },
      false,
    );
    sources.push(s.id);
    counts.sources++;
    return s.id;
  };
  // A second run adds people after the first run's refs.
  const start = (db.prepare("SELECT count(*) AS n FROM persons WHERE ref LIKE 'DEMO-%'").get() as { n: number }).n;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (let i = 0; i < o.count; i++) {
      const held = r() < 0.12;
      const female = !held && r() < 0.12;
      const surname = held ? pick(HELD_SURNAMES) : female ? feminine(pick(SURNAMES)) : pick(SURNAMES);
      const given = held ? pick(HELD_GIVEN) : pick(female ? FEMALE : MALE);
      const patr = held ? pick(HELD_PATRONYMIC) : patronymic(pick(PATRONYMIC_STEMS), female);
      const category = r() < 0.75 ? 'military' : r() < 0.9 ? 'civilian' : 'remains';
      const status: Status = held ? pick(['held', 'proposed', 'transferred'] as const) : category === 'remains' ? 'remains_identified' : pick(ourStatuses);
      const captured = status !== 'missing' && r() < 0.8;
      const p = createPerson(
        w,
        {
          ref: `DEMO-${String(start + i + 1).padStart(6, '0')}`,
          surname,
          givenName: given,
          patronymic: patr,
          dateOfBirth: r() < 0.1 ? date(1960, 2004).slice(0, 4) : date(1960, 2004),
          sex: female ? 'F' : 'M',
          side: held ? 'held' : 'ours',
          category,
          status: held ? status : 'missing',
          rank: category === 'military' ? pick(RANKS) : null,
          unit: category === 'military' ? `А${1000 + Math.floor(r() * 8999)}` : null,
          captureDate: captured ? date(2022, 2025) : null,
          capturePlace: captured ? pick(PLACES) : null,
          facility: captured ? pick(FACILITIES) : null,
          seriouslyWounded: r() < 0.06,
          icrcStatus: pick(['unknown', 'not_registered', 'registered', 'visited'] as const),
          heightCm: 160 + Math.floor(r() * 35),
          distinguishingMarks: r() < 0.2 ? 'татуювання на лівому передпліччі (вигадане)' : null,
        },
        { audit: false },
      );
      counts.persons++;
      if (!held && status !== 'missing' && STATUSES.includes(status)) {
        const src = sources.length > 20 && r() < 0.7 ? pick(sources) : newSource();
        w.update('persons', p.id, { status }, null);
        const capturedOn = p.captureDate;
        w.insert(
          'status_changes',
          crypto.randomUUID(),
          {
            person_id: p.id,
            from_status: 'missing',
            to_status: status,
            source_id: src,
            at: `${capturedOn ? dayAfter(capturedOn) : date(2022, 2025)}T09:00:00Z`,
            note: null,
            operator_id: operatorId,
          },
          null,
        );
        if (captured)
          addSighting(
            w,
            { personId: p.id, sourceId: src, place: p.facility ?? pick(PLACES), date: capturedOn ? dayAfter(capturedOn) : date(2022, 2025) },
            false,
          );
      }
      if (!held && r() < 0.4) {
        // The relative's name and relation agree: a woman is a mother, wife, sister or daughter, a man the rest.
        const man = r() < 0.35;
        const relName = man ? `${surname.replace(/а$/, '').replace(/ська$/, 'ський')} ${pick(MALE)}` : `${feminine(surname.replace(/а$/, ''))} ${pick(FEMALE)}`;
        const rel = addRelative(
          w,
          {
            personId: p.id,
            name: relName,
            relation: pick(man ? MALE_RELATIONS : FEMALE_RELATIONS),
            phone: `+380 00 ${String(1000000 + i).slice(-7)}`,
            consent: r() < 0.8,
            dnaLabRef: r() < 0.3 ? `ДНК-${100000 + i}` : null,
          },
          false,
        );
        counts.relatives++;
        if (r() < 0.5)
          logContact(
            w,
            { relativeId: rel.id, at: `${date(2023, 2025)}T10:00:00Z`, channel: 'phone', kind: 'contact', summary: 'Повідомили про стан розшуку (вигадано).' },
            false,
          );
      }
      if (r() < 0.02) {
        addAttachment(
          w,
          {
            personId: p.id,
            kind: 'photo',
            mime: 'image/svg+xml',
            filename: `photo-${i + 1}.svg`,
            bytes: placeholderSvg(`${surname[0]}. ${given[0]}.`, Math.floor(r() * 360)),
          },
          false,
        );
        counts.attachments++;
      }
      if ((i + 1) % BATCH === 0) await yieldBetweenBatches(db);
    }
    fillDemoRounds(w, r);
    appendAudit(db, operatorId, 'demo.fill', null, counts);
    db.exec('COMMIT');
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw e;
  }
  return counts;
}

/** The window's demo button: only into an empty register, so fictional people never mix with real ones. */
export async function fillEmptyWithDemo(
  db: Db,
  operatorId: string,
  count: number,
): Promise<{ persons: number; sources: number; relatives: number; attachments: number }> {
  const n = (db.prepare('SELECT count(*) AS n FROM persons WHERE deleted = 0').get() as { n: number }).n;
  if (n > 0) throw new ObminError('CONFLICT', { count: n }, 'demoProblems.notEmpty');
  return fillDemo(db, operatorId, { count });
}
