import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/domain/roles';
import type { LiaisonTask } from '../../../../shared/exchanges';
import type { Session } from '../../../../shared/ipc/schemas';
import { CONTACT_CHANNELS } from '../../../../shared/register/enums';
import { FormError, type UiError } from '../../components/FormError';

/** The liaison's list: families to call after closed rounds; each call goes into the person's contact log. */
export function Tasks({ session, onBack }: { session: Session; onBack(): void }) {
  const { t } = useTranslation();
  const [tasks, setTasks] = useState<LiaisonTask[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const load = useCallback(async () => {
    const r = await window.obmin.exchanges.tasks({ open: true });
    if (r.ok) setTasks(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="area exchanges" aria-labelledby="area-title">
      <button type="button" className="link" onClick={onBack}>
        ← {t('rounds.back')}
      </button>
      <h1 id="area-title">{t('rounds.task.title')}</h1>
      <p className="muted">{t('rounds.task.intro')}</p>
      <FormError error={error} />
      {tasks?.length === 0 ? <p className="notice">{t('rounds.task.empty')}</p> : null}
      <ul className="tasks" data-testid="tasks">
        {(tasks ?? []).map((task) => (
          <TaskRow key={task.id} task={task} canLog={can(session.operator.role, 'family.write')} onDone={load} />
        ))}
      </ul>
    </section>
  );
}

function TaskRow({ task, canLog, onDone }: { task: LiaisonTask; canLog: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const [relativeId, setRelativeId] = useState(task.relatives[0]?.id ?? '');
  const [channel, setChannel] = useState<(typeof CONTACT_CHANNELS)[number]>('phone');
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const log = async () => {
    const r = await window.obmin.exchanges.taskDone({ taskId: task.id, relativeId, channel, summary });
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <li className="task" data-person={task.ref ?? task.personId}>
      <div className="task-who">
        <strong>{task.name}</strong> <span className="mono">{task.ref ?? ''}</span> · {t('rounds.round.heading', { number: task.roundNumber })} ·{' '}
        <span className={`task-reason tr-${task.reason}`}>{t(`rounds.task.reason.${task.reason}`)}</span>
      </div>
      {task.relatives.length === 0 ? <p className="muted">{t('rounds.task.noRelatives')}</p> : null}
      {canLog && task.relatives.length > 0 ? (
        <div className="task-log">
          <select aria-label={t('rounds.task.relative')} value={relativeId} onChange={(e) => setRelativeId(e.target.value)}>
            {task.relatives.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.relation}) {r.phone ?? ''}
              </option>
            ))}
          </select>
          <select aria-label={t('rounds.task.channel')} value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
            {CONTACT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`register.family.channels.${c}`)}
              </option>
            ))}
          </select>
          <input aria-label={t('rounds.task.summary')} placeholder={t('rounds.task.summary')} value={summary} onChange={(e) => setSummary(e.target.value)} />
          <button type="button" className="primary" disabled={!summary.trim() || !relativeId} onClick={() => void log()}>
            {t('rounds.task.log')}
          </button>
        </div>
      ) : null}
      <FormError error={error} />
    </li>
  );
}
