// One labelled control for any field kind, with its translated error beneath it (wired for screen readers).
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError, type UiError } from '../../components/FormError';
import type { FieldKind } from './personFields';

interface Props {
  label: string;
  kind: FieldKind;
  value: string;
  onChange(v: string): void;
  error?: UiError | undefined;
  hint?: string | undefined;
  wide?: boolean | undefined;
  autoFocus?: boolean;
  /** option text when it is not a plain catalogue lookup */
  optionLabel?: (o: string) => string;
  /** a fixed id, for a summary that links to the field */
  id?: string;
  /** a non-blocking remark under the field (dates that contradict each other) */
  warning?: string | undefined;
  /** something to act on under the field (e.g. open the person who has this case number) */
  extra?: ReactNode;
}

export function FormField({ label, kind, value, onChange, error, hint, wide, autoFocus, optionLabel, id: fixedId, warning, extra }: Props) {
  const { t } = useTranslation();
  const autoId = useId();
  const id = fixedId ?? autoId;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : '', warning ? `${id}-warn` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, autoFocus } as const;
  let control;
  if (kind === 'bool') {
    return (
      <div className={wide ? 'field field-wide field-check' : 'field field-check'}>
        <label className="check">
          <input type="checkbox" {...common} checked={value === 'true'} onChange={(e) => onChange(e.target.checked ? 'true' : 'false')} />
          {label}
        </label>
        <FormError error={error} id={`${id}-err`} />
      </div>
    );
  } else if (kind === 'long') {
    control = <textarea {...common} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />;
  } else if (typeof kind === 'object') {
    control = (
      <select {...common} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">—</option>
        {kind.options.map((o) => (
          <option key={o} value={o}>
            {optionLabel ? optionLabel(o) : t(`${kind.labels}.${o}`)}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        value={value}
        inputMode={kind === 'int' ? 'numeric' : undefined}
        placeholder={kind === 'date' ? t('register.field.dateHint') : undefined}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
      />
    );
  }
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {control}
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      <FormError error={error} id={`${id}-err`} />
      {warning ? (
        <p className="form-warning" id={`${id}-warn`}>
          {warning}
        </p>
      ) : null}
      {extra}
    </div>
  );
}
