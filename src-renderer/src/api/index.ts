import { currentLanguage } from '../i18n/language';
import { translate } from '../i18n/translate';
import { type Api, createApi } from './client';
import { createHttpBridge } from './http-bridge';
import { storedToken, TOKEN_KEY, takeTokenFromUrl } from './token';
import type { BindeledBridge } from './types';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    bindeled?: BindeledBridge;
  }
}

function sessionToken(): string {
  const { token, cleanUrl } = takeTokenFromUrl(window.location.href);
  if (token !== null) {
    sessionStorage.setItem(TOKEN_KEY, token);
    window.history.replaceState(window.history.state, '', cleanUrl);
    return token;
  }
  return storedToken();
}

function openEventSource(url: string, onData: (data: string) => void): () => void {
  const source = new EventSource(url);
  source.onmessage = (e: MessageEvent<string>) => onData(e.data);
  return () => source.close();
}

function chooseBridge(): BindeledBridge {
  if (window.bindeled) return window.bindeled;
  return createHttpBridge({
    token: sessionToken(),
    fetch: (url, init) => window.fetch(url, init),
    openEvents: openEventSource,
    describe: (failure) => translate(currentLanguage(), `transport.${failure}`),
  });
}

/** The one object the pages talk to, whichever shell the renderer runs in. */
export const api: Api = createApi(chooseBridge());
export { ApiCallError } from './client';
