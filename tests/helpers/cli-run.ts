import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { runCli } from '../../src-main/cli/run-cli';
import { tempDir } from './temp-db';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * The CLI as a user runs it, in process, on a database in a temporary folder made afresh for each
 * test: `cli('companies', 'list')` gives the exit code and what was printed.
 */
export function tempCli(): { cli: (...args: string[]) => Promise<CliRun>; dir: () => string } {
  let dir = '';
  let cleanup = () => {};
  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
  });
  afterEach(() => cleanup());
  return {
    dir: () => dir,
    cli: async (...args) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['--db', path.join(dir, 'c.db'), ...args], {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    },
  };
}
