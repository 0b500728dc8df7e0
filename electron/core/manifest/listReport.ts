// An intake list's report: its source, counts, and every entry with its suggestion and the operator's decision.
import { both, L, type Bilingual } from '../../../shared/manifest';
import type { IntakeEntry, IntakeList } from '../../../shared/lists';
import { facts, label, LIST_LAYOUT, pageFooter, pageHeader, title } from '../pdf/blocks';
import { qrSvg } from '../pdf/qr';
import { renderPdf, type Content } from '../pdf/render';
import { contentCode } from './code';
import { cellText, join } from './text';

const F = (uk: string, en: string): Bilingual => [uk, en];

export async function listReportPdf(
  list: IntakeList,
  entries: IntakeEntry[],
  personName: (id: string) => string | null,
  date: Date,
): Promise<{ bytes: Buffer; pages: number; code: string }> {
  const code = contentCode('L', { list, e: entries.map((e) => [e.id, e.decision, e.decidedPersonId]) });
  const c = list.counts;
  const head = facts([
    [F('Назва', 'Title'), list.title],
    [L.kind, list.kind],
    [L.received, join(list.receivedDate, list.place)],
    [F('Надійність / достовірність', 'Reliability / credibility'), `${list.reliability}${list.credibility}`],
    [L.entries, `${c.total} · зв’язок / link ${c.link} · перевірка / review ${c.review} · нові / new ${c.new}`],
    [L.decision, `очікують / pending ${c.pending} · пов’язано / linked ${c.linked} · створено / created ${c.created} · пропущено / skipped ${c.skipped}`],
  ]);
  const body: Content[][] = [
    [label(L.row), label(F('Як у списку', 'As listed')), label(F('Розпізнано', 'Parsed')), label(L.suggestion), label(L.decision), label(L.person)],
  ];
  for (const e of entries) {
    const parsed = join(
      e.parsed.surname,
      e.parsed.givenName ?? e.parsed.givenInitial,
      e.parsed.patronymic ?? e.parsed.patronymicInitial,
      e.parsed.dateOfBirth,
      e.parsed.unit,
    );
    body.push([
      { text: String(e.row), alignment: 'right' },
      cellText(e.raw),
      cellText(parsed),
      cellText(e.suggestion),
      cellText(e.decision),
      cellText(e.decidedPersonId ? personName(e.decidedPersonId) : null),
    ]);
  }
  const table: Content = entries.length
    ? { table: { headerRows: 1, dontBreakRows: true, widths: [26, '*', '*', 50, 50, '*'], body }, layout: LIST_LAYOUT, margin: [0, 10, 0, 0] }
    : { text: both(L.empty), margin: [0, 10, 0, 0] };
  const svg = await qrSvg(`OBMIN-LIST:${code}`);
  const r = await renderPdf(
    {
      content: [title(L.listReport), head, table],
      header: pageHeader(`${both(L.listReport)} · ${list.title}`),
      footer: pageFooter({ code, qr: code, qrSvg: svg }),
    },
    { title: `${L.listReport[0]}: ${list.title}`, subject: code, date },
  );
  return { ...r, code };
}
