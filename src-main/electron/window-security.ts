import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import type { IpcSenderEvent } from './ipc';

/**
 * The window's security policy as plain functions: what may be navigated to, which frames may
 * talk to main, which permissions are granted (none). main.ts applies them to every webContents;
 * the tests apply them to fakes. Only type imports from electron here (erased at build).
 */

/** The dev server electron-vite starts is only trusted on loopback over http(s). */
export function isAllowedDevServerUrl(raw: string | null | undefined): raw is string {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]')
    );
  } catch {
    return false;
  }
}

/** True for the app's own pages: `app://bindeled/...`, or the dev server's origin in dev mode. */
export function isTrustedFrameUrl(raw: string | null | undefined, devServerUrl: string | null = null): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
  if (devServerUrl && isAllowedDevServerUrl(devServerUrl)) return url.origin === new URL(devServerUrl).origin;
  return false;
}

export interface SenderPolicy {
  /** Id of the one window whose page may call main; null before it exists (then nobody may). */
  windowContentsId: () => number | null;
  devServerUrl: string | null;
}

/**
 * IPC is accepted only from the top frame of Bindeled's own window showing Bindeled's own page
 * (Electron Fiddle's rule): an iframe or a page that somehow got loaded elsewhere is refused.
 */
export function createSenderCheck(policy: SenderPolicy): (event: IpcSenderEvent) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    const id = policy.windowContentsId();
    if (id === null || event.sender.id !== id) return false;
    return isTrustedFrameUrl(frame.url, policy.devServerUrl);
  };
}

/**
 * The page never navigates: it is a single-page app loaded once by main (loadURL emits none of
 * these events, and in-page hash changes do not emit will-navigate). Anything else — a link, a
 * form, a redirect, a script setting location — is a page trying to leave and is stopped.
 */
export function hardenWebContents(
  contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>,
  log: (text: string) => void = console.warn,
): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    log(`[bindeled] navigation refused: ${event.url}`);
  });
  contents.on('will-frame-navigate', (event) => {
    event.preventDefault();
    log(`[bindeled] frame navigation refused: ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log(`[bindeled] redirect refused: ${event.url}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('[bindeled] webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`[bindeled] window.open refused: ${url}`);
    return { action: 'deny' };
  });
}

/**
 * Which requests the page may make at all, on top of the CSP: Bindeled is offline and personal
 * data must not leave the machine, so anything but its own files (and the dev server in dev) is
 * cancelled before Chromium sends it.
 */
export function isAllowedRequestUrl(raw: string, devServerUrl: string | null = null): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  if (devServerUrl && isAllowedDevServerUrl(devServerUrl)) {
    const dev = new URL(devServerUrl);
    if (url.protocol === 'devtools:') return true;
    const sameServer = url.hostname === dev.hostname && url.port === dev.port;
    return sameServer && ['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol);
  }
  return false;
}

/** Bindeled needs no camera, microphone, notifications, geolocation, clipboard read, etc. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void) {
  callback(false);
}

export function denyPermissionCheck(): boolean {
  return false;
}

export function applySessionPolicy(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
}
