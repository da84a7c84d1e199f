import fs from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';

/**
 * The `app://bindeled/...` protocol that serves the built renderer. A custom privileged scheme
 * instead of `file://` gives the page a real origin (so CSP `'self'` and the IPC sender check mean
 * something) and keeps the rest of the disk out of reach. Pure Node: main.ts only hands the handler
 * to `protocol.handle`, the tests call it directly.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bindeled';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type AppPathResolution = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps a request URL to a file below `root`, or refuses it. Chromium normalises `..` before we see
 * the URL, but encoded separators (`..%2f`) and backslashes survive that, so the decoded path is
 * checked again after joining.
 */
export function resolveAppPath(rawUrl: string, root: string): AppPathResolution {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 403 };

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };

  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (!isInside(base, file)) return { ok: false, status: 403 };
  return { ok: true, file };
}

function isInside(base: string, file: string): boolean {
  const rel = path.relative(base, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** Headers every response carries, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

export interface AppProtocolOptions {
  /** The built renderer folder (out/renderer). */
  root: string;
}

/** A `protocol.handle` handler: GET/HEAD of files under `root`, nothing else. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405);
    const resolved = resolveAppPath(request.url, options.root);
    if (!resolved.ok) return errorResponse(resolved.status);
    try {
      // A symlink inside out/renderer must not lead outside it either.
      const [realRoot, realFile] = await Promise.all([fs.realpath(options.root), fs.realpath(resolved.file)]);
      if (!isInside(realRoot, realFile)) return errorResponse(403);
      const stat = await fs.stat(realFile);
      if (!stat.isFile()) return errorResponse(404);
      const body = request.method === 'HEAD' ? null : await fs.readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: {
          ...securityHeaders(),
          'Content-Type': mimeTypeFor(realFile),
          'Content-Length': String(stat.size),
        },
      });
    } catch {
      return errorResponse(404);
    }
  };
}

function errorResponse(status: 400 | 403 | 404 | 405): Response {
  return new Response(null, { status, headers: securityHeaders() });
}
