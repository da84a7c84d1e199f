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
