// One line in a relative's contact log: a call, a visit, a notification — when, how and what was said.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, CONTACT_KINDS, ContactLogInput, type Relative } from '../../../../../shared/register';
import { Dialog } from '../../../components/Dialog';
import { Form } from '../../../components/Form';
import { FormError, type UiError } from '../../../components/FormError';
import { FormField } from '../FormField';
import { fieldErrors } from '../validation';
import { FormActions } from '../../../components/FormActions';

export function ContactDialog({ relative, onClose, onDone }: { relative: Relative; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ channel: 'phone', kind: 'contact', summary: '' });
  const [errors, setErrors] = useState<Record<string, UiError>>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });

  const submit = async () => {
    // Logged as it happens: the time is now, in UTC with its offset, as the schema wants.
    const parsed = ContactLogInput.safeParse({ relativeId: relative.id, at: new Date().toISOString(), channel: v.channel, kind: v.kind, summary: v.summary });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    const r = await window.obmin.relatives.logContact(parsed.data);
    if (!r.ok) return setFailure(r.error);
    onDone();
  };

  return (
    <Dialog title={`${t('register.family.logContact')}: ${relative.name}`} onClose={onClose} dirty={v.summary.trim() !== ''}>
      <Form onSubmit={() => void submit()} className="dialog-body">
        <div className="form-cols">
          <FormField
            label={t('register.family.channel')}
            kind={{ options: CONTACT_CHANNELS, labels: 'register.family.channels' }}
            value={v.channel}
            onChange={set('channel')}
            error={errors.channel}
          />
          <FormField
            label={t('register.family.kind')}
            kind={{ options: CONTACT_KINDS, labels: 'register.family.kinds' }}
            value={v.kind}
            onChange={set('kind')}
            error={errors.kind}
          />
        </div>
        <FormField label={t('register.family.summary')} kind="long" value={v.summary} onChange={set('summary')} error={errors.summary} autoFocus />
        <FormError error={failure} />
        <FormActions onCancel={onClose} />
      </Form>
    </Dialog>
  );
}
