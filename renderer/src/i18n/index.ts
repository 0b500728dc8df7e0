import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { sharedMessages } from '../../../shared/i18n';
import type { Locale } from '../../../shared/ipc/schemas';
import { auditActionsEn } from './audit.en';
import { auditActionsUk } from './audit.uk';
import { en } from './en';
import { listsEn } from './lists.en';
import { listsUk } from './lists.uk';
import { manifestEn } from './manifest.en';
import { manifestUk } from './manifest.uk';
import { registerEn } from './register.en';
import { registerUk } from './register.uk';
import { roundsEn } from './rounds.en';
import { roundsUk } from './rounds.uk';
import { transferUiEn } from './transfer.en';
import { transferUiUk } from './transfer.uk';
import { uk } from './uk';
import { conflictsEn } from '../areas/conflicts/conflicts.en';
import { conflictsUk } from '../areas/conflicts/conflicts.uk';

// Shared catalogues carry errors.* and passphrase.* (also used by the CLI); screen text sits beside them.
export const resources = {
  uk: {
    translation: {
      ...sharedMessages.uk,
      ...uk,
      register: registerUk,
      lists: listsUk,
      print: manifestUk,
      auditAction: auditActionsUk,
      rounds: roundsUk,
      conflicts: conflictsUk,
      transferUi: transferUiUk,
    },
  },
  en: {
    translation: {
      ...sharedMessages.en,
      ...en,
      register: registerEn,
      lists: listsEn,
      print: manifestEn,
      auditAction: auditActionsEn,
      rounds: roundsEn,
      conflicts: conflictsEn,
      transferUi: transferUiEn,
    },
  },
} as const;

export const LOCALES: readonly Locale[] = ['uk', 'en'];

const options = (locale: Locale) => ({
  resources,
  lng: locale,
  fallbackLng: 'uk',
  supportedLngs: LOCALES,
  // React escapes text itself; i18next escaping would show &quot; in names.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** A standalone instance (tests, tools) with the same catalogues and rules as the window's. */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.init(options(locale));
  return instance;
}

/** The window's instance, bound to React. */
export function initI18n(locale: Locale): I18n {
  if (!i18next.isInitialized) void i18next.use(initReactI18next).init(options(locale));
  else void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  return i18next;
}

export function applyLocale(locale: Locale): void {
  void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}
