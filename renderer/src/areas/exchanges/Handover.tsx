import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/domain/roles';
import { isUnmarked, type EntryView, type HandoverState, type RoundDetail } from '../../../../shared/exchanges';
import type { Session } from '../../../../shared/ipc/schemas';
import type { PersonRow } from '../../../../shared/register';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useEntries } from './useEntries';
import { FormError, type UiError } from '../../components/FormError';

const KEYS: Record<string, HandoverState> = { KeyH: 'handed_over', KeyN: 'not_delivered', KeyR: 'refused_return' };
const MARKS: HandoverState[] = ['handed_over', 'not_delivered', 'refused_return'];

/** Handover day: one large row per person, marked by touch or keyboard; the last mark can be undone. */
export function Handover({ id, session, onExit }: { id: string; session: Session; onExit(): void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<RoundDetail | null>(null);
  const [stamp, setStamp] = useState(0);
  const [sel, setSel] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const [arrival, setArrival] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const load = useCallback(async () => {
    const r = await window.obmin.exchanges.get({ id, pageSize: 0 });
    if (r.ok) setD(r.value);
    else setError(r.error);
    setStamp((x) => x + 1);
  }, [id]);
  const receive = useEntries(id, 'receive', stamp, true);
  const give = useEntries(id, 'give', stamp, true);
  useEffect(() => {
    void load().then(() => box.current?.focus());
  }, [load]);
  const rows = d ? [...receive.rows, ...give.rows].filter((e) => e.state !== 'withdrawn' && e.state !== 'rejected_by_counterpart') : [];
  const mark = async (e: EntryView, state: HandoverState) => {
    const r = await window.obmin.exchanges.mark({ entryId: e.id, state });
    setError(r.ok ? null : r.error);
    await load();
    // Move on to the next person still unmarked.
    const i = rows.findIndex((x, j) => j > rows.indexOf(e) && isUnmarked(x.state));
    if (i >= 0) setSel(i);
  };
  const undo = async () => {
    const r = await window.obmin.exchanges.undoMark({ roundId: id });
    setError(r.ok ? null : r.error);
    await load();
    if (r.ok) {
      const i = rows.findIndex((x) => x.id === r.value.entryId);
      if (i >= 0) setSel(i);
    }
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (arrival) return;
    if (e.key === 'ArrowDown') setSel((s) => Math.min(s + 1, rows.length - 1));
    else if (e.key === 'ArrowUp') setSel((s) => Math.max(s - 1, 0));
    else if ((e.ctrlKey || e.metaKey) && e.code === 'KeyZ') void undo();
    else if (KEYS[e.code] && rows[sel] && !e.ctrlKey && !e.altKey) void mark(rows[sel]!, KEYS[e.code]!);
    else if (e.key === 'Escape') onExit();
    else return;
    e.preventDefault();
  };
  useEffect(() => {
    document.querySelector(`[data-handover-row="${sel}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [sel]);
  if (!d)
    return (
      <section className="area">
        <FormError error={error} />
      </section>
    );
  const done = rows.filter((e) => !isUnmarked(e.state)).length;
  return (
    <section className="area handover" aria-labelledby="area-title" data-testid="handover">
      <div className="area-head">
        <h1 id="area-title">{t('rounds.handover.title', { number: d.round.number })}</h1>
        <div className="actions">
          <span className="handover-progress" data-testid="handover-progress">
            {t('rounds.handover.done', { done, total: rows.length })}
          </span>
          <button type="button" className="big" onClick={() => void undo()} disabled={!d.lastMark} title="Ctrl+Z">
            ↶ {t('rounds.handover.undo')}
          </button>
          {can(session.operator.role, 'exchanges.handover') ? (
            <button type="button" className="big" onClick={() => setArrival(true)}>
              + {t('rounds.handover.arrival')}
            </button>
          ) : null}
          <button type="button" className="big" onClick={onExit} title="Esc">
            {t('rounds.handover.exit')}
          </button>
        </div>
      </div>
      <p className="muted">{t('rounds.handover.help')}</p>
      <FormError error={error} />
      <div
        className="handover-rows"
        tabIndex={0}
        ref={box}
        onKeyDown={onKey}
        role="listbox"
        aria-label={t('rounds.handover.title', { number: d.round.number })}
      >
        {rows.map((e, i) => (
          <div
            key={e.id}
            role="option"
            aria-selected={i === sel}
            data-handover-row={i}
            data-person={e.ref ?? e.personId}
            data-state={e.state}
            className={`handover-row${i === sel ? ' hr-sel' : ''} hs-${e.state}`}
            onClick={() => setSel(i)}
          >
            <Photo id={e.photoId} initials={`${e.surname[0] ?? ''}${e.givenName?.[0] ?? ''}`} />
            <div className="hr-who">
              <div className="hr-name">
                {e.surname} {e.givenName ?? ''} {e.patronymic ?? ''}
              </div>
              <div className="hr-details">
                {[
                  e.ref,
                  e.dateOfBirth ? t('rounds.handover.born', { date: e.dateOfBirth }) : null,
                  e.rank,
                  e.unit,
                  e.documentNumbers,
                  e.distinguishingMarks,
                  t(`exchanges.direction.${e.direction}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </div>
              <div className="hr-state">{t(`exchanges.state.${e.state}`)}</div>
            </div>
            <div className="hr-marks">
              {MARKS.map((m) => (
                <button
                  key={m}
                  type="button"
                  className={`big mark-${m}${e.state === m ? ' mark-on' : ''}`}
                  aria-pressed={e.state === m}
                  onClick={() => void mark(e, m)}
                >
                  {t(`rounds.handover.${m}`)}
                </button>
              ))}
            </div>
          </div>
        ))}
      </div>
      {arrival ? (
        <ArrivalDialog
          roundId={id}
          canCreate={can(session.operator.role, 'register.write')}
          onClose={() => {
            setArrival(false);
            box.current?.focus();
          }}
          onDone={() => {
            setArrival(false);
            void load();
          }}
        />
      ) : null}
    </section>
  );
}

