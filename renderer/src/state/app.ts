import { create } from 'zustand';
import type { ObminErrorShape, Result } from '../../../shared/errors';
import type { LockedReason, LockReason } from '../../../shared/ipc/events';
import type { AppState, Locale, Session, Settings } from '../../../shared/ipc/schemas';
import { applyLocale } from '../i18n';
import type { AreaId } from '../lib/areas';
import { useData } from './data';

export type Phase = 'loading' | 'recovery' | 'setup' | 'locked' | 'unlocked';
export type Overlay = 'palette' | 'changePassphrase' | null;
type StartupError = NonNullable<AppState['startupError']> | ObminErrorShape;

interface AppStore {
  phase: Phase;
  locale: Locale;
  session: Session | null;
  startupError: StartupError | null;
  lockReason: LockedReason | null;
  area: AreaId;
  overlay: Overlay;
  start(): Promise<void>;
  signedIn(session: Session): void;
  lock(reason: LockReason): Promise<void>;
  markLocked(reason: LockedReason): void;
  setLocale(locale: Locale): Promise<Result<null>>;
  setSettings(settings: Settings): void;
  go(area: AreaId): void;
  open(overlay: Overlay): void;
}

export const useApp = create<AppStore>()((set, get) => ({
  phase: 'loading',
  locale: 'uk',
  session: null,
  startupError: null,
  lockReason: null,
  area: 'dashboard',
  overlay: null,

  async start() {
    const r = await window.obmin.app.state({});
    if (!r.ok) return set({ phase: 'recovery', startupError: r.error });
    const s = r.value;
    applyLocale(s.locale);
    if (s.startupError) return set({ phase: 'recovery', startupError: s.startupError, locale: s.locale });
    if (!s.initialised) return set({ phase: 'setup', locale: s.locale, startupError: null });
    if (!s.unlocked || !s.session) return set({ phase: 'locked', locale: s.locale, startupError: null });
    get().signedIn(s.session);
  },

  signedIn(session) {
    applyLocale(session.settings.locale);
    set({ phase: 'unlocked', session, locale: session.settings.locale, lockReason: null, area: 'dashboard', overlay: null });
  },

  async lock(reason) {
    // Drop the data first: even if the call fails, the window must not keep showing it.
    get().markLocked(reason);
    await window.obmin.vault.lock({ reason });
  },

  markLocked(reason) {
    useData.getState().clear();
    if (get().phase !== 'unlocked') return;
    set({ phase: 'locked', session: null, lockReason: reason, overlay: null, area: 'dashboard' });
  },

  async setLocale(locale) {
    const r = await window.obmin.app.setLocale({ locale });
    if (!r.ok) return r;
    applyLocale(locale);
    const session = get().session;
    set({ locale, session: session && { ...session, settings: { ...session.settings, locale } } });
    return r;
  },

  setSettings(settings) {
    const session = get().session;
    if (session) set({ session: { ...session, settings } });
    if (settings.locale !== get().locale) {
      applyLocale(settings.locale);
      set({ locale: settings.locale });
    }
  },

  go: (area) => set({ area, overlay: null }),
  open: (overlay) => set({ overlay }),
}));
