import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { isSubmitChord } from '../lib/keys';

interface FormProps {
  onSubmit(): void;
  children: ReactNode;
  className?: string;
  label?: string;
}

/** Enter submits as usual; Ctrl+Enter submits from anywhere in the form, even a multi-line field. */
export function Form({ onSubmit, children, className, label }: FormProps) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (!isSubmitChord(e)) return;
    e.preventDefault();
    e.currentTarget.requestSubmit();
  };
  return (
    <form className={className} onSubmit={submit} onKeyDown={onKeyDown} aria-label={label} noValidate>
      {children}
    </form>
  );
}
