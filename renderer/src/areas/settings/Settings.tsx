import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../shared/domain/roles';
import type { Session } from '../../../../shared/ipc/schemas';
import { Field } from '../../components/Field';
import { Form } from '../../components/Form';
import { FormError, uiError, type UiError } from '../../components/FormError';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useApp } from '../../state/app';

export function Settings({ session }: { session: Session }) {
  const { t } = useTranslation();
  const setSettings = useApp((s) => s.setSettings);
  const open = useApp((s) => s.open);
  const current = session.settings.idleLockMinutes;
  const [minutes, setMinutes] = useState(String(current));
  const [error, setError] = useState<UiError | null>(null);
  const [saved, setSaved] = useState(false);
  const mayManage = can(session.operator.role, 'settings.manage');
  const currentText = t('count.minutes', { count: current });

  const save = async () => {
    const n = Number(minutes);
    setSaved(false);
    if (!Number.isInteger(n) || n < 1 || n > 240) return setError(uiError('settings.idleInvalid'));
    const r = await window.obmin.settings.update({ idleLockMinutes: n });
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(true);
    setSettings(r.value);
  };

  return (
    <section className="area" aria-labelledby="area-title">
      <h1 id="area-title">{t('settings.title')}</h1>
      <div className="panel">
        <h2>{t('settings.language')}</h2>
        <LanguageSwitch />
        <p className="field-hint">{t('settings.languageHint')}</p>
      </div>
      <div className="panel">
        <h2>{t('settings.lockTitle')}</h2>
        {mayManage ? (
          <Form onSubmit={() => void save()} className="inline-form">
            <Field
              label={t('settings.idle')}
              type="number"
              min={1}
              max={240}
              inputMode="numeric"
              value={minutes}
              onChange={setMinutes}
              hint={t('settings.idleHint', { current: currentText })}
              error={error}
              name="idleLockMinutes"
            />
            <button type="submit" className="primary" title="Ctrl+Enter">
              {t('common.save')}
            </button>
            {saved ? (
              <span className="notice" role="status">
                {t('settings.saved')}
              </span>
            ) : null}
          </Form>
        ) : (
          <p className="muted">{t('settings.idleAdminOnly', { current: currentText })}</p>
        )}
        <FormError error={mayManage ? null : error} />
      </div>
      <div className="panel">
        <h2>{t('settings.account')}</h2>
        <button type="button" onClick={() => open('changePassphrase')}>
          {t('shell.changePassphrase')}
        </button>
      </div>
    </section>
  );
}
