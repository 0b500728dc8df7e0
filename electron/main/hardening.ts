// Session and web-contents hardening: no permissions, no network, no navigation away, no new windows, no webviews.
import type { App, Session, WebContents } from 'electron';
import { APP_ORIGIN } from './protocol';

/** True for a URL of our own renderer (exact origin; Chromium hands us canonical URLs). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Every request that is not our own files is cancelled: the workstation never talks to a network. DevTools' own
 * pages pass only in development builds — a packaged build has no devtools, so nothing may load from there. */
export function shouldCancelRequest(url: string, devTools = false): boolean {
  if (isAppUrl(url)) return false;
  if (devTools && url.startsWith('devtools://')) return false;
  // data: images and our own blob: URLs never leave the process; CSP allows them for images only, so a data: page
  // (data:text/html) is cancelled here as well as by the navigation guard.
  if (url.startsWith('data:image/')) return false;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return false;
  return true;
}

export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

export function hardenSession(ses: HardenableSession, devTools = false): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The spell checker downloads dictionaries; it is off in webPreferences too.
  ses.setSpellCheckerEnabled(false);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: shouldCancelRequest(details.url, devTools) }));
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(contents: HardenableContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  // Covers sub-frames and redirects, which 'will-navigate' does not see.
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies hardenWebContents to every web contents the app ever creates, including devtools and popups. */
export function hardenApp(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
