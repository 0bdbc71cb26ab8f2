/** Keeps every web contents on the app page: navigation, redirects, new windows, webviews and permissions are refused. */
import { isAppPage } from './appProtocol.js';
import { openExternalSafely, type OpenExternal } from './externalLinks.js';

export interface PreventableEvent {
  preventDefault(): void;
}

/** What Electron passes first to will-navigate, will-frame-navigate and will-redirect (its only argument for will-frame-navigate). */
export interface NavigationEvent extends PreventableEvent {
  url: string;
  isMainFrame: boolean;
}

/** The part of Electron's WebContents the guard uses, so tests can drive it with a fake. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
    listener: (details: NavigationEvent) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** The part of Electron's Session the permission handlers are set on. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

/**
 * A link the user clicks in the page is handed to the guarded opener; nothing else leaves the app.
 * Subframes and redirects never open anything: only a top-level click is a user's intent.
 */
export function guardContents(contents: GuardedContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (details) => {
    if (isAppPage(details.url)) return;
    details.preventDefault();
    void openExternalSafely(details.url, openExternal);
  });
  // Fires for every frame; the main frame is will-navigate's, so only subframes are judged here.
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame && !isAppPage(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isAppPage(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url, openExternal);
    return { action: 'deny' };
  });
}

/** Camera, microphone, geolocation, notifications, clipboard reads, HID/USB/serial: the app needs none. */
export function denyAllPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
