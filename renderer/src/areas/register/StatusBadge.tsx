import { useTranslation } from 'react-i18next';
import type { Status } from '../../../../shared/register';

/** One status language across the app: colour, a shape (CSS ::before) and the word — never colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <span className={`status st-${status}`} data-status={status}>
      {t(`register.status.${status}`)}
    </span>
  );
}
