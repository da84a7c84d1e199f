import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWrittenFile, recordWrittenFile } from '../../../src-main/core/files/written-files';
import { startWebServer, type WebServer } from '../../../src-main/server/server';
import { openTestStore, type TestStore } from '../../helpers/temp-db';
import { sendLargeBody } from '../../helpers/web';

let store: TestStore;
let server: WebServer;
let staticDir: string;

beforeAll(async () => {
  store = openTestStore();
  staticDir = path.join(store.dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Bindeled</title>');
  fs.writeFileSync(path.join(store.dir, 'secret.txt'), 'hemmeligt');
  server = await startWebServer({
    dispatch: store.dispatch,
    staticDir,
    port: 0,
    resolveDownload: (p) => assertWrittenFile(store.db, p),
    limits: { maxBodyBytes: 64 * 1024 },
  });
});
afterAll(async () => {
  await server.close();
  store.close();
});

/** Raw HTTP so the test controls the Host header, which fetch() does not allow. */
function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const invoke = (body: unknown, headers: Record<string, string> = {}) =>
  request({
    path: '/api/invoke',
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'X-Bindeled-Token': server.token, ...headers },
  });

describe('the browser-mode server', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[\\w-]{20,}$`));
  });

  it('serves the contract to a request with the token', async () => {
    const created = await invoke({ method: 'companies.create', input: { name: 'Smedjen', cvr: '13748136' } });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { name: 'Smedjen', cvr: '13748136' } });
    const bad = await invoke({ method: 'companies.create', input: { name: 'X', cvr: '24256791' } });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a missing or wrong token', async () => {
    expect((await invoke({ method: 'app.info', input: {} }, { 'X-Bindeled-Token': 'wrong' })).status).toBe(401);
    const none = await request({
      path: '/api/invoke',
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(none.status).toBe(401);
    expect((await request({ path: '/api/events?token=nope' })).status).toBe(401);
  });

  it('refuses other hosts (DNS rebinding) and other origins', async () => {
    expect((await invoke({ method: 'app.info', input: {} }, { Host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await request({ path: '/', headers: { Host: 'localhost:1' } })).status).toBe(421);
    expect((await invoke({ method: 'app.info', input: {} }, { Origin: 'http://evil.example' })).status).toBe(403);
    expect(
      (await invoke({ method: 'app.info', input: {} }, { Origin: `http://localhost:${server.port}` })).status,
    ).toBe(200);
  });

  it('refuses form posts that are not JSON and bodies that are not valid JSON', async () => {
    const form = await request({
      path: '/api/invoke',
      method: 'POST',
      body: 'method=app.info',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Bindeled-Token': server.token },
    });
    expect(form.status).toBe(415);
    const junk = await request({
      path: '/api/invoke',
      method: 'POST',
      body: '{nope',
      headers: { 'Content-Type': 'application/json', 'X-Bindeled-Token': server.token },
    });
    expect(JSON.parse(junk.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request({ path: '/../secret.txt' })).status).toBe(404);
    expect((await request({ path: '/%2e%2e/secret.txt' })).status).toBe(404);
    expect((await request({ path: '/%2e%2e%2fsecret.txt' })).status).toBe(404);
  });

  it('streams progress events to an open page', async () => {
    const received = new Promise<string>((resolve) => {
      http.get(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?token=${server.token}`,
          headers: { Host: `127.0.0.1:${server.port}` },
        },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            if (chunk.startsWith('data:')) {
              resolve(chunk);
              res.destroy();
            } else server.emit({ jobId: 'j1', method: 'companies.list', done: 1, total: 2 });
          });
        },
      );
    });
    expect(JSON.parse((await received).slice(5))).toEqual({ jobId: 'j1', method: 'companies.list', done: 1, total: 2 });
  });
});

describe('the browser-mode server under routine accidents and rough clients', () => {
  it('answers 404 for a written file that was deleted since, and keeps serving', async () => {
    const file = path.join(store.dir, 'Henvisning - Smedjen.docx');
    fs.writeFileSync(file, 'brev');
    recordWrittenFile(store.db, file, 'document');
    const download = () => request({ path: `/api/download?token=${server.token}&path=${encodeURIComponent(file)}` });
    const first = await download();
    expect(first.status).toBe(200);
    expect(first.body).toBe('brev');
    expect(first.headers['content-disposition']).toContain('Henvisning%20-%20Smedjen.docx');

    fs.rmSync(file);
    const gone = await download();
    expect(gone.status).toBe(404);
    expect(gone.body).toContain('Filen Henvisning - Smedjen.docx findes ikke længere');
    // A folder where the file was is no file to send either.
    fs.mkdirSync(file);
    expect((await download()).status).toBe(404);
    expect((await request({ path: '/' })).status).toBe(200);
    expect(JSON.parse((await invoke({ method: 'app.info', input: {} })).body)).toMatchObject({ ok: true });
  });

  it('answers an API body over its limit with 413 before closing, declared or counted', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Bindeled-Token': server.token };
    for (const declare of [true, false]) {
      const r = await sendLargeBody(server, { path: '/api/invoke', headers, total: 64 * 1024 * 1024, declare });
      expect(r.status).toBe(413);
      expect(r.body).toContain('Forespørgslen er større end');
      expect(r.serverRead).toBeLessThan(4 * 1024 * 1024);
    }
    // A refusal before the body is read (here: no token) does not read the rest either.
    const anonymous = await sendLargeBody(server, {
      path: '/api/invoke',
      headers: { 'Content-Type': 'application/json' },
      total: 64 * 1024 * 1024,
      declare: true,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.serverRead).toBeLessThan(4 * 1024 * 1024);
    expect(JSON.parse((await invoke({ method: 'app.info', input: {} })).body)).toMatchObject({ ok: true });
  });
});

describe('time and connection limits', () => {
  let limited: WebServer;
  let capped: WebServer;
  beforeAll(async () => {
    capped = await startWebServer({ dispatch: store.dispatch, staticDir, port: 0, limits: { maxConnections: 3 } });
    limited = await startWebServer({
      dispatch: store.dispatch,
      staticDir,
      port: 0,
      limits: { headersTimeoutMs: 200, requestTimeoutMs: 400 },
    });
  });
  afterAll(async () => {
    await limited.close();
    await capped.close();
  });

  /** A raw socket that sends `first`, then `drip` every few milliseconds until the server hangs up. */
  function slowClient(first: string, drip: string): Promise<{ answer: string; dripped: number }> {
    return new Promise((resolve) => {
      const socket = net.connect(limited.port, '127.0.0.1');
      let answer = '';
      let dripped = 0;
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(first);
        timer = setInterval(() => {
          if (!socket.writable) return;
          socket.write(drip);
          dripped++;
        }, 20);
      });
      socket.setEncoding('utf8');
      socket.on('data', (c: string) => {
        answer += c;
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, dripped });
      });
    });
  }

  it('cuts off a client that sends its headers slowly, one that sends nothing, and one that sends its body slowly', async () => {
    const host = `Host: 127.0.0.1:${limited.port}\r\n`;
    const headers = await slowClient(`GET / HTTP/1.1\r\n${host}`, 'X-Slow: a\r\n');
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(headers.dripped).toBeGreaterThan(0);
    const silent = await slowClient('', '');
    expect(silent.answer).toMatch(/^HTTP\/1\.1 408 /);
    const body = await slowClient(
      `POST /api/invoke HTTP/1.1\r\n${host}Content-Type: application/json\r\nX-Bindeled-Token: ${limited.token}\r\nContent-Length: 100000\r\n\r\n`,
      ' ',
    );
    expect(body.answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes connections beyond the cap as they arrive and serves the ones it holds', async () => {
    const open = (): Promise<net.Socket> =>
      new Promise((resolve) => {
        const s = net.connect(capped.port, '127.0.0.1', () => resolve(s));
        s.on('error', () => {});
      });
    const held = [await open(), await open(), await open()];
    const refused = await open();
    const refusedData: string[] = [];
    refused.on('data', (c: Buffer) => refusedData.push(c.toString()));
    await new Promise((resolve) => refused.once('close', resolve));
    expect(refusedData).toEqual([]);
    const answered = new Promise<string>((resolve) => {
      let text = '';
      held[0]?.on('data', (c: Buffer) => {
        text += c.toString();
        if (text.includes('\r\n\r\n')) resolve(text);
      });
    });
    held[0]?.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${capped.port}\r\n\r\n`);
    expect(await answered).toMatch(/^HTTP\/1\.1 200 /);
    for (const s of held) s.destroy();
  });
});
