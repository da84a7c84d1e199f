/**
 * Hash routing (`#/companies/123`): works the same from `app://` in Electron and from the
 * browser-mode server, and needs no server-side fallback for deep links.
 */
export function pathFromHash(hash: string): string {
  const raw = hash.replace(/^#/, '');
  const path = raw.split('?')[0] ?? '';
  if (!path.startsWith('/')) return '/';
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Matches `/companies/:id` against a path; returns the named parts or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const h = have[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}

export function findRoute<R extends { pattern: string }>(
  routes: readonly R[],
  path: string,
): { route: R; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return { route, params };
  }
  return null;
}
