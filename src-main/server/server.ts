import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';
import type { JobProgress } from '../api/contract';
import type { Dispatch } from '../api/dispatcher';
import { safeFileName } from '../core/files/safe-file-name';
import { message } from '../core/messages';
import { checkHostAndOrigin, type GuardConfig, tokenMatches } from './http-guard';
import { openForSending, streamFile } from './send-file';
import { resolveStatic } from './static-files';
import { receiveUpload } from './upload';

export interface WebServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
  /** Serves a file Bindeled wrote (downloads in browser mode); returns its path or throws. */
  resolveDownload?: (path: string) => string | Promise<string>;
  /** Where `POST /api/upload` puts files (browser mode's answer to an open dialog); no uploads without it. */
  uploadDir?: string;
  /** Defaults in DEFAULT_LIMITS; tests pass small ones. */
  limits?: Partial<ServerLimits>;
}

/**
 * What one client may cost the server. The page is on this machine, but any page the user's
 * browser opens can reach the port, so a slow or endless request must not hold it.
 */
export interface ServerLimits {
  /** Largest `/api/invoke` body. */
  maxBodyBytes: number;
  /** Largest `/api/upload` body. */
  maxUploadBytes: number;
  /** Time from connecting to the end of the request headers. */
  headersTimeoutMs: number;
  /** Time from connecting to the end of the whole request, body included (not the answer). */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; further ones are closed as they arrive. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  maxBodyBytes: 20 * 1024 * 1024,
  maxUploadBytes: 100 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 64,
};

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** Sends a progress event to every open page. */
  emit: (event: JobProgress) => void;
  close: () => Promise<void>;
  /** The Node server itself, for tests that read socket counters. */
  http: http.Server;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
} as const;

/**
 * Browser mode: the real UI and the real database in any Chromium, for tests and development.
 * Binds 127.0.0.1 only; see http-guard.ts for why every request is checked.
 */
export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const listeners = new Set<ServerResponse>();
  const cfg: GuardConfig = { port: 0, token };
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...opts.limits };

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node looks for expired requests at this interval; a tenth of the limit keeps the overrun small.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 10))),
    },
    (req, res) => {
      handle(req, res).catch((err: unknown) => {
        // A client that hung up, or was cut off by a time limit, has no one left to answer.
        if ((err as NodeJS.ErrnoException).code === 'ECONNRESET') return void res.destroy();
        console.error('[bindeled] request failed:', err);
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', message('app.server.internal'));
        else res.destroy();
      });
    },
  );
  server.maxConnections = limits.maxConnections;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = checkHostAndOrigin(req, cfg);
    if (!verdict.ok) return send(res, verdict.status, 'text/plain; charset=utf-8', `Afvist: ${verdict.reason}`);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${cfg.port}`);

    if (url.pathname === '/api/invoke') {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST only');
      if (!tokenMatches(header(req, 'x-bindeled-token'), token)) return unauthorised(res);
      // A JSON content type cannot be sent cross-site without a CORS preflight, which we never answer.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'text/plain; charset=utf-8', 'application/json only');
      }
      const body = await readBody(req, limits.maxBodyBytes);
      if (body === undefined) {
        return send(
          res,
          413,
          'text/plain; charset=utf-8',
          message('app.server.bodyTooLarge', { limit: megabytes(limits.maxBodyBytes) }),
        );
      }
      let envelope: unknown;
      try {
        envelope = JSON.parse(body);
      } catch {
        return json(res, { ok: false, error: { code: 'invalid_input', message: message('app.server.badJson') } });
      }
      const { method, input, jobId } = (envelope ?? {}) as { method?: unknown; input?: unknown; jobId?: unknown };
      const result = await opts.dispatch(method, input, jobId === undefined ? undefined : { jobId: jobId as string });
      return json(res, result);
    }

    if (url.pathname === '/api/events') {
      if (!tokenMatches(url.searchParams.get('token'), token)) return unauthorised(res);
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }

    if (url.pathname === '/api/upload' && opts.uploadDir) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'POST only');
      if (!tokenMatches(header(req, 'x-bindeled-token'), token)) return unauthorised(res);
      // Not a CORS-safelisted type: a cross-site page cannot send it without a preflight we never answer.
      if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
        return send(res, 415, 'text/plain; charset=utf-8', 'application/octet-stream only');
      }
      const cfg = { dir: opts.uploadDir, maxBytes: limits.maxUploadBytes };
      const result = await receiveUpload(req, cfg, url.searchParams.get('name'));
      if (!result.ok) return send(res, result.status, 'text/plain; charset=utf-8', result.reason);
      return json(res, { path: result.path });
    }

    if (url.pathname === '/api/download') {
      if (!tokenMatches(url.searchParams.get('token'), token)) return unauthorised(res);
      const requested = url.searchParams.get('path') ?? '';
      let file: string;
      try {
        if (!opts.resolveDownload) throw new Error('no downloads');
        file = await opts.resolveDownload(requested);
      } catch {
        return send(res, 403, 'text/plain; charset=utf-8', message('app.server.downloadRefused'));
      }
      const baseName = safeFileName(file.split(/[\\/]/).pop() ?? '', 'fil');
      const opened = await openForSending(file);
      if (!opened.ok) {
        const key = opened.status === 404 ? 'app.server.downloadMissing' : 'app.server.downloadFailed';
        return send(res, opened.status, 'text/plain; charset=utf-8', message(key, { name: baseName }));
      }
      return streamFile(req, res, opened, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(baseName)}`,
      });
    }

    if (url.pathname.startsWith('/api/')) return send(res, 404, 'text/plain; charset=utf-8', 'Ukendt');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
    const found = resolveStatic(opts.staticDir, url.pathname);
    const opened = found ? await openForSending(found.file) : ({ ok: false, status: 404 } as const);
    if (!found || !opened.ok)
      return send(res, opened.ok ? 404 : opened.status, 'text/plain; charset=utf-8', message('app.server.notFound'));
    streamFile(req, res, opened, { ...SECURITY_HEADERS, 'Content-Type': found.mime });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  cfg.port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${cfg.port}/?token=${token}`,
    port: cfg.port,
    token,
    emit: (event) => {
      const line = `data: ${JSON.stringify(event)}\n\n`;
      for (const l of listeners) l.write(line);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const l of listeners) l.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    http: server,
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The body as text, or undefined once it passes `max` bytes (declared or counted); the rest is left unread. */
function readBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > max) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function megabytes(bytes: number): string {
  return (bytes / 1048576).toLocaleString('da-DK', { maximumFractionDigits: 2 });
}

/**
 * A refusal that comes before the body was read (a wrong token, a body over the limit) closes the
 * connection after the answer: keeping it alive would mean reading the unwanted rest first.
 */
function send(res: ServerResponse, status: number, type: string, body: string): void {
  const unread = bodyLeftUnread(res.req);
  if (unread) res.shouldKeepAlive = false;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...(unread ? { Connection: 'close' } : {}) });
  res.end(body);
}

function bodyLeftUnread(req: IncomingMessage): boolean {
  if (req.complete) return false;
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function json(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function unauthorised(res: ServerResponse): void {
  send(res, 401, 'text/plain; charset=utf-8', message('app.server.badToken'));
}
