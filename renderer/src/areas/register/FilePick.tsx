import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A file input whose button speaks the operator's language (the browser's own says "Choose File" in English). */
export function FilePick({
  id,
  label,
  accept,
  hint,
  disabled,
  onPick,
}: {
  id: string;
  label: string;
  accept: string;
  hint?: string;
  disabled?: boolean;
  onPick(f: File | undefined): void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState<string | null>(null);
  return (
    <div className="field">
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="file-pick">
        <input
          id={id}
          type="file"
          className="sr-only"
          accept={accept}
          disabled={disabled}
          aria-labelledby={`${id}-label`}
          onChange={(e) => {
            const f = e.target.files?.[0];
            setName(f?.name ?? null);
            onPick(f);
            // The same file can be picked again after it was fixed on disk.
            e.target.value = '';
          }}
        />
        <label htmlFor={id} className="file-button">
          {t('register.file.choose')}
        </label>
        <span className={name ? 'file-name' : 'file-name muted'}>{name ?? t('register.file.none')}</span>
      </div>
      {hint ? <div className="field-hint">{hint}</div> : null}
    </div>
  );
}
