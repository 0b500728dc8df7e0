import type { i18n as I18n } from 'i18next';

/** Details may carry i18n keys themselves (e.g. WEAK_PASSPHRASE's reasons): translate those too. */
export function translateDetails(i18n: I18n, details: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(details ?? {})) {
    if (Array.isArray(value)) out[name] = value.map((v) => translateMaybeKey(i18n, v)).join('; ');
    else out[name] = translateMaybeKey(i18n, value);
  }
  return out;
}

function translateMaybeKey(i18n: I18n, value: unknown): unknown {
  return typeof value === 'string' && /^[a-zA-Z]+\.[\w.]+$/.test(value) && i18n.exists(value) ? i18n.t(value) : value;
}

export interface ErrorLike {
  code: string;
  messageKey: string;
  details?: Record<string, unknown> | undefined;
}

/** What an operator reads for a failed call: always translated, never a bare code. */
export function errorMessage(i18n: I18n, error: ErrorLike): string {
  const params = translateDetails(i18n, error.details);
  // With the params: a plural key exists only as key_one/key_few…, which i18next finds through `count`.
  if (i18n.exists(error.messageKey, params)) return i18n.t(error.messageKey, params);
  const byCode = `errors.${error.code}`;
  return i18n.exists(byCode) ? i18n.t(byCode, params) : i18n.t('errors.INTERNAL');
}
