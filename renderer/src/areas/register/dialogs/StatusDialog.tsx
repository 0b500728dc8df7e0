// A change of status always cites a source (existing or new, graded): the core refuses one without.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HELD_STATUSES, OURS_STATUSES, type Person, type Status } from '../../../../../shared/register';
import { Dialog } from '../../../components/Dialog';
import { Form } from '../../../components/Form';
import { FormError, uiError, type UiError } from '../../../components/FormError';
import { FormField } from '../FormField';
import { StatusBadge } from '../StatusBadge';
import { newChoice, resolveSource, SourcePicker } from './SourcePicker';
import { FormActions } from '../../../components/FormActions';

export function StatusDialog({ person, onClose, onDone }: { person: Person; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const options = person.side === 'held' ? HELD_STATUSES : OURS_STATUSES;
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const [source, setSource] = useState(newChoice);
  const [errors, setErrors] = useState<Record<string, UiError>>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const errs: Record<string, UiError> = {};
    if (!status) errs.status = uiError('register.invalid.required');
    else if (status === person.status) errs.status = uiError('register.statusDialog.same');
    const src = resolveSource(source);
    if (!src.ok) Object.assign(errs, src.errors);
    setErrors(errs);
    if (Object.keys(errs).length || !src.ok) return;
    setBusy(true);
    const r = await window.obmin.persons.changeStatus({ personId: person.id, status: status as Status, note: note.trim() || null, ...src.value });
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    onDone();
  };

  return (
    <Dialog
      title={t('register.statusDialog.title')}
      onClose={onClose}
      wide
      dirty={status !== '' || note.trim() !== '' || source.title.trim() !== '' || source.sourceId !== ''}
    >
      <Form onSubmit={() => void submit()} className="dialog-body" label={t('register.statusDialog.title')}>
        <p>
          {t('register.statusDialog.current', { status: '' })}
          <StatusBadge status={person.status} />
        </p>
        <FormField
          label={t('register.statusDialog.newStatus')}
          kind={{ options: options.filter((s) => s !== person.status), labels: 'register.status' }}
          value={status}
          onChange={setStatus}
          error={errors.status}
          autoFocus
        />
        <SourcePicker value={source} onChange={setSource} errors={errors} />
        <FormField label={t('register.statusDialog.note')} kind="long" value={note} onChange={setNote} />
        <FormError error={failure} />
        <FormActions onCancel={onClose} submitLabel={t('register.statusDialog.submit')} busy={busy} />
      </Form>
    </Dialog>
  );
}
