/**
 * The renderer's Content-Security-Policy. The same text is in src-renderer/index.html's meta tag
 * (a test keeps them equal) and is sent as a header by the app:// protocol and the web server.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";
