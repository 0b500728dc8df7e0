import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { FormError, type UiError } from './FormError';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  error?: UiError | null;
  children?: ReactNode;
}

/** A labelled input with its hint and its error right beneath it, wired for screen readers. */
export function Field({ label, value, onChange, hint, error, children, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        spellCheck={false}
        {...input}
      />
      {hint ? (
        <div className="field-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {children}
      <FormError error={error} id={errorId} />
    </div>
  );
}
