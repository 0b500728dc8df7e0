import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/domain/roles';
import { CATEGORIES } from '../../../../shared/register/enums';
import { sumCounts, type Direction, type RoundDetail } from '../../../../shared/exchanges';
import type { Session } from '../../../../shared/ipc/schemas';
import { FormError, type UiError } from '../../components/FormError';
import { NewListDialog } from '../lists/NewListDialog';
import { Review } from '../lists/Review';
import { AddDialog } from './AddDialog';
import { AnswerDialog, DiffDecide, ProposalHistory } from './Proposals';
import { CloseDialog } from './CloseDialog';
import { FieldPackage } from './FieldPackage';
import { PrintButtons } from '../manifest/PrintButtons';
import { RoundStatus } from './ExchangesArea';
import { useEntries } from './useEntries';
import '../../styles/lists.css';

type EntryPageData = RoundDetail['first']['receive'];
// Enough to fill both lists at 1920×1080; each row costs a check in the window, so no more than a screenful.
const FIRST_PAGE = 20;

/** One round: both lists side by side, the balance, proposals and their differences, and the round's actions. */
export function RoundPage({ id, session, onBack, onHandover }: { id: string; session: Session; onBack(): void; onHandover(): void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<RoundDetail | null>(null);
  const [stamp, setStamp] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const [dialog, setDialog] = useState<
    null | { kind: 'add'; direction: Direction } | { kind: 'answer' } | { kind: 'import'; direction: Direction } | { kind: 'close' }
  >(null);
  // The answer's lists as chosen so far, and the one being reviewed (the Lists review, shown in place of the round).
  const [answer, setAnswer] = useState<Partial<Record<Direction, string>>>({});
  const [reviewing, setReviewing] = useState<{ listId: string; direction: Direction } | null>(null);
  const role = session.operator.role;
  const load = useCallback(async () => {
    // The first screenful of each list comes with the round; the rest on request.
    const r = await window.obmin.exchanges.get({ id, pageSize: FIRST_PAGE });
    if (r.ok) setD(r.value);
    else setError(r.error);
    setStamp((x) => x + 1);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  const act = async (p: Promise<{ ok: true } | { ok: false; error: UiError }>) => {
    const r = await p;
    if (!r.ok) setError(r.error);
    else setError(null);
    await load();
  };
  if (reviewing)
    return (
      <Review
        listId={reviewing.listId}
        canWrite={can(session.operator.role, 'lists.write')}
        backLabel={t('rounds.answer.backToRound')}
        onBack={() => {
          setAnswer((a) => ({ ...a, [reviewing.direction]: reviewing.listId }));
          setReviewing(null);
          setDialog({ kind: 'answer' });
        }}
      />
    );
  if (!d)
    return (
      <section className="area exchanges">
        <FormError error={error} />
        {error ? null : <p className="muted">{t('rounds.loading')}</p>}
      </section>
    );
  const r = d.round;
  const open = r.status !== 'closed' && r.status !== 'cancelled';
  const editable = open && (r.status === 'planning' || r.status === 'negotiating') && !d.awaitingAnswer && !d.pendingDiff;
  const nextVersion = (d.proposals.at(-1)?.version ?? 0) + 1;
  const freeze = () => {
    if (window.confirm(t('rounds.round.freezeConfirm', { version: nextVersion }))) void act(window.obmin.exchanges.freeze({ roundId: id }));
  };
  const reopen = () => {
    if (window.confirm(t('rounds.round.reopenConfirm', { number: r.number, version: nextVersion }))) void act(window.obmin.exchanges.reopen({ id }));
  };
  const cancel = () => {
    if (window.confirm(t('rounds.round.cancelConfirm', { number: r.number }))) void act(window.obmin.exchanges.cancel({ id }));
  };
  return (
    <section className="area exchanges round-page" aria-labelledby="area-title">
      <div className="area-head">
        <div>
          <button type="button" className="link" onClick={onBack}>
            ← {t('rounds.back')}
          </button>
          <h1 id="area-title">
            {t('rounds.round.heading', { number: r.number })} <RoundStatus status={r.status} />
          </h1>
          <p className="muted round-meta">
            {[
              r.place,
              r.plannedDate ? t('rounds.round.planned', { date: r.plannedDate }) : null,
              r.actualDate ? t('rounds.round.actual', { date: r.actualDate }) : null,
              r.mediators.map((m) => t(`exchanges.mediator.${m}`)).join(', '),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <div className="actions">
          {editable && can(role, 'exchanges.decide') ? (
            <button type="button" onClick={freeze}>
              {t('rounds.round.freeze')}
            </button>
          ) : null}
          {open && d.awaitingAnswer && can(role, 'exchanges.write') ? (
            <button type="button" onClick={() => setDialog({ kind: 'answer' })}>
              {t('rounds.round.answer')}
            </button>
          ) : null}
          {r.status === 'agreed' && can(role, 'exchanges.decide') ? (
            <button type="button" onClick={reopen}>
              {t('rounds.round.reopen')}
            </button>
          ) : null}
          {open && r.status !== 'planning' && can(role, 'exchanges.handover') ? (
            <button type="button" className="primary" onClick={onHandover}>
              {t('rounds.round.handover')}
            </button>
          ) : null}
          {r.status === 'executed' && can(role, 'exchanges.decide') ? (
            <button type="button" className="danger" onClick={() => setDialog({ kind: 'close' })}>
              {t('rounds.round.close')}
            </button>
          ) : null}
          {open && r.status !== 'executed' && can(role, 'exchanges.decide') ? (
            <button type="button" className="ghost" onClick={cancel}>
              {t('rounds.round.cancelRound')}
            </button>
          ) : null}
        </div>
      </div>
      <FormError error={error} />
      {r.summary ? (
        <p className="round-sentence" data-testid="round-summary">
          {r.summary[session.settings.locale]}
        </p>
      ) : null}
      {d.awaitingAnswer ? <p className="notice">{t('rounds.round.awaiting')}</p> : null}
      {d.pendingDiff ? (
        <DiffDecide
          roundId={id}
          diff={d.pendingDiff}
          from={d.proposals.at(-2)?.version ?? 1}
          to={d.proposals.at(-1)?.version ?? 2}
          canDecide={can(role, 'exchanges.decide')}
          onDone={load}
        />
      ) : null}
      <Balance d={d} />
      {r.status !== 'planning' && r.status !== 'cancelled' ? <PrintButtons target={{ kind: 'manifest', exchange: r.number }} /> : null}
      <div className="round-lists">
        {(['receive', 'give'] as const).map((dir) => (
          <EntryList
            key={dir}
            roundId={id}
            stamp={stamp}
            initial={d.first[dir]}
            direction={dir}
            canAdd={editable && can(role, 'exchanges.write')}
            onAdd={() => setDialog({ kind: 'add', direction: dir })}
            onWithdraw={editable && can(role, 'exchanges.write') ? (entryId) => void act(window.obmin.exchanges.withdraw({ entryId })) : null}
          />
        ))}
      </div>
      <ProposalHistory proposals={d.proposals} />
      {open && can(role, 'register.export') && can(role, 'family.read') ? <FieldPackage exchange={r.number} /> : null}
      {dialog?.kind === 'add' ? <AddDialog roundId={id} direction={dialog.direction} onClose={() => setDialog(null)} onDone={() => void load()} /> : null}
      {dialog?.kind === 'answer' ? (
        <AnswerDialog
          roundId={id}
          preset={answer}
          onImport={
            can(role, 'lists.write')
              ? (direction, chosen) => {
                  setAnswer(chosen);
                  setDialog({ kind: 'import', direction });
                }
              : null
          }
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setAnswer({});
            void load();
          }}
        />
      ) : null}
      {dialog?.kind === 'import' ? (
        <NewListDialog
          initialKind="counterpart_list"
          onClose={() => setDialog({ kind: 'answer' })}
          onDone={(listId) => {
            setDialog(null);
            setReviewing({ listId, direction: dialog.direction });
          }}
        />
      ) : null}
      {dialog?.kind === 'close' ? <CloseDialog detail={d} locale={session.settings.locale} onClose={() => setDialog(null)} onDone={() => void load()} /> : null}
    </section>
  );
}

function Balance({ d }: { d: RoundDetail }) {
  const { t } = useTranslation();
  const warned = d.warnings.warned;
  const l = d.round.totals.listed;
  return (
    <section className="balance" aria-label={t('rounds.balance.title')} data-testid="balance">
      <table className="data compact">
        <thead>
          <tr>
            <th>{t('rounds.balance.title')}</th>
            {CATEGORIES.map((c) => (
              <th key={c} className="num">
                {t(`rounds.category.${c}`)}
              </th>
            ))}
            <th className="num">{t('rounds.balance.total')}</th>
          </tr>
        </thead>
        <tbody>
          {(['receive', 'give'] as const).map((dir) => (
            <tr key={dir} data-direction={dir}>
              <th scope="row">{t(`rounds.col.${dir}`)}</th>
              {CATEGORIES.map((c) => (
                <td key={c} className="num">
                  {l[dir][c]}
                </td>
              ))}
              <td className="num strong">{sumCounts(l[dir])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={warned ? 'warn-count' : 'muted'}>{t('rounds.balance.warnings', { count: warned })}</p>
    </section>
  );
}

function EntryList({
  roundId,
  stamp,
  initial,
  direction,
  canAdd,
  onAdd,
  onWithdraw,
}: {
  roundId: string;
  stamp: number;
  initial: EntryPageData;
  direction: Direction;
  canAdd: boolean;
  onAdd(): void;
  onWithdraw: ((id: string) => void) | null;
}) {
  const { t } = useTranslation();
  const { rows: entries, total, more, error } = useEntries(roundId, direction, stamp, false, initial);
  return (
    <section className="round-list" aria-label={t(`rounds.col.${direction}`)} data-testid={`list-${direction}`}>
      <div className="list-head">
        <h2>
          {t(`rounds.col.${direction}`)} <span className="muted">({total})</span>
        </h2>
        {canAdd ? (
          <button type="button" onClick={onAdd}>
            {t(direction === 'receive' ? 'rounds.round.addReceive' : 'rounds.round.addGive')}
          </button>
        ) : null}
      </div>
      <FormError error={error} />
      {total === 0 ? <p className="muted">{t('rounds.round.noEntries')}</p> : null}
      {entries.length > 0 ? (
        <div className="table-wrap round-table">
          <table className="data compact">
            <thead>
              <tr>
                <th>{t('rounds.col.person')}</th>
                <th>{t('rounds.col.ref')}</th>
                <th>{t('rounds.col.category')}</th>
                <th>{t('rounds.col.state')}</th>
                <th>{t('rounds.col.warnings')}</th>
                {onWithdraw ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr
                  key={e.id}
                  data-person={e.ref ?? e.personId}
                  data-state={e.state}
                  className={e.state === 'withdrawn' || e.state === 'rejected_by_counterpart' ? 'entry-off' : undefined}
                >
                  <td className="name-cell">
                    {e.surname} {e.givenName ?? ''} {e.patronymic ?? ''}
                    {e.unexpected ? <span className="tag"> {t('rounds.round.unexpected')}</span> : null}
                  </td>
                  <td className="mono">{e.ref ?? '—'}</td>
                  <td>{t(`rounds.category.${e.category}`)}</td>
                  <td>
                    <span className={`entry-state es-${e.state}`}>{t(`exchanges.state.${e.state}`)}</span>
                  </td>
                  <td className="warn-cell">
                    {e.warnings.map((w) => (
                      <span key={w} className="warn" data-warning={w}>
                        ⚠ {t(`exchanges.warning.${w}`)}
                        {w === 'on_other_round' && e.otherRound ? ` (${t('rounds.round.otherRound', { number: e.otherRound })})` : ''}
                      </span>
                    ))}
                  </td>
                  {onWithdraw ? (
                    <td>
                      {e.state === 'proposed' || e.state === 'agreed' ? (
                        <button type="button" className="ghost small" onClick={() => onWithdraw(e.id)}>
                          {t('rounds.round.withdraw')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {entries.length < total ? (
            <button type="button" className="link" onClick={more}>
              {t('rounds.round.more', { shown: entries.length, total })}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
