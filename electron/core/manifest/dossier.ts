// A person's dossier: identity, service, description, capture, health, ICRC, remains; status history and sightings.
// Family contacts are never printed (they stay on screen, behind family.read).
import { both, CATEGORY_LABELS, L, type Bilingual } from '../../../shared/manifest';
import type { PersonDetail } from '../../../shared/register';
import { facts, label, LIST_LAYOUT, pageFooter, pageHeader, title } from '../pdf/blocks';
import { qrSvg } from '../pdf/qr';
import { renderPdf, type Content } from '../pdf/render';
import { contentCode } from './code';
import { cellText, join } from './text';

const F = (uk: string, en: string): Bilingual => [uk, en];

export async function dossierPdf(d: PersonDetail, photo: Buffer | null, date: Date): Promise<{ bytes: Buffer; pages: number; code: string }> {
  const p = d.person;
  const code = contentCode('P', { p, h: d.statusHistory.map((h) => h.id), s: d.sightings.map((s) => s.id) });
  const name = join(p.surname.toLocaleUpperCase('uk'), p.givenName, p.patronymic);
  const latin = join(p.surnameLatin?.toUpperCase(), p.givenNameLatin, p.patronymicLatin);
  const identity: Content = facts([
    [F('Номер справи', 'Case ref.'), p.ref],
    [L.name, name],
    [F('Латиницею', 'In Latin'), latin],
    [F('Варіанти написання', 'Variant spellings'), p.nameVariants.join('; ')],
    [L.dob, p.dateOfBirth],
    [F('Місце народження', 'Place of birth'), p.placeOfBirth],
    [F('Стать', 'Sex'), p.sex],
    [F('Громадянство', 'Citizenship'), p.citizenship],
    [F('Документи', 'Documents'), p.documentNumbers],
    [F('Ім’я батька', 'Father’s first name'), p.fatherName],
    [F('Дівоче прізвище матері', 'Mother’s maiden name'), p.motherMaidenName],
    [L.category, both(CATEGORY_LABELS[p.category])],
    [L.status, p.status],
  ]);
  const photoBox: Content = photo
    ? { image: 'photo', fit: [120, 150] }
    : { text: both(L.noPhoto), color: '#777777', fontSize: 8, margin: [0, 40, 0, 0], alignment: 'center' };
  const more: [Bilingual, string | null][] = [
    [F('Звання', 'Rank'), p.rank],
    [F('Частина', 'Unit'), p.unit],
    [F('Особовий номер', 'Service number'), p.serviceNumber],
    [F('Зріст, см', 'Height, cm'), p.heightCm === null ? null : String(p.heightCm)],
    [F('Статура', 'Build'), p.build],
    [F('Очі / волосся', 'Eyes / hair'), join(p.eyeColour, p.hairColour)],
    [F('Особливі прикмети', 'Distinguishing marks'), p.distinguishingMarks],
    [F('Група крові', 'Blood type'), p.bloodType],
    [F('Дата полону', 'Capture date'), p.captureDate],
    [F('Місце полону', 'Capture place'), p.capturePlace],
    [F('Обставини', 'Circumstances'), p.captureCircumstances],
    [F('Останнє відоме місце', 'Last known location'), join(p.lastKnownLocation, p.facility)],
    [F('Здоров’я', 'Health'), join(p.health, p.seriouslyWounded ? '(тяжко поранений або хворий / seriously wounded or sick)' : null)],
    [F('Правовий стан', 'Legal status'), p.legalStatus],
    [L.icrc, join(p.icrcStatus, p.icrcRef, p.icrcDate)],
  ];
  if (p.category === 'remains') {
    more.push(
      [F('Бирка / справа', 'Tag / case'), p.remainsTag],
      [F('Де й коли знайдено', 'Recovered'), join(p.recoveryPlace, p.recoveryDate)],
      [F('Особисті речі', 'Personal effects'), p.personalEffects],
      [F('ДНК', 'DNA'), join(p.dnaLabRef, p.dnaMatchResult)],
    );
  }
  const history: Content = d.statusHistory.length
    ? {
        table: {
          headerRows: 1,
          widths: [70, 110, 110, '*'],
          body: [
            [label(L.date), label(F('Було', 'From')), label(F('Стало', 'To')), label(L.source)],
            ...d.statusHistory.map((h) => [cellText(h.at.slice(0, 10)), cellText(h.fromStatus), cellText(h.toStatus), cellText(h.source?.title)]),
          ],
        },
        layout: LIST_LAYOUT,
      }
    : { text: '—' };
  const sightings: Content = d.sightings.length
    ? {
        table: {
          headerRows: 1,
          widths: [70, '*', '*'],
          body: [
            [label(L.date), label(F('Місце', 'Place')), label(L.source)],
            ...d.sightings.map((s) => [cellText(s.date), cellText(s.place), cellText(s.source?.title)]),
          ],
        },
        layout: LIST_LAYOUT,
      }
    : { text: '—' };
  const content: Content[] = [
    title(L.dossier, ` · ${p.ref ?? ''}`.replace(/ · $/, '')),
    {
      columns: [
        { width: '*', stack: [identity] },
        { width: 130, stack: [photoBox] },
      ],
      columnGap: 10,
    },
    { margin: [0, 10, 0, 0], stack: [facts(more.filter(([, v]) => v && v.trim()))] },
    { text: both(L.history), bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
    history,
    { text: both(L.sightings), bold: true, fontSize: 11, margin: [0, 12, 0, 4] },
    sightings,
  ];
  const svg = await qrSvg(`OBMIN-DOSSIER:${code}`);
  const r = await renderPdf(
    {
      content,
      images: photo ? { photo: `data:image/${photo[0] === 0x89 ? 'png' : 'jpeg'};base64,${photo.toString('base64')}` } : {},
      header: pageHeader(`${both(L.dossier)} · ${name}`),
      footer: pageFooter({ code, qr: code, qrSvg: svg }),
    },
    { title: `${L.dossier[0]} ${p.ref ?? ''}`, subject: code, date },
  );
  return { ...r, code };
}
