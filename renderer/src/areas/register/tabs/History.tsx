import { useTranslation } from 'react-i18next';
import type { StatusChange } from '../../../../../shared/register';
import { formatDateTime } from '../../../lib/format';
import { StatusBadge } from '../StatusBadge';
import { SourceGrade } from './SourceGrade';

/** Every status change with the source it cites, newest first. */
export function History({ changes }: { changes: StatusChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="muted">{t('register.person.nothing')}</p>;
  const sorted = [...changes].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <div className="table-wrap">
      <table className="data" data-testid="status-history">
        <thead>
          <tr>
            <th>{t('register.history.at')}</th>
            <th>{t('register.history.change')}</th>
            <th>{t('register.history.source')}</th>
            <th>{t('register.history.note')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={c.id}>
              <td className="mono">{formatDateTime(c.at)}</td>
              <td>
                {c.fromStatus ? <StatusBadge status={c.fromStatus} /> : <span className="muted">{t('register.history.initial')}</span>}
                <span aria-hidden="true"> → </span>
                <StatusBadge status={c.toStatus} />
              </td>
              <td>{c.source ? <SourceGrade source={c.source} /> : null}</td>
              <td className="wrap">{c.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
