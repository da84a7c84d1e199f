import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import type { IpcSenderEvent } from '../../../src-main/electron/ipc';
import {
  applySessionPolicy,
  createSenderCheck,
  hardenWebContents,
  isAllowedDevServerUrl,
  isAllowedRequestUrl,
  isTrustedFrameUrl,
} from '../../../src-main/electron/window-security';

/** A stand-in for webContents that records the listeners main.ts would attach. */
function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    on(event: string, listener: (...args: unknown[]) => void) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  };
  /** Fires an event the way Electron does and reports whether the page was stopped. */
  const fire = (event: string, url: string): boolean => {
    let prevented = false;
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    listener({ url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, listeners, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('navigation and window.open', () => {
  const logged: string[] = [];
  const fake = fakeContents();
  hardenWebContents(fake.contents as unknown as WebContents, (text) => logged.push(text));

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://bindeled/index.html',
    'javascript:alert(1)',
  ])('stops every navigation, redirect and frame navigation (%s)', (url) => {
    expect(fake.fire('will-navigate', url)).toBe(true);
    expect(fake.fire('will-redirect', url)).toBe(true);
    expect(fake.fire('will-frame-navigate', url)).toBe(true);
    expect(logged.some((line) => line.includes(url))).toBe(true);
  });

  it('refuses webviews and denies window.open for any URL', () => {
    expect(fake.fire('will-attach-webview', 'about:blank')).toBe(true);
    expect(fake.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(fake.open('app://bindeled/index.html')).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('denies every permission request and check, including devices', () => {
    const handlers: Record<string, (...args: unknown[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: unknown[]) => unknown) => (handlers.device = h),
    };
    applySessionPolicy(session as unknown as Session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      const answers: boolean[] = [];
      handlers.request?.({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers).toEqual([false]);
      expect(handlers.check?.({}, permission, 'app://bindeled', {})).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'usb', origin: 'app://bindeled' })).toBe(false);
  });
});

describe('which frames may call main', () => {
  it('trusts only app://bindeled pages, and the dev server only when it is the configured loopback one', () => {
    expect(isTrustedFrameUrl('app://bindeled/index.html')).toBe(true);
    expect(isTrustedFrameUrl('app://bindeled/')).toBe(true);
    expect(isTrustedFrameUrl('app://bindeled.evil/index.html')).toBe(false);
    expect(isTrustedFrameUrl('app://other/index.html')).toBe(false);
    expect(isTrustedFrameUrl('file:///work/out/renderer/index.html')).toBe(false);
    expect(isTrustedFrameUrl('https://evil.example/')).toBe(false);
    expect(isTrustedFrameUrl('http://localhost:5173/')).toBe(false);
    expect(isTrustedFrameUrl('')).toBe(false);
    expect(isTrustedFrameUrl(null)).toBe(false);
    expect(isTrustedFrameUrl('not a url')).toBe(false);

    const dev = 'http://localhost:5173';
    expect(isTrustedFrameUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedFrameUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedFrameUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedFrameUrl('http://evil.example:5173/', 'http://evil.example:5173')).toBe(false);
  });

  it('accepts only loopback dev servers', () => {
    expect(isAllowedDevServerUrl('http://localhost:5173')).toBe(true);
    expect(isAllowedDevServerUrl('http://127.0.0.1:5173/')).toBe(true);
    expect(isAllowedDevServerUrl('http://[::1]:5173/')).toBe(true);
    expect(isAllowedDevServerUrl('http://192.168.1.10:5173/')).toBe(false);
    expect(isAllowedDevServerUrl('file:///tmp/x')).toBe(false);
    expect(isAllowedDevServerUrl(undefined)).toBe(false);
  });

  it('refuses other windows, subframes, missing frames and calls before the window exists', () => {
    let windowId: number | null = 7;
    const check = createSenderCheck({ windowContentsId: () => windowId, devServerUrl: null });
    const event = (id: number, url: string, parent: unknown = null): IpcSenderEvent => ({
      sender: { id },
      senderFrame: { url, parent },
    });
    expect(check(event(7, 'app://bindeled/index.html'))).toBe(true);
    expect(check(event(8, 'app://bindeled/index.html'))).toBe(false);
    expect(check(event(7, 'app://bindeled/index.html', { url: 'app://bindeled/' }))).toBe(false);
    expect(check(event(7, 'https://evil.example/'))).toBe(false);
    expect(check({ sender: { id: 7 }, senderFrame: null })).toBe(false);
    windowId = null;
    expect(check(event(7, 'app://bindeled/index.html'))).toBe(false);
  });
});

describe('outgoing requests', () => {
  it('lets the page load only its own files (and the dev server in dev)', () => {
    expect(isAllowedRequestUrl('app://bindeled/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://bindeled/1234')).toBe(true);
    expect(isAllowedRequestUrl('app://other/x.js')).toBe(false);
    expect(isAllowedRequestUrl('https://fonts.googleapis.com/css')).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);

    const dev = 'http://localhost:5173';
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:9999/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://evil.example/', dev)).toBe(false);
  });
});
