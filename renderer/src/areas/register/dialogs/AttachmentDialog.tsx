// Attach a file: its size and type are checked before a byte is read; images get a small PNG thumbnail drawn here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES, ATTACHMENT_MIMES } from '../../../../../shared/register';
import { Dialog } from '../../../components/Dialog';
import { Form } from '../../../components/Form';
import { FormError, uiError, type UiError } from '../../../components/FormError';
import { FilePick } from '../FilePick';
import { FormField } from '../FormField';
import { fileToBase64, thumbnailOf } from '../files';

type Mime = (typeof ATTACHMENT_MIMES)[number];

export function AttachmentDialog({ personId, onClose, onDone }: { personId: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState('photo');
  const [caption, setCaption] = useState('');
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = (f: File | undefined) => {
    setError(null);
    setFile(null);
    if (!f) return;
    if (f.size > ATTACHMENT_MAX_BYTES)
      return setError(uiError('register.attach.tooLarge', { size: (f.size / 1048576).toFixed(1), limit: ATTACHMENT_MAX_BYTES / 1048576 }));
    if (!(ATTACHMENT_MIMES as readonly string[]).includes(f.type)) return setError(uiError('register.attach.badType'));
    setFile(f);
  };

  const submit = async () => {
    if (!file) return setError(uiError('register.attach.pickFile'));
    setBusy(true);
    const dataBase64 = await fileToBase64(file);
    const thumbBase64 = file.type.startsWith('image/') ? await thumbnailOf(file) : null;
    const r = await window.obmin.attachments.add({
      personId,
      kind: kind as (typeof ATTACHMENT_KINDS)[number],
      mime: file.type as Mime,
      filename: file.name,
      caption: caption.trim() || null,
      dataBase64,
      thumbBase64,
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone();
  };

  return (
    <Dialog title={t('register.attach.add')} onClose={onClose} dirty={file !== null || caption.trim() !== ''}>
      <Form onSubmit={() => void submit()} className="dialog-body">
        <FilePick id="attach-file" label={t('register.attach.file')} accept={ATTACHMENT_MIMES.join(',')} onPick={pick} />
        <FormField label={t('register.attach.kind')} kind={{ options: ATTACHMENT_KINDS, labels: 'register.attach.kinds' }} value={kind} onChange={setKind} />
        <FormField label={t('register.attach.caption')} kind="text" value={caption} onChange={setCaption} />
        <FormError error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </Form>
    </Dialog>
  );
}
