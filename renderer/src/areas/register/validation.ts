// zod issues → one translated message per field, in the shared error shape the FormError component renders.
import type { z } from 'zod';
import { uiError, type UiError } from '../../components/FormError';

export function issueError(issue: z.core.$ZodIssue): UiError {
  const i = issue as z.core.$ZodIssue & { maximum?: number | bigint; minimum?: number | bigint; origin?: string; format?: string };
  if (i.code === 'custom' && i.message === 'partialDate') return uiError('register.invalid.partialDate');
  if (i.code === 'too_big' && i.origin === 'string') return uiError('register.invalid.tooLong', { max: Number(i.maximum) });
  if (i.code === 'too_small' && i.origin === 'string') return uiError('register.invalid.required');
  if (i.code === 'invalid_type' && (i.input === undefined || i.input === null)) return uiError('register.invalid.required');
  if ((i.code === 'too_big' || i.code === 'too_small') && i.origin === 'number') return uiError('register.invalid.number', { min: 30, max: 260 });
  if (i.code === 'invalid_type' && i.expected === 'number') return uiError('register.invalid.number', { min: 30, max: 260 });
  if (i.code === 'invalid_value') return uiError('register.invalid.choice');
  if (i.code === 'invalid_format' && i.format === 'url') return uiError('register.invalid.url');
  return uiError('register.invalid.generic');
}

/** The first problem of each top-level field; later ones wait until the first is fixed. */
export function fieldErrors(error: z.ZodError): Record<string, UiError> {
  const out: Record<string, UiError> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in out)) out[key] = issueError(issue);
  }
  return out;
}
