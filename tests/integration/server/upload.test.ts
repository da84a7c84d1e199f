import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportInspection } from '../../../src-main/core/interop/interop-schema';
import { startWebServer, type WebServer } from '../../../src-main/server/server';
import { openTestStore, type TestStore } from '../../helpers/temp-db';
import { sendLargeBody } from '../../helpers/web';

let store: TestStore;
let server: WebServer;
let uploads: string;

beforeAll(async () => {
  store = openTestStore();
  uploads = path.join(store.dir, 'uploads');
  const staticDir = path.join(store.dir, 'renderer');
  fs.mkdirSync(staticDir);
  server = await startWebServer({
    dispatch: store.dispatch,
    staticDir,
    port: 0,
    uploadDir: uploads,
    limits: { maxUploadBytes: 1024 * 1024 },
  });
});
afterAll(async () => {
  await server.close();
  store.close();
});

function upload(body: Buffer, headers: Record<string, string> = {}, name = 'kunder.csv', chunked = false) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/upload?name=${encodeURIComponent(name)}`,
        method: 'POST',
        headers: {
          Host: `127.0.0.1:${server.port}`,
          'Content-Type': 'application/octet-stream',
          'X-Bindeled-Token': server.token,
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    if (!chunked) return req.end(body);
    // Without Content-Length: the cap must hold while the body streams in.
    for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
    req.end();
  });
}

describe('uploading a file to import in browser mode', () => {
  it('stores the upload beside the database and the wizard imports it from there', async () => {
    const csv = Buffer.from('Navn;CVR-nr.\r\nÅdalens Gårdbutik;13748136\r\n');
    const r = await upload(csv, {}, '../../kunder.csv');
    expect(r.status).toBe(200);
    const { path: stored } = JSON.parse(r.body) as { path: string };
    expect(path.dirname(stored)).toBe(uploads);
    expect(path.basename(stored)).toMatch(/-kunder\.csv$/);
    expect(fs.readFileSync(stored)).toEqual(csv);
    const ins = (await store.call('interop.inspect', { path: stored })) as ImportInspection;
    expect(ins.mapping).toEqual(['name', 'cvr']);
  });

  it('needs the token, the octet-stream type, and a size under the cap', async () => {
    expect((await upload(Buffer.from('x'), { 'X-Bindeled-Token': 'forkert' })).status).toBe(401);
    expect((await upload(Buffer.from('x'), { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await upload(Buffer.from('x'), { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await upload(Buffer.from('x'), { Host: 'evil.example' })).status).toBe(421);
  });

  it('answers an upload over the cap with 413 and closes the connection without reading the rest', async () => {
    const before = fs.readdirSync(uploads).length;
    const headers = { 'Content-Type': 'application/octet-stream', 'X-Bindeled-Token': server.token };
    const total = 256 * 1024 * 1024;
    for (const declare of [true, false]) {
      const r = await sendLargeBody(server, { path: '/api/upload?name=stor.csv', headers, total, declare });
      expect(r.status).toBe(413);
      expect(r.body).toBe('Filen er større end 1 MB');
      // The client could not hand over its 256 MB: the server stopped reading near the 1 MB cap
      // (the rest of what it read is headers and socket buffers).
      expect(r.produced).toBeLessThan(total);
      expect(r.serverRead).toBeLessThan(4 * 1024 * 1024);
    }
    expect(fs.readdirSync(uploads).length).toBe(before);
    // The server goes on answering.
    expect((await upload(Buffer.from('Navn\r\nSmedjen\r\n'))).status).toBe(200);
  });
});
