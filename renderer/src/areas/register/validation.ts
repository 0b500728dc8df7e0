// zod issues → one translated message per field, in the shared error shape the FormError component renders.
import type { z } from 'zod';
import { HEIGHT_CM } from '../../../../shared/register';
import { uiError, type UiError } from '../../components/FormError';

const missing = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** `value` is what the form sent for the field: zod does not report the input, and "required" must mean empty. */
export function issueError(issue: z.core.$ZodIssue, value?: unknown): UiError {
  const i = issue as z.core.$ZodIssue & { maximum?: number | bigint; minimum?: number | bigint; origin?: string; format?: string };
  if (i.code === 'custom' && i.message === 'partialDate') return uiError('register.invalid.partialDate');
  if (i.code === 'invalid_type' && i.expected === 'number' && !missing(value)) return uiError('register.invalid.notNumber');
  if (i.code === 'too_big' && i.origin === 'string') return uiError('register.invalid.tooLong', { max: Number(i.maximum) });
  if (i.code === 'too_small' && i.origin === 'string') return uiError('register.invalid.required');
  if ((i.code === 'too_big' || i.code === 'too_small') && i.origin === 'number') return uiError('register.invalid.number', { ...HEIGHT_CM });
  if (i.code === 'invalid_type' && missing(value)) return uiError('register.invalid.required');
  if (i.code === 'invalid_value') return uiError('register.invalid.choice');
  if (i.code === 'invalid_format' && i.format === 'url') return uiError('register.invalid.url');
  return uiError('register.invalid.generic');
}

/** The first problem of each top-level field; later ones wait until the first is fixed. */
export function fieldErrors(error: z.ZodError, input: Record<string, unknown> = {}): Record<string, UiError> {
  const out: Record<string, UiError> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in out)) out[key] = issueError(issue, input[key]);
  }
  return out;
}
