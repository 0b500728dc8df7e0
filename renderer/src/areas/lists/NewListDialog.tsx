import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIST_KINDS, type ListKind } from '../../../../shared/lists';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Form } from '../../components/Form';
import { FormError, uiError, type UiError } from '../../components/FormError';

const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const CRED = [1, 2, 3, 4, 5, 6] as const;

function toBase64(buf: ArrayBuffer): string {
  const bytes = new Uint8Array(buf);
  let s = '';
  // In slices: String.fromCharCode on a whole 20 MB file would overflow the argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Paste or pick a file; the bytes go to the core, which reads, matches and saves the list. Nothing in the register changes. */
export function NewListDialog({ onClose, onDone, initialKind }: { onClose(): void; onDone(listId: string): void; initialKind?: ListKind }) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<'paste' | 'file'>('paste');
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  // Nothing pre-selected: a kind or a grade nobody chose would be recorded as an assessment someone made.
  const [kind, setKind] = useState<ListKind | ''>(initialKind ?? ''); // preset only where the caller's action names it (a round's answer)
  const [title, setTitle] = useState('');
  const [received, setReceived] = useState(new Date().toISOString().slice(0, 10));
  const [place, setPlace] = useState('');
  const [reliability, setReliability] = useState<(typeof GRADES)[number] | ''>('');
  const [credibility, setCredibility] = useState<number | ''>('');
  const [error, setError] = useState<UiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'kind' | 'place' | 'grade', UiError>>>({});
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  // getRandomValues, not randomUUID: the latter needs a secure context, which a custom app:// scheme may not be.
  const [taskId] = useState(() => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join(''));

  useEffect(
    () =>
      window.obmin.events.on('progress', (p) => {
        if (p.taskId === taskId) setProgress({ done: p.done, total: p.total });
      }),
    [taskId],
  );

  const submit = async () => {
    setError(null);
    const fe: typeof fieldErrors = {};
    if (!kind) fe.kind = uiError('lists.dialog.chooseKind');
    if (!place.trim()) fe.place = uiError('lists.dialog.placeRequired');
    if (reliability === '' || credibility === '') fe.grade = uiError('lists.dialog.chooseGrade');
    setFieldErrors(fe);
    if (!kind || reliability === '' || credibility === '' || Object.keys(fe).length) {
      document.getElementById(fe.kind ? `${id}-kind` : fe.place ? `${id}-place` : `${id}-rel`)?.focus();
      return;
    }
    let input: { text: string } | { filename: string; dataBase64: string };
    if (mode === 'paste') {
      if (!text.trim()) return setError(uiError('lists.dialog.nothing'));
      input = { text };
    } else {
      if (!file) return setError(uiError('lists.dialog.noFile'));
      input = { filename: file.name, dataBase64: toBase64(await file.arrayBuffer()) };
    }
    setBusy(true);
    const r = await window.obmin.lists.import({
      kind,
      title: title.trim() || (file?.name ?? t(`lists.kind.${kind}`)),
      receivedDate: received || null,
      place: place.trim() || null,
      reliability,
      credibility,
      input,
      taskId,
    });
    setBusy(false);
    if (r.ok) onDone(r.value.listId);
    else setError(r.error);
  };

  return (
    <Dialog
      title={t('lists.dialog.title')}
      onClose={onClose}
      wide
      dirty={!busy && (text.trim() !== '' || file !== null || title.trim() !== '' || place.trim() !== '')}
    >
      <Form onSubmit={() => void submit()} className="dialog-body new-list-form" label={t('lists.dialog.title')}>
        <div className="lists-mode" role="radiogroup">
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === 'paste'} onChange={() => setMode('paste')} /> {t('lists.dialog.paste')}
          </label>
          <label>
            <input type="radio" name={`${id}-mode`} checked={mode === 'file'} onChange={() => setMode('file')} /> {t('lists.dialog.file')}
          </label>
        </div>
        {mode === 'paste' ? (
          <div className="field">
            <label htmlFor={`${id}-text`}>{t('lists.dialog.text')}</label>
            <textarea
              id={`${id}-text`}
              rows={6}
              value={text}
              onChange={(e) => setText(e.target.value)}
              spellCheck={false}
              autoFocus
              aria-describedby={`${id}-th`}
            />
            <div className="field-hint" id={`${id}-th`}>
              {t('lists.dialog.textHint')}
            </div>
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('lists.dialog.pickFile')}</label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,.tsv,.txt,.xlsx"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              aria-describedby={`${id}-fh`}
            />
            <div className="field-hint" id={`${id}-fh`}>
              {t('lists.dialog.fileHint')}
            </div>
          </div>
        )}
        <div className="lists-meta">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('lists.dialog.kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(e) => setKind(e.target.value as ListKind)}
              aria-invalid={fieldErrors.kind ? true : undefined}
              aria-describedby={fieldErrors.kind ? `${id}-kind-err` : undefined}
            >
              <option value="">{t('lists.dialog.choose')}</option>
              {LIST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`lists.kind.${k}`)}
                </option>
              ))}
            </select>
            <FormError error={fieldErrors.kind} id={`${id}-kind-err`} />
          </div>
          <Field label={t('lists.dialog.listTitle')} value={title} onChange={setTitle} maxLength={512} />
          <Field label={t('lists.dialog.received')} value={received} onChange={setReceived} placeholder="2026-11-26" />
          <div className="field">
            <label htmlFor={`${id}-place`}>{t('lists.dialog.place')}</label>
            <input
              id={`${id}-place`}
              value={place}
              onChange={(e) => setPlace(e.target.value)}
              maxLength={256}
              aria-invalid={fieldErrors.place ? true : undefined}
              aria-describedby={`${id}-place-hint${fieldErrors.place ? ` ${id}-place-err` : ''}`}
            />
            <div className="field-hint" id={`${id}-place-hint`}>
              {t('lists.dialog.placeHint')}
            </div>
            <FormError error={fieldErrors.place} id={`${id}-place-err`} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-rel`}>{t('lists.dialog.reliability')}</label>
            <select
              id={`${id}-rel`}
              value={reliability}
              onChange={(e) => setReliability(e.target.value as (typeof GRADES)[number])}
              aria-invalid={fieldErrors.grade ? true : undefined}
            >
              <option value="">{t('lists.dialog.choose')}</option>
              {GRADES.map((g) => (
                <option key={g} value={g}>
                  {t(`lists.reliability.${g}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-cred`}>{t('lists.dialog.credibility')}</label>
            <select
              id={`${id}-cred`}
              value={credibility}
              onChange={(e) => setCredibility(e.target.value === '' ? '' : Number(e.target.value))}
              aria-invalid={fieldErrors.grade ? true : undefined}
            >
              <option value="">{t('lists.dialog.choose')}</option>
              {CRED.map((c) => (
                <option key={c} value={c}>
                  {t(`lists.credibility.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field lists-ungraded">
            {/* F6 is the Admiralty code's own "cannot be judged": chosen on purpose, never by default. */}
            <button
              type="button"
              onClick={() => {
                setReliability('F');
                setCredibility(6);
              }}
            >
              {t('lists.dialog.ungraded')}
            </button>
            <FormError error={fieldErrors.grade} />
          </div>
        </div>
        <p className="muted small">{t('lists.dialog.nothingChanges')}</p>
        <FormError error={error} />
        {busy && progress ? <p role="status">{t('lists.dialog.progress', progress)}</p> : null}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('lists.dialog.working') : t('lists.dialog.submit')}
          </button>
        </div>
      </Form>
    </Dialog>
  );
}
