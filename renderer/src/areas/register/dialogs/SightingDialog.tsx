// A sighting: where and when a person was seen, on the word of a source.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SightingInput } from '../../../../../shared/register';
import { Dialog } from '../../../components/Dialog';
import { Form } from '../../../components/Form';
import { FormError, type UiError } from '../../../components/FormError';
import { FormField } from '../FormField';
import { fieldErrors } from '../validation';
import { newChoice, resolveSource, SourcePicker } from './SourcePicker';
import { FormActions } from '../../../components/FormActions';

export function SightingDialog({ personId, onClose, onDone }: { personId: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ place: '', date: '', note: '' });
  const [source, setSource] = useState(newChoice);
  const [errors, setErrors] = useState<Record<string, UiError>>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const set = (k: keyof typeof v) => (x: string) => setV({ ...v, [k]: x });

  const submit = async () => {
    const src = resolveSource(source);
    const parsed = SightingInput.safeParse({ personId, sourceId: 'pending', place: v.place, date: v.date.trim() || null, note: v.note.trim() || null });
    const errs = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(src.ok ? {} : src.errors) };
    setErrors(errs);
    if (!parsed.success || !src.ok) return;
    let sourceId: string;
    if ('sourceId' in src.value) sourceId = src.value.sourceId;
    else {
      const created = await window.obmin.sources.create(src.value.source);
      if (!created.ok) return setFailure(created.error);
      sourceId = created.value.id;
    }
    const r = await window.obmin.sightings.add({ ...parsed.data, sourceId });
    if (!r.ok) return setFailure(r.error);
    onDone();
  };

  return (
    <Dialog
      title={t('register.timeline.addSighting')}
      onClose={onClose}
      wide
      dirty={Object.values(v).some((x) => x.trim() !== '') || source.sourceId !== '' || source.title.trim() !== ''}
    >
      <Form onSubmit={() => void submit()} className="dialog-body">
        <div className="form-cols">
          <FormField label={t('register.timeline.place')} kind="text" value={v.place} onChange={set('place')} error={errors.place} autoFocus />
          <FormField label={t('register.timeline.date')} kind="date" value={v.date} onChange={set('date')} error={errors.date} />
        </div>
        <FormField label={t('register.timeline.note')} kind="long" value={v.note} onChange={set('note')} error={errors.note} />
        <SourcePicker value={source} onChange={setSource} errors={errors} />
        <FormError error={failure} />
        <FormActions onCancel={onClose} />
      </Form>
    </Dialog>
  );
}