function Photo({ id, initials }: { id: string | null; initials: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    void window.obmin.attachments.get({ id, thumb: true }).then((r) => {
      if (live && r.ok) setSrc(`data:${r.value.attachment.mime};base64,${r.value.dataBase64}`);
    });
    return () => {
      live = false;
    };
  }, [id]);
  return <div className="hr-photo">{src ? <img src={src} alt="" /> : <span aria-hidden="true">{initials}</span>}</div>;
}

function ArrivalDialog({ roundId, canCreate, onClose, onDone }: { roundId: string; canCreate: boolean; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<PersonRow[]>([]);
  const [surname, setSurname] = useState('');
  const [given, setGiven] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    if (!query.trim()) return setRows([]);
    let live = true;
    void window.obmin.persons.search({ query, filters: { side: 'ours' }, limit: 20 }).then((r) => live && r.ok && setRows(r.value.rows));
    return () => {
      live = false;
    };
  }, [query]);
  const record = async (a: { personId: string } | { person: { surname: string; givenName: string | null; side: 'ours'; category: 'military' } }) => {
    const r = await window.obmin.exchanges.arrival({ roundId, ...a });
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <Dialog title={t('rounds.handover.arrival')} onClose={onClose}>
      <Field label={t('rounds.handover.find')} value={query} onChange={setQuery} autoFocus />
      <ul className="arrival-found">
        {rows.map((p) => (
          <li key={p.id}>
            <button type="button" className="link" onClick={() => void record({ personId: p.id })}>
              {p.surname} {p.givenName ?? ''} {p.patronymic ?? ''} · {p.ref ?? ''} · {p.dateOfBirth ?? ''}
            </button>
          </li>
        ))}
      </ul>
      {canCreate ? (
        <fieldset className="form-section">
          <legend>{t('rounds.handover.create')}</legend>
          <Field label={t('rounds.handover.surname')} value={surname} onChange={setSurname} />
          <Field label={t('rounds.handover.givenName')} value={given} onChange={setGiven} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={!surname.trim()}
              onClick={() => void record({ person: { surname: surname.trim(), givenName: given.trim() || null, side: 'ours', category: 'military' } })}
            >
              {t('rounds.handover.record')}
            </button>
          </div>
        </fieldset>
      ) : null}
      <FormError error={error} />
    </Dialog>
  );
}
