import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src-main/server/server';
import { openTestStore, type TestStore } from '../helpers/temp-db';

let store: TestStore;
let server: WebServer;
let staticDir: string;

beforeAll(async () => {
  store = openTestStore();
  staticDir = path.join(store.dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Bindeled</title>');
  fs.writeFileSync(path.join(store.dir, 'secret.txt'), 'hemmeligt');
  server = await startWebServer({ dispatch: store.dispatch, staticDir, port: 0 });
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
