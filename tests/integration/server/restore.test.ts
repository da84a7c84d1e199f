import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-db';

let child: ChildProcess | undefined;
let cleanup = () => {};
afterEach(() => {
  child?.kill('SIGTERM');
  cleanup();
});

/** Starts `npm run web`'s server on a temp database and resolves with its URL parts. */
function startServer(dbPath: string): Promise<{ port: string; token: string }> {
  const tsx = path.resolve('node_modules/.bin/tsx');
  child = spawn(tsx, ['src-main/server/main.ts', '--db', dbPath, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(out);
      if (m?.[1] && m[2]) resolve({ port: m[1], token: m[2] });
    });
    child?.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

describe('restoring a backup in browser mode', () => {
  it('swaps the database under the running server, which then serves the restored data', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const { port, token } = await startServer(path.join(t.dir, 'caseload.db'));
    const call = async (method: string, input: unknown = {}) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/invoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Bindeled-Token': token },
        body: JSON.stringify({ method, input }),
      });
      const result = (await res.json()) as { ok: boolean; value: unknown; error?: { message: string } };
      if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
      return result.value as Record<string, unknown>;
    };
    await call('companies.create', { name: 'Før sikkerhedskopien' });
    const backup = await call('backups.create');
    await call('companies.create', { name: 'Efter sikkerhedskopien' });
    const restored = await call('backups.restore', { name: backup.name });
    expect(restored.companyCount).toBe(1);
    const page = (await call('companies.list')) as unknown as { rows: Array<{ name: string }> };
    expect(page.rows.map((r) => r.name)).toEqual(['Før sikkerhedskopien']);
    const backups = (await call('backups.list')) as unknown as { backups: Array<{ reason: string }> };
    expect(backups.backups.map((b) => b.reason)).toContain('before-restore');
  });
});
