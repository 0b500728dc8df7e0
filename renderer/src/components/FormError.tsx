import { useTranslation } from 'react-i18next';
import { errorMessage, type ErrorLike } from '../lib/errors';

/** Client-side problems use the same shape as core errors, so every message is translated at render time. */
export type UiError = ErrorLike;

export const uiError = (messageKey: string, details?: Record<string, unknown>): UiError => ({ code: 'VALIDATION', messageKey, details });

export function FormError({ error, id }: { error: UiError | null | undefined; id?: string }) {
  const { i18n } = useTranslation();
  if (!error) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {errorMessage(i18n, error)}
    </p>
  );
}
