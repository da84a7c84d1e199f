import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/run-cli';
import { tempDir } from '../../helpers/temp-db';

/** `check` names a database in a folder OneDrive syncs, and where to move it; it says nothing otherwise. */
let cleanup: (() => void) | undefined;
const saved = process.env.OneDrive;
afterEach(() => {
  cleanup?.();
  if (saved === undefined) delete process.env.OneDrive;
  else process.env.OneDrive = saved;
});

async function check(dir: string, ...args: string[]) {
  const out: string[] = [];
  const code = await runCli(['--db', path.join(dir, 'Sager æøå', 'bindeled.db'), 'check', ...args], {
    out: (l) => out.push(l),
    err: () => {},
  });
  return { code, out: out.join('\n') };
}

describe('bindeled check', () => {
  it('warns about a database in the OneDrive folder, offering the default place, and still checks it', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    process.env.OneDrive = t.dir;
    const r = await check(t.dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`ligger i en mappe, som OneDrive synkroniserer (${t.dir})`);
    expect(r.out).toMatch(/Flyt den til .*bindeled\.db\./);
    const json = JSON.parse((await check(t.dir, '--json')).out) as { storageWarning: string | null };
    expect(json.storageWarning).toContain('OneDrive');
  });

  it('says nothing about a database on a local disk', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    delete process.env.OneDrive;
    const r = await check(t.dir);
    expect(r.out).not.toContain('synkroniserer');
    const json = JSON.parse((await check(t.dir, '--json')).out) as { storageWarning: string | null };
    expect(json.storageWarning).toBeNull();
  });
});
