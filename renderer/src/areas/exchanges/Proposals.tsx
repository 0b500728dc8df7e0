import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffItemView, Direction, Proposal, ProposalMeta } from '../../../../shared/exchanges';
import type { IntakeList } from '../../../../shared/lists';
import { Dialog } from '../../components/Dialog';
import { FormError, type UiError } from '../../components/FormError';

/**
 * The counterpart's answer: per direction, their spreadsheet imported from here (the Lists intake: same matcher, same
 * review) or a list already reviewed in Lists.
 */
export function AnswerDialog({
  roundId,
  preset,
  onImport,
  onClose,
  onDone,
}: {
  roundId: string;
  preset: Partial<Record<Direction, string>>;
  onImport: ((direction: Direction, chosen: Partial<Record<Direction, string>>) => void) | null;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [lists, setLists] = useState<IntakeList[]>([]);
  const [receive, setReceive] = useState(preset.receive ?? '');
  const [give, setGive] = useState(preset.give ?? '');
  const [error, setError] = useState<UiError | null>(null);
  useEffect(() => {
    void window.obmin.lists
      .list({ limit: 500 })
      .then((r) => (r.ok ? setLists(r.value.filter((l) => l.kind === 'counterpart_list' || l.kind === 'mediator_list')) : setError(r.error)));
  }, []);
  const submit = async () => {
    const r = await window.obmin.exchanges.answer({ roundId, receiveListId: receive || null, giveListId: give || null });
    if (r.ok) onDone();
    else setError(r.error);
  };
  const pick = (direction: Direction, label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={`answer-${direction}`}>{label}</label>
      <div className="answer-pick">
        <select id={`answer-${direction}`} value={value} onChange={(e) => set(e.target.value)}>
          <option value="">{t('rounds.answer.none')}</option>
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title} · {l.counts.total}
              {l.counts.pending ? ` · ${t('rounds.answer.pending', { count: l.counts.pending })}` : ''}
            </option>
          ))}
        </select>
        {onImport ? (
          <button type="button" onClick={() => onImport(direction, { receive, give })} data-testid={`answer-import-${direction}`}>
            {t('rounds.answer.import')}
          </button>
        ) : null}
      </div>
    </div>
  );
  return (
    <Dialog title={t('rounds.answer.title')} onClose={onClose}>
      <p className="muted">{t('rounds.answer.hint')}</p>
      {pick('receive', t('rounds.answer.receiveList'), receive, setReceive)}
      {pick('give', t('rounds.answer.giveList'), give, setGive)}
      <FormError error={error} />
      <div className="actions">
        <button type="button" className="primary" disabled={!receive && !give} onClick={() => void submit()}>
          {t('rounds.answer.record')}
        </button>
      </div>
    </Dialog>
  );
}

function DiffTable({ diff, decision, set }: { diff: DiffItemView[]; decision?: Map<string, boolean>; set?: (personId: string, accept: boolean) => void }) {
  const { t } = useTranslation();
  if (diff.length === 0) return <p className="muted">{t('rounds.diff.none')}</p>;
  return (
    <table className="data compact diff" data-testid="diff">
      <tbody>
        {diff.map((d) => (
          <tr key={d.personId} className={`diff-${d.change}`} data-person={d.ref ?? d.personId}>
            <td className="diff-mark">{d.change === 'added' ? '+' : d.change === 'removed' ? '−' : '~'}</td>
            <td>{t(`rounds.diff.${d.change}`)}</td>
            <td>{d.name}</td>
            <td className="mono">{d.ref ?? '—'}</td>
            <td>
              {d.from ? t(`exchanges.direction.${d.from}`) : ''}
              {d.from && d.to ? ' → ' : ''}
              {d.to ? t(`exchanges.direction.${d.to}`) : ''}
            </td>
            {set ? (
              <td className="diff-choice">
                <label className="check">
                  <input type="radio" name={`d-${d.personId}`} checked={decision?.get(d.personId) === true} onChange={() => set(d.personId, true)} />{' '}
                  {t('rounds.diff.accept')}
                </label>
                <label className="check">
                  <input type="radio" name={`d-${d.personId}`} checked={decision?.get(d.personId) === false} onChange={() => set(d.personId, false)} />{' '}
                  {t('rounds.diff.reject')}
                </label>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The answer's differences, each agreed or rejected; together they make the agreed version. */
export function DiffDecide({
  roundId,
  diff,
  from,
  to,
  canDecide,
  onDone,
}: {
  roundId: string;
  diff: DiffItemView[];
  from: number;
  to: number;
  canDecide: boolean;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<Map<string, boolean>>(new Map());
  const [error, setError] = useState<UiError | null>(null);
  const set = (id: string, accept: boolean) => setDecision((m) => new Map(m).set(id, accept));
  const all = (accept: boolean) => setDecision(new Map(diff.map((d) => [d.personId, accept])));
  const agree = async () => {
    const r = await window.obmin.exchanges.agree({ roundId, decisions: [...decision].map(([personId, accept]) => ({ personId, accept })) });
    if (r.ok) onDone();
    else setError(r.error);
  };
  const left = diff.filter((d) => !decision.has(d.personId)).length;
  return (
    <section className="diff-panel" aria-label={t('rounds.diff.title', { from, to })}>
      <h2>{t('rounds.diff.title', { from, to })}</h2>
      <DiffTable diff={diff} decision={decision} set={canDecide ? set : undefined} />
      <FormError error={error} />
      {canDecide ? (
        <div className="actions">
          <span className="muted">{t('rounds.diff.left', { count: left })}</span>
          <button type="button" onClick={() => all(true)}>
            {t('rounds.diff.acceptAll')}
          </button>
          <button type="button" onClick={() => all(false)}>
            {t('rounds.diff.rejectAll')}
          </button>
          <button type="button" className="primary" onClick={() => void agree()}>
            {t('rounds.diff.agree')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** Every frozen version with its counts and differences; one opens to show its diff. */
export function ProposalHistory({ proposals }: { proposals: ProposalMeta[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Proposal | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  if (proposals.length === 0) return null;
  const show = async (id: string) => {
    const r = await window.obmin.exchanges.proposal({ id });
    if (r.ok) setShown(r.value);
    else setError(r.error);
  };
  return (
    <section className="proposals" aria-label={t('rounds.proposals.title')} data-testid="proposals">
      <h2>{t('rounds.proposals.title')}</h2>
      <ul>
        {proposals.map((p) => (
          <li key={p.id} data-version={p.version}>
            {t('rounds.proposals.line', {
              version: p.version,
              kind: t(`rounds.proposals.kind.${p.kind}`),
              date: p.frozenAt.slice(0, 10),
              receive: p.counts.receive,
              give: p.counts.give,
            })}
            {p.mediator ? ` · ${t(`exchanges.mediator.${p.mediator}`)}` : ''}
            {p.version > 1 ? <span className="mono"> {t('rounds.proposals.changes', p.diffCounts)}</span> : null}{' '}
            {p.version > 1 ? (
              <button type="button" className="link" onClick={() => void show(p.id)}>
                {t('rounds.proposals.show')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <FormError error={error} />
      {shown ? (
        <Dialog title={t('rounds.diff.title', { from: shown.version - 1, to: shown.version })} onClose={() => setShown(null)} wide>
          <DiffTable diff={shown.diff} />
        </Dialog>
      ) : null}
    </section>
  );
}
