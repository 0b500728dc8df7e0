import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { errorMessage } from '../lib/errors';
import { useApp } from '../state/app';

/** A fatal start-up problem: say what happened and what to do; never a stack trace. */
export function Recovery() {
  const { t, i18n } = useTranslation();
  const error = useApp((s) => s.startupError);
  const start = useApp((s) => s.start);
  return (
    <main className="gate">
      <section className="gate-card" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('recovery.title')}</h1>
        {error ? (
          <p className="form-error" role="alert">
            {errorMessage(i18n, error)}
          </p>
        ) : null}
        <p>{t('recovery.whatToDo')}</p>
        <div className="actions">
          <button type="button" onClick={() => void start()}>
            {t('common.retry')}
          </button>
          <LanguageSwitch compact />
        </div>
      </section>
    </main>
  );
}
