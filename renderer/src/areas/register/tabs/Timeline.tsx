// Sources and sightings as one timeline, newest first: what was seen where, and the evidence behind each status.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../../shared/register';
import { StatusBadge } from '../StatusBadge';
import { SourceGrade } from './SourceGrade';

type Item = { key: string; when: string; kind: 'sighting' | 'status' | 'source'; body: ReactNode };

export function Timeline({ detail }: { detail: PersonDetail }) {
  const { t } = useTranslation();
  const items: Item[] = [
    ...detail.sightings.map((s) => ({
      key: `si-${s.id}`,
      when: s.date ?? s.createdAt.slice(0, 10),
      kind: 'sighting' as const,
      body: (
        <>
          <strong>{t('register.timeline.sighting', { place: s.place })}</strong>
          {s.note ? <p className="wrap">{s.note}</p> : null}
          {s.source ? <SourceGrade source={s.source} /> : null}
        </>
      ),
    })),
    ...detail.statusHistory.map((c) => ({
      key: `st-${c.id}`,
      when: c.at.slice(0, 10),
      kind: 'status' as const,
      body: (
        <>
          <span>
            {c.fromStatus ? <StatusBadge status={c.fromStatus} /> : null} <span aria-hidden="true">→</span> <StatusBadge status={c.toStatus} />
          </span>
          {c.source ? <SourceGrade source={c.source} /> : null}
        </>
      ),
    })),
    // Sources not already shown through a sighting or a status change still belong on the line.
    ...detail.sources
      .filter((s) => !detail.sightings.some((x) => x.sourceId === s.id) && !detail.statusHistory.some((c) => c.sourceId === s.id))
      .map((s) => ({ key: `so-${s.id}`, when: s.receivedDate ?? s.createdAt.slice(0, 10), kind: 'source' as const, body: <SourceGrade source={s} /> })),
  ].sort((a, b) => b.when.localeCompare(a.when));
  if (items.length === 0) return <p className="muted">{t('register.person.nothing')}</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {items.map((i) => (
        <li key={i.key} className={`tl-item tl-${i.kind}`}>
          <span className="tl-when mono">{i.when}</span>
          <div className="tl-body">{i.body}</div>
        </li>
      ))}
    </ol>
  );
}
