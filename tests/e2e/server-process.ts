import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const URL_LINE = /Bindeled kører på (http:\/\/127\.0\.0\.1:\d+\/\?token=([\w-]+))/;

export interface BindeledServer {
  /** The URL the server printed, token included. */
  url: string;
  origin: string;
  token: string;
  dbPath: string;
  /** Calls the API as the page does; throws on `{ok:false}` so a seeding mistake fails loudly. */
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts `src-main/server/main.ts` on a fresh database in a temp folder and a free port, and
 * resolves once it has printed its URL. `prepare` may fill the database file first.
 */
export async function startServer(
  opts: {
    prepare?: (dbPath: string) => void | Promise<void>;
    /** Extra environment for the server, given the database's folder (OneDrive's variable, say). */
    env?: (dir: string) => Record<string, string>;
  } = {},
): Promise<BindeledServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bindeled-e2e-'));
  const dbPath = path.join(dir, 't.db');
  await opts.prepare?.(dbPath);
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      'src-main/server/main.ts',
      '--db',
      dbPath,
      '--port',
      '0',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_ENV: 'test', ...opts.env?.(dir) } },
  );
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const m = URL_LINE.exec(output.join(''));
      if (m?.[1]) resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it was ready:\n${output.join('')}`)));
    child.once('error', reject);
  });
  child.removeAllListeners('exit');
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';

  return {
    url,
    origin: parsed.origin,
    token,
    dbPath,
    async call<T>(method: string, input: unknown): Promise<T> {
      const res = await fetch(`${parsed.origin}/api/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Bindeled-Token': token },
        body: JSON.stringify({ method, input }),
      });
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
      if (!body.ok) throw new Error(`${method} failed: ${body.error?.message ?? res.status}`);
      return body.value as T;
    },
    stop: () => stopChild(child, dir),
  };
}

function stopChild(child: ChildProcess, dir: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      rmSync(dir, { recursive: true, force: true });
      resolve();
    };
    if (child.exitCode !== null) return done();
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}
