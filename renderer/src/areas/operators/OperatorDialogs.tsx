import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/domain/roles';
import { OperatorName, type OperatorInfo } from '../../../../shared/ipc/schemas';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Form } from '../../components/Form';
import { FormError, uiError, type UiError } from '../../components/FormError';
import { NewPassphrase } from '../../components/NewPassphrase';
import { checkNewPassphrase } from '../../lib/passphrase';
import { FormActions } from '../../components/FormActions';

interface Done {
  onDone(message: string): void;
  onClose(): void;
}

export function AddOperatorDialog({ siteInputs, onDone, onClose }: Done & { siteInputs: string[] }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [passphrase, setPassphrase] = useState('');
  const [nameError, setNameError] = useState<UiError | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const userInputs = [name, ...siteInputs];

  const submit = async () => {
    if (busy) return;
    const nameOk = OperatorName.safeParse(name).success;
    setNameError(nameOk ? null : uiError('setup.operatorInvalid'));
    const { problem } = checkNewPassphrase(passphrase, passphrase, userInputs);
    setError(problem ? uiError(problem.messageKey, problem.details) : null);
    if (!nameOk || problem) return;
    setBusy(true);
    const r = await window.obmin.operators.add({ name: name.trim(), role, passphrase });
    setBusy(false);
    if (r.ok) onDone(t('operators.added', { name: r.value.name }));
    else if (r.error.code === 'OPERATOR_EXISTS') setNameError(r.error);
    else setError(r.error);
  };

  return (
    <Dialog title={t('operators.addTitle')} onClose={onClose}>
      <Form onSubmit={() => void submit()} className="dialog-body" label={t('operators.addTitle')}>
        <Field label={t('operators.name')} value={name} onChange={setName} error={nameError} autoFocus maxLength={64} name="name" />
        <div className="field">
          <label htmlFor="new-operator-role">{t('operators.role')}</label>
          <select id="new-operator-role" name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <NewPassphrase
          label={t('operators.passphrase')}
          hint={t('operators.passphraseHint')}
          value={passphrase}
          onChange={(v) => {
            setPassphrase(v);
            setError(null);
          }}
          userInputs={userInputs}
        />
        <FormError error={error} />
        <FormActions onCancel={onClose} submitLabel={t('operators.addSubmit')} busy={busy} />
      </Form>
    </Dialog>
  );
}

export function ResetPassphraseDialog({ operator, siteInputs, onDone, onClose }: Done & { operator: OperatorInfo; siteInputs: string[] }) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const userInputs = [operator.name, ...siteInputs];

  const submit = async () => {
    if (busy) return;
    const { problem } = checkNewPassphrase(passphrase, passphrase, userInputs);
    if (problem) return setError(uiError(problem.messageKey, problem.details));
    setBusy(true);
    const r = await window.obmin.operators.resetPassphrase({ id: operator.id, passphrase });
    setBusy(false);
    if (r.ok) onDone(t('operators.resetDone', { name: operator.name }));
    else setError(r.error);
  };

  return (
    <Dialog title={t('operators.resetTitle', { name: operator.name })} onClose={onClose}>
      <Form onSubmit={() => void submit()} className="dialog-body">
        <p>{t('operators.resetBody')}</p>
        <NewPassphrase
          label={t('operators.passphrase')}
          value={passphrase}
          onChange={(v) => {
            setPassphrase(v);
            setError(null);
          }}
          userInputs={userInputs}
          autoFocus
        />
        <FormError error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('operators.resetSubmit')}
          </button>
        </div>
      </Form>
    </Dialog>
  );
}

/** Says in plain words what disabling does, and asks for a deliberate click (no default button). */
export function DisableOperatorDialog({ operator, onDone, onClose }: Done & { operator: OperatorInfo }) {
  const { t } = useTranslation();
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    const r = await window.obmin.operators.disable({ id: operator.id });
    setBusy(false);
    if (r.ok) onDone(t('operators.disabledDone', { name: operator.name }));
    else setError(r.error);
  };
  return (
    <Dialog title={t('operators.disableTitle', { name: operator.name })} onClose={onClose}>
      <div className="dialog-body">
        <p>{t('operators.disableBody', { name: operator.name })}</p>
        <FormError error={error} />
        <div className="actions">
          <button type="button" onClick={onClose} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => void confirm()} disabled={busy}>
            {t('operators.disableConfirm')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
