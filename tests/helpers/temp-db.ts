import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ApiContext } from '../../src-main/api/context';
import { createDispatcher, type Dispatch } from '../../src-main/api/dispatcher';
import { headlessShell } from '../../src-main/api/headless-shell';
import { openDatabase } from '../../src-main/core/db/open';

/** A fresh folder under the OS temp dir; removed by the returned cleanup. */
export function tempDir(prefix = 'bindeled-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TestStore {
  db: Database;
  dbPath: string;
  dir: string;
  dispatch: Dispatch;
  /** Calls a method and returns its value, failing the test with the API's message otherwise. */
  call: (method: string, input?: unknown) => Promise<unknown>;
  close: () => void;
}

/** A real database file in a temp folder with a real dispatcher over it. */
export function openTestStore(overrides: Partial<ApiContext> = {}): TestStore {
  const { dir, cleanup } = tempDir();
  const dbPath = path.join(dir, 'bindeled.db');
  const db = openDatabase(dbPath);
  const dispatch = createDispatcher({
    db,
    dbPath,
    transport: 'cli',
    appVersion: 'test',
    emit: () => {},
    shell: headlessShell(path.join(dir, 'docs')),
    ...overrides,
  });
  return {
    db,
    dbPath,
    dir,
    dispatch,
    call: async (method, input = {}) => {
      const r = await dispatch(method, input);
      if (!r.ok)
        throw new Error(
          `${method} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? {})}`,
        );
      return r.value;
    },
    close: () => {
      db.close();
      cleanup();
    },
  };
}
