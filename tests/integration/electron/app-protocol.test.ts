import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/api/content-security-policy';
import {
  APP_ENTRY_URL,
  createAppProtocolHandler,
  mimeTypeFor,
  resolveAppPath,
} from '../../../src-main/electron/app-protocol';
import { tempDir } from '../../helpers/temp-db';

/**
 * The app:// protocol serves the built renderer and nothing else. A fake out/renderer folder sits
 * beside a "secret" file the page must never be able to read.
 */
let dir: string;
let cleanup: () => void;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  ({ dir, cleanup } = tempDir('bindeled-app-protocol-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Bindeled</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  fs.writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(root, 'assets', 'data.bin'), Buffer.from([1, 2, 3]));
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'root:x:0:0:hemmelig');
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
  handler = createAppProtocolHandler({ root });
});

afterAll(() => cleanup());

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('serves the entry page with the same CSP as the page meta tag', async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Bindeled</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');

    const html = fs.readFileSync(path.resolve(__dirname, '../../../src-renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(res.headers.get('content-security-policy')).toBe(meta);
  });

  it('serves index.html for the bare origin', async () => {
    const res = await get('app://bindeled/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Bindeled');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/logo.svg', 'image/svg+xml'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/data.bin', 'application/octet-stream'],
  ])('serves %s as %s', async (file, mime) => {
    const res = await get(`app://bindeled/${file}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(mime);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(fs.readFileSync(path.join(root, file)));
  });

  it('knows the MIME types a Vite build produces', () => {
    expect(mimeTypeFor('a.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('a.png')).toBe('image/png');
    expect(mimeTypeFor('a.woff')).toBe('font/woff');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('noext')).toBe('application/octet-stream');
  });

  it.each([
    'app://bindeled/../../etc/passwd',
    'app://bindeled/../secret.txt',
    'app://bindeled/%2e%2e/secret.txt',
    'app://bindeled/..%2fsecret.txt',
    'app://bindeled/assets/..%2f..%2fsecret.txt',
    'app://bindeled/..%5csecret.txt',
    'app://bindeled/%00index.html',
    'app://bindeled/assets/link.txt',
    'app://bindeled//etc/passwd',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    const body = await res.text();
    expect(body).not.toContain('root:');
    expect(body).not.toContain('hemmelig');
    // Even refusals carry the policy, so an error page cannot run script either.
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never resolves a request to a path outside the renderer folder', () => {
    for (const url of [
      'app://bindeled/../../etc/passwd',
      'app://bindeled/..%2f..%2f..%2fetc%2fpasswd',
      'app://bindeled/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    ]) {
      const r = resolveAppPath(url, root);
      if (r.ok) expect(path.relative(root, r.file).startsWith('..')).toBe(false);
      else expect([400, 403]).toContain(r.status);
    }
    expect(resolveAppPath('app://bindeled/..%2fsecret.txt', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath('not a url', root)).toEqual({ ok: false, status: 400 });
  });

  it('answers 404 for missing files and folders, 405 for writes, and HEAD without a body', async () => {
    expect((await get('app://bindeled/missing.js')).status).toBe(404);
    expect((await get('app://bindeled/assets')).status).toBe(404);
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get('app://bindeled/assets/index-abc.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('14');
    expect(await head.text()).toBe('');
  });
});
