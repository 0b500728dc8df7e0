import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/ipc/schemas';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Form } from '../../components/Form';
import { FormError, uiError, type UiError } from '../../components/FormError';
import { NewPassphrase } from '../../components/NewPassphrase';
import { checkNewPassphrase } from '../../lib/passphrase';
import { FormActions } from '../../components/FormActions';

/** Every operator can change their own passphrase; the core re-wraps only their key slot. */
export function ChangePassphraseDialog({ session, onClose }: { session: Session; onClose(): void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<UiError | null>(null);
  const [formError, setFormError] = useState<UiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const userInputs = [session.operator.name, session.site.code, session.site.name];

  const submit = async () => {
    if (busy) return;
    const { problem: p } = checkNewPassphrase(next, confirm, userInputs);
    setProblem(p ? uiError(p.messageKey, p.details) : null);
    if (p || current.length === 0) return;
    setBusy(true);
    const r = await window.obmin.vault.changePassphrase({ current, next });
    setBusy(false);
    setFormError(r.ok ? null : r.error);
    if (r.ok) setDone(true);
  };

  return (
    <Dialog title={t('ownPassphrase.title')} onClose={onClose}>
      {done ? (
        <div className="dialog-body">
          <p className="notice" role="status">
            {t('ownPassphrase.done')}
          </p>
          <div className="actions">
            <button type="button" className="primary" onClick={onClose} autoFocus>
              {t('common.close')}
            </button>
          </div>
        </div>
      ) : (
        <Form onSubmit={() => void submit()} className="dialog-body">
          <Field label={t('ownPassphrase.current')} type="password" autoComplete="current-password" value={current} onChange={setCurrent} autoFocus />
          <NewPassphrase
            label={t('ownPassphrase.next')}
            confirmLabel={t('ownPassphrase.confirm')}
            value={next}
            onChange={(v) => {
              setNext(v);
              setProblem(null);
            }}
            confirm={confirm}
            onConfirmChange={(v) => {
              setConfirm(v);
              setProblem(null);
            }}
            userInputs={userInputs}
            error={problem}
          />
          <FormError error={formError} />
          <FormActions onCancel={onClose} submitLabel={t('ownPassphrase.submit')} busy={busy} />
        </Form>
      )}
    </Dialog>
  );
}
