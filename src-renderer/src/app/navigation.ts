import { useSyncExternalStore } from 'react';
import { pathFromHash } from '../lib/router';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route path, re-rendering on every hash change. */
export function useRoutePath(): string {
  return useSyncExternalStore(subscribe, () => pathFromHash(window.location.hash));
}

export function navigate(path: string): void {
  window.location.hash = `#${path}`;
}

export function companyPath(id: number, tab?: string): string {
  return tab ? `/companies/${id}/${tab}` : `/companies/${id}`;
}
