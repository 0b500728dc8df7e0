import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OperatorName, SiteCode } from '../../../shared/ipc/schemas';
import { Field } from '../components/Field';
import { Form } from '../components/Form';
import { FormError, uiError, type UiError } from '../components/FormError';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NewPassphrase } from '../components/NewPassphrase';
import { normaliseSiteCode } from '../lib/format';
import { checkNewPassphrase } from '../lib/passphrase';
import { useApp } from '../state/app';

type Problems = Partial<Record<'siteCode' | 'siteName' | 'operator' | 'passphrase' | 'form', UiError>>;

/** First run: the site and its first administrator, then straight into the shell. */
export function Setup() {
  const { t } = useTranslation();
  const signedIn = useApp((s) => s.signedIn);
  const [siteCode, setSiteCode] = useState('');
  const [siteName, setSiteName] = useState('');
  const [operator, setOperator] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);
  // Demo mode: the same site, named as a demo and filled with fictional people and rounds once it exists.
  const [demo, setDemo] = useState(false);
  const [filling, setFilling] = useState(false);
  const userInputs = [operator, siteCode, siteName];
  // An old complaint about the passphrase must not sit under a new one the meter already calls good.
  const editPassphrase = (set: (v: string) => void) => (v: string) => {
    set(v);
    setProblems(({ passphrase: _old, ...rest }) => rest);
  };

  const validate = (): Problems => {
    const p: Problems = {};
    if (!SiteCode.safeParse(siteCode).success) p.siteCode = uiError('setup.siteCodeInvalid');
    if (siteName.trim().length < 2) p.siteName = uiError('setup.siteNameInvalid');
    if (!OperatorName.safeParse(operator).success) p.operator = uiError('setup.operatorInvalid');
    const { problem } = checkNewPassphrase(passphrase, confirm, userInputs);
    if (problem) p.passphrase = uiError(problem.messageKey, problem.details);
    return p;
  };

  const submit = async () => {
    if (busy) return;
    const p = validate();
    setProblems(p);
    if (Object.keys(p).length > 0) return;
    setBusy(true);
    const r = await window.obmin.vault.init({ siteCode, siteName: siteName.trim(), operator: operator.trim(), passphrase });
    if (r.ok && demo) {
      setFilling(true);
      // The site exists either way: a failed fill leaves an empty register, whose own demo button says why and retries.
      await window.obmin.demo.fill({ count: 3000 });
      setFilling(false);
    }
    setBusy(false);
    if (r.ok) return signedIn(r.value);
    setProblems({ [r.error.code === 'WEAK_PASSPHRASE' ? 'passphrase' : 'form']: r.error });
  };

  const tryDemo = () => {
    setDemo(true);
    setSiteCode('DEMO-HQ');
    setSiteName(t('setup.demoSiteName'));
    setProblems({});
  };

  return (
    <main className="gate">
      <section className="gate-card gate-card-wide" aria-labelledby="setup-title">
        <div className="gate-top">
          <div className="brand">{t('app.name')}</div>
          <LanguageSwitch compact />
        </div>
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="lead">{t('setup.intro')}</p>
        {demo ? (
          <p className="notice" data-testid="setup-demo-note">
            {t('setup.demoNote')}
          </p>
        ) : null}
        <Form onSubmit={() => void submit()} className="form-grid" label={t('setup.title')}>
          <Field
            label={t('setup.siteCode')}
            value={siteCode}
            onChange={(v) => setSiteCode(normaliseSiteCode(v))}
            hint={t('setup.siteCodeHint')}
            error={problems.siteCode}
            maxLength={32}
            autoFocus
            className="mono"
            name="siteCode"
          />
          <Field label={t('setup.siteName')} value={siteName} onChange={setSiteName} error={problems.siteName} maxLength={128} name="siteName" />
          <Field
            label={t('setup.operator')}
            value={operator}
            onChange={setOperator}
            error={problems.operator}
            maxLength={64}
            name="operator"
            autoComplete="username"
          />
          <NewPassphrase
            label={t('setup.passphrase')}
            value={passphrase}
            onChange={editPassphrase(setPassphrase)}
            confirm={confirm}
            onConfirmChange={editPassphrase(setConfirm)}
            userInputs={userInputs}
            error={problems.passphrase}
          />
          <FormError error={problems.form} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy} title="Ctrl+Enter">
              {filling ? t('setup.demoFilling') : busy ? t('setup.submitting') : demo ? t('setup.demoSubmit') : t('setup.submit')}
            </button>
            {demo ? null : (
              <button type="button" onClick={tryDemo} disabled={busy}>
                {t('setup.demoButton')}
              </button>
            )}
          </div>
        </Form>
      </section>
    </main>
  );
}
