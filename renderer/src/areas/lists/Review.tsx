import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeEntry, IntakeList } from '../../../../shared/lists';
import { FormError, type UiError } from '../../components/FormError';
import { PrintButtons } from '../manifest/PrintButtons';
import { percent, personName, Reasons } from './reasons';

const PAGE = 500;
/** A digit links a candidate at once only above this score; below it the window asks again. */
export const ASK_BELOW_SCORE = 0.5;
type Action = { action: 'link'; personId: string } | { action: 'create' } | { action: 'skip' };

/** What Enter/A does: a clear or doubtful match links the best candidate; nobody plausible means a new person. */
function suggested(e: IntakeEntry): Action | null {
  const best = e.candidates.find((c) => !c.gone);
  if (e.suggestion === 'new' || !best) return e.parsed.surname ? { action: 'create' } : null;
  return { action: 'link', personId: best.personId };
}

/** One list, entry by entry beside its candidates; everything by keyboard (↑/↓, Enter/A, 1–5, N, S). */
export function Review({ listId, canWrite, onBack, backLabel }: { listId: string; canWrite: boolean; onBack(): void; backLabel?: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<IntakeList | null>(null);
  const [entries, setEntries] = useState<IntakeEntry[]>([]);
  const [sel, setSel] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** a write waiting for a deliberate yes: accept-all (with its count) or a weak candidate picked by a digit */
  const [confirm, setConfirm] = useState<{ kind: 'acceptAll'; count: number } | { kind: 'weak'; personId: string; score: number; name: string } | null>(null);
  const root = useRef<HTMLElement>(null);

  const loadList = useCallback(async () => {
    const r = await window.obmin.lists.get({ id: listId });
    if (r.ok) setList(r.value);
    else setError(r.error);
  }, [listId]);

  const loadEntries = useCallback(
    async (offset: number) => {
      const r = await window.obmin.lists.entries({ listId, offset, limit: PAGE });
      if (r.ok) setEntries((prev) => (offset === 0 ? r.value : [...prev, ...r.value]));
      else setError(r.error);
    },
    [listId],
  );

  useEffect(() => {
    void loadList();
    void loadEntries(0);
    root.current?.focus();
  }, [loadList, loadEntries]);

  useEffect(() => {
    document.querySelector(`[data-entry-index="${sel}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [sel]);

  const entry = entries[sel];
  const writable = canWrite && list?.status === 'open';

  const decide = async (a: Action | null) => {
    if (!entry || !a || busy || !writable || entry.decision === 'linked' || entry.decision === 'created') return;
    setBusy(true);
    setError(null);
    const r = await window.obmin.lists.decide({ entryId: entry.id, decision: a });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setEntries((prev) => prev.map((e) => (e.id === r.value.id ? r.value : e)));
    void loadList();
    // On to the next entry still waiting, so a long list is worked through without reaching for the mouse.
    const next = entries.findIndex((e, i) => i > sel && e.decision === 'pending');
    if (next >= 0) setSel(next);
  };

  const acceptAll = async () => {
    setBusy(true);
    const r = await window.obmin.lists.acceptSuggested({ listId });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setNotice(t('lists.review.acceptAllDone', { count: r.value.linked }));
    await Promise.all([loadList(), loadEntries(0)]);
  };

  const setStatus = async (status: 'open' | 'closed') => {
    const r = await window.obmin.lists.setStatus({ listId, status });
    if (r.ok) setList(r.value);
    else setError(r.error);
  };

  const confirmed = () => {
    const c = confirm;
    setConfirm(null);
    root.current?.focus();
    if (c?.kind === 'acceptAll') void acceptAll();
    else if (c?.kind === 'weak') void decide({ action: 'link', personId: c.personId });
  };

  const onKey = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.altKey || e.metaKey || (e.target as HTMLElement).closest('button, input, select, textarea')) return;
    const k = e.key.toLowerCase();
    if (confirm) {
      // While a question is open, Enter answers yes and Esc no; nothing else is written.
      if (e.key === 'Enter') confirmed();
      else if (e.key === 'Escape') setConfirm(null);
      else return;
      e.preventDefault();
      return;
    }
    if (e.key === 'ArrowDown' || k === 'j') setSel((s) => Math.min(s + 1, entries.length - 1));
    else if (e.key === 'ArrowUp' || k === 'k') setSel((s) => Math.max(s - 1, 0));
    else if (e.key === 'Home') setSel(0);
    else if (e.key === 'End') setSel(Math.max(0, entries.length - 1));
    else if (e.key === 'Enter' || k === 'a' || k === 'ф') void decide(entry ? suggested(entry) : null);
    else if (/^[1-5]$/.test(e.key)) {
      const c = entry?.candidates[Number(e.key) - 1];
      if (c && !c.gone && c.score < ASK_BELOW_SCORE) setConfirm({ kind: 'weak', personId: c.personId, score: c.score, name: personName(c) });
      else if (c && !c.gone) void decide({ action: 'link', personId: c.personId });
    } else if (k === 'n' || k === 'т') void decide({ action: 'create' });
    else if (k === 's' || k === 'і') void decide({ action: 'skip' });
    else if (e.key === 'Escape') onBack();
    else return;
    e.preventDefault();
  };

  const c = list?.counts;
  return (
    <section className="area lists-review" aria-labelledby="area-title" tabIndex={0} ref={root} onKeyDown={onKey} data-testid="lists-review">
      <div className="area-head">
        <h1 id="area-title">{list?.title ?? t('lists.loading')}</h1>
        <div className="actions">
          <button type="button" onClick={onBack} title="Esc">
            {backLabel ?? t('lists.back')}
          </button>
          {writable && c && c.pendingLink > 0 ? (
            <button type="button" className="primary" onClick={() => setConfirm({ kind: 'acceptAll', count: c.pendingLink })} disabled={busy}>
              {t('lists.review.acceptAll')}
            </button>
          ) : null}
          {canWrite && list ? (
            <button type="button" onClick={() => void setStatus(list.status === 'open' ? 'closed' : 'open')}>
              {list.status === 'open' ? t('lists.review.close') : t('lists.review.reopen')}
            </button>
          ) : null}
        </div>
      </div>
      <PrintButtons target={{ kind: 'list', listId }} />
      {c ? (
        <p className="lists-progress" role="status" data-testid="lists-progress">
          {t('lists.review.counts', { done: c.total - c.pending, total: c.total, linked: c.linked, created: c.created, skipped: c.skipped })}
          <br />
          <span className="muted">{t('lists.review.suggested', { link: c.link, review: c.review, new: c.new })}</span>
        </p>
      ) : null}
      {list?.status === 'closed' ? <p className="notice">{t('lists.review.closedNote')}</p> : null}
      {notice ? <p className="notice">{notice}</p> : null}
      {confirm ? (
        <div className="discard-bar" role="alertdialog" aria-label={t('lists.review.confirmTitle')} data-testid="lists-confirm">
          <span>
            {confirm.kind === 'acceptAll'
              ? t('lists.review.confirmAll', { count: confirm.count })
              : t('lists.review.confirmWeak', { name: confirm.name, score: percent(confirm.score) })}
          </span>
          <button type="button" onClick={() => (setConfirm(null), root.current?.focus())}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={confirmed} autoFocus>
            {confirm.kind === 'acceptAll' ? t('lists.review.confirmAllYes', { count: confirm.count }) : t('lists.review.confirmWeakYes')}
          </button>
        </div>
      ) : null}
      <FormError error={error} />
      <p className="muted small">{t('lists.review.keys')}</p>
      <div className="lists-split">
        <ol className="lists-entries" aria-label={t('lists.review.entry')}>
          {entries.map((e, i) => (
            <li
              key={e.id}
              data-entry-index={i}
              className={`lists-entry ${i === sel ? 'lists-sel' : ''} decision-${e.decision}`}
              onClick={() => setSel(i)}
              aria-current={i === sel}
            >
              <span className="num mono">{e.row}</span>
              <span className="lists-raw">{e.raw}</span>
              {/* One colour per state: the suggestion's while pending, the decision's own once decided. */}
              <span className={e.decision === 'pending' ? `pill suggestion-${e.suggestion}` : `pill decided-${e.decision}`}>
                {e.decision === 'pending' ? t(`lists.suggestion.${e.suggestion}`) : t(`lists.decision.${e.decision}`)}
              </span>
            </li>
          ))}
          {list && entries.length < list.counts.total ? (
            <li>
              <button type="button" onClick={() => void loadEntries(entries.length)}>
                {t('lists.review.loadMore')}
              </button>
            </li>
          ) : null}
        </ol>
        {entry ? <EntryPanel entry={entry} writable={Boolean(writable)} busy={busy} decide={(a) => void decide(a)} /> : null}
      </div>
    </section>
  );
}

function EntryPanel({ entry, writable, busy, decide }: { entry: IntakeEntry; writable: boolean; busy: boolean; decide(a: Action | null): void }) {
  const { t } = useTranslation();
  const p = entry.parsed;
  const open = writable && !busy && (entry.decision === 'pending' || entry.decision === 'skipped');
  const decided = entry.candidates.find((c) => c.personId === entry.decidedPersonId);
  return (
    <div className="lists-panel panel" data-testid="lists-entry-panel">
      <h2>
        {t('lists.review.entry')} {entry.row} · <span className={`pill suggestion-${entry.suggestion}`}>{t(`lists.suggestion.${entry.suggestion}`)}</span>
      </h2>
      <dl className="lists-parsed">
        <dt>{t('lists.review.raw')}</dt>
        <dd className="lists-raw">{entry.raw}</dd>
        <dt>{t('lists.review.parsed')}</dt>
        <dd>
          {[p.surname, p.givenName ?? (p.givenInitial ? `${p.givenInitial}.` : null), p.patronymic ?? (p.patronymicInitial ? `${p.patronymicInitial}.` : null)]
            .filter(Boolean)
            .join(' ') || '—'}
          {p.dateOfBirth ? <span className="mono"> · {p.dateOfBirth}</span> : null}
          {p.unit ? <span className="mono"> · {p.unit}</span> : null}
        </dd>
      </dl>
      {p.problems.length ? (
        <ul className="lists-problems">
          {p.problems.map((k) => (
            <li key={k} className="pill pill-warn">
              ⚠ {t(k)}
            </li>
          ))}
        </ul>
      ) : null}
      {entry.decision !== 'pending' ? (
        <p className="notice" data-testid="lists-decision">
          {t('lists.review.decidedAs', { decision: t(`lists.decision.${entry.decision}`) })}
          {entry.decidedPersonId ? ` · ${t('lists.review.decidedPerson', { ref: decided?.ref ?? entry.decidedPersonId.slice(0, 8) })}` : ''}
        </p>
      ) : null}
      <h3>{t('lists.review.candidates')}</h3>
      {entry.candidates.length === 0 ? <p className="muted">{t('lists.review.noCandidates')}</p> : null}
      <ol className="lists-candidates">
        {entry.candidates.map((c, i) => (
          <li key={c.personId} className={`lists-candidate ${c.gone ? 'row-muted' : ''} ${c.personId === entry.decidedPersonId ? 'lists-chosen' : ''}`}>
            <div className="lists-cand-head">
              <kbd>{i + 1}</kbd>
              <strong>{personName(c) || '—'}</strong>
              <span className="mono">{c.dateOfBirth ?? ''}</span>
              <span className="mono muted">{c.ref ?? ''}</span>
              <span className="lists-score" title={t('lists.review.score')}>
                <span className="lists-bar" aria-hidden="true">
                  <span className={`lists-bar-fill w${Math.round(c.score * 10)}`} />
                </span>
                {percent(c.score)}
              </span>
              {c.gone ? <span className="pill">{t('lists.review.gone')}</span> : null}
              {open && !c.gone ? (
                <button type="button" onClick={() => decide({ action: 'link', personId: c.personId })}>
                  {t('lists.review.pick', { key: i + 1 })}
                </button>
              ) : null}
            </div>
            <Reasons candidate={c} />
          </li>
        ))}
      </ol>
      {open ? (
        <div className="actions">
          <button type="button" className="primary" onClick={() => decide(suggested(entry))}>
            {t('lists.review.accept')}
          </button>
          <button type="button" onClick={() => decide({ action: 'create' })} disabled={!p.surname}>
            {t('lists.review.create')}
          </button>
          <button type="button" onClick={() => decide({ action: 'skip' })}>
            {t('lists.review.skip')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
