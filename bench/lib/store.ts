import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ApiContext } from '../../src-main/api/context';
import { contract } from '../../src-main/api/contract';
import { createDispatcher, type Dispatch } from '../../src-main/api/dispatcher';
import { headlessShell } from '../../src-main/api/headless-shell';
import { latestVersion } from '../../src-main/core/db/migrate';
import { openDatabase } from '../../src-main/core/db/open';
import { type CaseloadGenResult, generateCaseload } from '../../tools/generate/generate-caseload';

export const SEED = 2011;
export const BENCH_DIR = path.join(os.tmpdir(), 'bindeled-bench');

/** A generated caseload file per size; `reuse` keeps one made by an earlier run of the same schema. */
export function caseloadFile(size: number): string {
  return path.join(BENCH_DIR, `caseload-${size}-s${SEED}-v${latestVersion()}.db`);
}

export function removeDb(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

export interface Generated {
  file: string;
  ms: number;
  cpuMs: number;
  result: CaseloadGenResult | null;
  bytes: number;
}

/** Generates (or, with `reuse`, finds) the caseload for a size; the time is null when reused. */
export function ensureCaseload(size: number, reuse: boolean, log: (line: string) => void): Generated {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = caseloadFile(size);
  if (reuse && fs.existsSync(file)) return { file, ms: 0, cpuMs: 0, result: null, bytes: fs.statSync(file).size };
  removeDb(file);
  const db = openDatabase(file, { beforeMigrate: null });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = generateCaseload(db, {
    companies: size,
    seed: SEED,
    onProgress: (done, total) => {
      if (done % 20_000 === 0) log(`    … ${done} af ${total} virksomheder`);
    },
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { file, ms, cpuMs: (cpu.user + cpu.system) / 1000, result, bytes: fs.statSync(file).size };
}

export interface Store {
  db: Database;
  dispatch: Dispatch;
  /** Calls a method and returns its value; throws with the API's message otherwise. */
  call<T = unknown>(method: string, input: unknown, jobId?: string): Promise<T>;
  docsDir: string;
  close(): void;
}

export function hasMethod(name: string): boolean {
  return Object.hasOwn(contract, name);
}

/** The database opened as the app opens it, with the dispatcher both shells use. */
export function openStore(file: string, overrides: Partial<ApiContext> = {}): Store {
  const db = openDatabase(file, { beforeMigrate: null });
  const docsDir = path.join(BENCH_DIR, 'documents');
  fs.mkdirSync(docsDir, { recursive: true });
  const dispatch = createDispatcher({
    db,
    dbPath: file,
    transport: 'cli',
    appVersion: 'bench',
    emit: () => {},
    shell: headlessShell(docsDir),
    ...overrides,
  });
  return {
    db,
    dispatch,
    docsDir,
    async call<T>(method: string, input: unknown, jobId?: string) {
      const r = await dispatch(method, input, jobId ? { jobId } : undefined);
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value as T;
    },
    close: () => db.close(),
  };
}
