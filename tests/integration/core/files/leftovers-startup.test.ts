import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDbHost } from '../../../../src-main/api/db-worker/host';
import { headlessShell } from '../../../../src-main/api/headless-shell';
import { runCli } from '../../../../src-main/cli/run-cli';
import { expectSettled, PLANTED_REPORT, plantLeftovers } from '../../../helpers/leftovers';
import { tempDir } from '../../../helpers/temp-db';

/**
 * Whatever a killed write left (half letters, exports, reports, restore copies, uploads, backups,
 * and an export recorded but not yet renamed) is settled by the next start of any shell: the
 * desktop app, browser mode, and every CLI command.
 */
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.reverse()) c();
  cleanups = [];
});

function workDir(): string {
  const t = tempDir('bindeled-leftovers-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('the start of each shell settles what killed writes left', () => {
  it('the desktop app, before its window opens (main.ts → the database thread that writes)', async () => {
    const planted = plantLeftovers(workDir());
    const host = await startDbHost({
      dbPath: planted.dbPath,
      transport: 'electron',
      appVersion: 'test',
      startupSafety: true,
      emit: () => {},
      shell: headlessShell(path.join(path.dirname(planted.dbPath), 'docs')),
    });
    try {
      // Settled when the thread says it is ready, before the window could write anything.
      expectSettled(planted);
    } finally {
      await host.close();
    }
  });

  it('browser mode, before it serves (npm run web)', async () => {
    const planted = plantLeftovers(workDir());
    const tsx = path.resolve('node_modules/.bin/tsx');
    const child: ChildProcess = spawn(tsx, ['src-main/server/main.ts', '--db', planted.dbPath, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => child.kill('SIGTERM'));
    const logged = await new Promise<string>((resolve, reject) => {
      let out = '';
      const seen = (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Bindeled kører på') && out.includes('midlertidige filer fjernet')) resolve(out);
      };
      child.stdout?.on('data', seen);
      child.stderr?.on('data', seen);
      child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
    expect(logged).toContain('gjort færdige under deres rigtige navn: 1; midlertidige filer fjernet: 8');
    expectSettled(planted);
  });

  it('every CLI command, and `check` says what it did', async () => {
    const planted = plantLeftovers(workDir());
    const out: string[] = [];
    expect(
      await runCli(['--db', planted.dbPath, 'check', '--json'], { out: (l) => out.push(l), err: (l) => out.push(l) }),
    ).toBe(0);
    expect(JSON.parse(out.join('\n')).leftovers).toEqual(PLANTED_REPORT);
    expectSettled(planted);

    const again = plantLeftovers(workDir());
    expect(await runCli(['--db', again.dbPath, 'companies', 'list'], { out: () => {}, err: () => {} })).toBe(0);
    expectSettled(again);
  });
});
