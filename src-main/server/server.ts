import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../api/content-security-policy';
import type { JobProgress } from '../api/contract';
import type { Dispatch } from '../api/dispatcher';
import { safeFileName } from '../core/files/safe-file-name';
import { checkHostAndOrigin, type GuardConfig, tokenMatches } from './http-guard';
import { resolveStatic } from './static-files';
import { receiveUpload } from './upload';

export interface WebServerOptions {
  dispatch: Dispatch;
  staticDir: string;
  port?: number;
  token?: string;
  /** Serves a file Bindeled wrote (downloads in browser mode); returns its path or throws. */
  resolveDownload?: (path: string) => string;
  /** Where `POST /api/upload` puts files (browser mode's answer to an open dialog); no uploads without it. */
  uploadDir?: string;
  maxUploadBytes?: number;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  /** Sends a progress event to every open page. */
  emit: (event: JobProgress) => void;
  close: () => Promise<void>;
}

const MAX_BODY = 20 * 1024 * 1024;
const MAX_UPLOAD = 100 * 1024 * 1024;

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

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[bindeled] request failed:', err);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Intern fejl');
      else res.end();
    });
  });

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
      const body = await readBody(req);
      if (body === undefined) return send(res, 413, 'text/plain; charset=utf-8', 'For stor forespørgsel');
      let envelope: unknown;
      try {
        envelope = JSON.parse(body);
      } catch {
        return json(res, { ok: false, error: { code: 'invalid_input', message: 'Forespørgslen er ikke gyldig JSON' } });
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
      const cfg = { dir: opts.uploadDir, maxBytes: opts.maxUploadBytes ?? MAX_UPLOAD };
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
        file = opts.resolveDownload(requested);
      } catch {
        return send(res, 403, 'text/plain; charset=utf-8', 'Filen må ikke hentes');
      }
      const name = encodeURIComponent(safeFileName(file.split(/[\\/]/).pop() ?? '', 'fil'));
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${name}`,
      });
      fs.createReadStream(file).pipe(res);
      return;
    }

    if (url.pathname.startsWith('/api/')) return send(res, 404, 'text/plain; charset=utf-8', 'Ukendt');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'GET only');
    const found = resolveStatic(opts.staticDir, url.pathname);
    if (!found) return send(res, 404, 'text/plain; charset=utf-8', 'Ikke fundet');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': found.mime });
    if (req.method === 'HEAD') return void res.end();
    fs.createReadStream(found.file).pipe(res);
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
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

function json(res: ServerResponse, value: unknown): void {
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

function unauthorised(res: ServerResponse): void {
  send(res, 401, 'text/plain; charset=utf-8', 'Forkert eller manglende nøgle (token)');
}
