/**
 * The browser-mode server prints a URL with `?token=…`. The page takes the token, keeps it for
 * the session and removes it from the address bar so it is not bookmarked or shared by accident.
 */
export function takeTokenFromUrl(href: string): { token: string | null; cleanUrl: string } {
  const url = new URL(href);
  const token = url.searchParams.get('token');
  if (token === null) return { token: null, cleanUrl: href };
  url.searchParams.delete('token');
  return { token, cleanUrl: url.pathname + url.search + url.hash };
}

/** The sessionStorage key the browser-mode session token is kept under. */
export const TOKEN_KEY = 'bindeled.token';

/** The browser-mode session token kept for this tab; empty in Electron, where no token is needed. */
export function storedToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
