import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { Form } from '../components/Form';
import { FormError, type UiError } from '../components/FormError';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useApp } from '../state/app';

/** The lock screen shows nothing of the data: no site, no names, no counts — only the way back in. */
export function Unlock() {
  const { t } = useTranslation();
  const signedIn = useApp((s) => s.signedIn);
  const reason = useApp((s) => s.lockReason);
  const [operator, setOperator] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  const submit = async () => {
    if (busy || operator.trim().length === 0 || passphrase.length === 0) return;
    setBusy(true);
    const r = await window.obmin.vault.unlock({ operator: operator.trim(), passphrase });
    setBusy(false);
    if (r.ok) return signedIn(r.value);
    setError(r.error);
    // A wrong passphrase is retyped, not edited: clear it and put the cursor back there.
    setPassphrase('');
    formRef.current?.querySelector<HTMLInputElement>('input[type=password]')?.focus();
  };

  return (
    <main className="gate gate-locked">
      <section className="gate-card" aria-labelledby="unlock-title" ref={formRef}>
        <div className="gate-top">
          <div className="brand">{t('app.name')}</div>
          <LanguageSwitch compact />
        </div>
        <h1 id="unlock-title">{t('unlock.title')}</h1>
        {reason ? <p className="muted">{t(`unlock.lockedBy_${reason}`)}</p> : null}
        <p className="lead">{t('unlock.intro')}</p>
        <Form onSubmit={() => void submit()} label={t('unlock.title')}>
          <Field label={t('unlock.operator')} value={operator} onChange={setOperator} autoFocus autoComplete="username" name="operator" maxLength={64} />
          <Field label={t('unlock.passphrase')} type="password" value={passphrase} onChange={setPassphrase} autoComplete="current-password" name="passphrase" />
          <FormError error={error} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('unlock.submitting') : t('unlock.submit')}
            </button>
          </div>
        </Form>
      </section>
    </main>
  );
}
