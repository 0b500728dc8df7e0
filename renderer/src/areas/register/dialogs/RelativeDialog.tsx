// A family contact, with consent recorded: without consent the liaison still records them, and the screen says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RelativeInput } from '../../../../../shared/register';
import { Dialog } from '../../../components/Dialog';
import { Form } from '../../../components/Form';
import { FormError, type UiError } from '../../../components/FormError';
import { FormField } from '../FormField';
import { fieldErrors } from '../validation';
import { FormActions } from '../../../components/FormActions';

const FIELDS = ['name', 'relation', 'phone', 'address', 'consentDate', 'dnaLabRef', 'notes'] as const;

export function RelativeDialog({ personId, onClose, onDone }: { personId: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Record<string, string>>({ consent: 'false' });
  const [errors, setErrors] = useState<Record<string, UiError>>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const set = (k: string) => (x: string) => setV({ ...v, [k]: x });

  const submit = async () => {
    const input: Record<string, unknown> = { personId, consent: v.consent === 'true' };
    for (const f of FIELDS) input[f] = v[f]?.trim() || (f === 'name' || f === 'relation' ? '' : null);
    const parsed = RelativeInput.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    const r = await window.obmin.relatives.add(parsed.data);
    if (!r.ok) return setFailure(r.error);
    onDone();
  };

  return (
    <Dialog
      title={t('register.family.add')}
      onClose={onClose}
      wide
      dirty={Object.entries(v).some(([k, x]) => k !== 'consent' && x.trim() !== '') || v.consent !== 'false'}
    >
      <Form onSubmit={() => void submit()} className="dialog-body">
        <div className="form-cols">
          {FIELDS.map((f, i) => (
            <FormField
              key={f}
              label={t(`register.family.${f}`)}
              kind={f === 'consentDate' ? 'date' : f === 'address' || f === 'notes' ? 'long' : 'text'}
              value={v[f] ?? ''}
              onChange={set(f)}
              error={errors[f]}
              autoFocus={i === 0}
            />
          ))}
          <FormField label={t('register.family.consent')} kind="bool" value={v.consent ?? 'false'} onChange={set('consent')} />
        </div>
        <FormError error={failure} />
        <FormActions onCancel={onClose} />
      </Form>
    </Dialog>
  );
}
