import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { ApiResult } from '../../src-main/api/contract';
import { ROOT } from '../lib/child';
import type { Figure } from '../lib/figures';
import { summarise } from '../lib/stats';

/** A frame at 60 Hz: the longest the shell's thread may be held while the consultant searches and scrolls. */
const TARGET_MS = 16;

export type Call = (method: string, input: unknown, jobId?: string) => Promise<ApiResult<unknown>>;

const WORDS = ['gård', 'jensen', 'smed', 'aps'];
const KEY_GAP_MS = 60;
let nextJob = 0;

/**
 * What the table asks for while a consultant types four searches letter by letter (each letter's
 * search replacing the one before, which is then cancelled, as the caseload table does) and drags
 * the scrollbar down the whole caseload in three sorts, two pages at a time. Returns how many calls
 * were answered.
 */
export async function searchAndScroll(call: Call, total: number): Promise<number> {
  let answered = 0;
  const page = async (input: Record<string, unknown>, jobId?: string) => {
    const r = await call('companies.list', { offset: 0, limit: 100, count: 'later', ...input }, jobId);
    if (r.ok || r.error.code === 'cancelled') answered++;
    else throw new Error(`companies.list: ${r.error.message}`);
  };
  for (const word of WORDS) {
    let previous: { jobId: string; done: Promise<void> } | null = null;
    for (let i = 1; i <= word.length; i++) {
      const jobId = `bench-search-${nextJob++}`;
      const done = page({ search: word.slice(0, i) }, jobId);
      if (previous) void call('jobs.cancel', { jobId: previous.jobId });
      previous = { jobId, done };
      await new Promise((resolve) => setTimeout(resolve, KEY_GAP_MS));
    }
    await previous?.done;
  }
  const sorts = [[], [{ column: 'lastContact', desc: true }], [{ column: 'city', desc: false }]];
  for (const sort of sorts) {
    for (let step = 0; step < 20; step++) {
      const offset = Math.floor((total * step) / 20 / 100) * 100;
      await Promise.all([page({ sort, offset }), page({ sort, offset: offset + 100 })]);
    }
  }
  return answered;
}

interface ServerChild {
  child: ChildProcess;
  lines: Interface;
  call: Call;
  ask(command: string): Promise<Record<string, number>>;
}

async function startServer(dbFile: string, mode: 'threads' | 'in-process', docs: string): Promise<ServerChild> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench/jobs/main-thread-server.ts'), dbFile, mode, docs],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const queue: Array<(line: string) => void> = [];
  lines.on('line', (line) => queue.shift()?.(line));
  let exited: Error | null = null;
  child.once('exit', (code) => {
    exited = new Error(`server exited (${code})`);
    for (const waiting of queue.splice(0)) waiting('');
  });
  const next = () =>
    new Promise<Record<string, number>>((resolve, reject) => {
      if (exited) return reject(exited);
      queue.push((line) => (exited ? reject(exited) : resolve(JSON.parse(line) as Record<string, number>)));
    });
  const hello = await next();
  const base = `http://127.0.0.1:${hello.port}`;
  const token = String(hello.token);
  const call: Call = async (method, input, jobId) => {
    const res = await fetch(`${base}/api/invoke`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bindeled-Token': token, Origin: base },
      body: JSON.stringify(jobId ? { method, input, jobId } : { method, input }),
    });
    return (await res.json()) as ApiResult<unknown>;
  };
  return {
    child,
    lines,
    call,
    ask: (command) => {
      const answer = next();
      child.stdin?.write(`${command}\n`);
      return answer;
    },
  };
}

/**
 * The longest the server's own thread was held (its event loop's longest delay) while the table
 * searched and scrolled through browser mode, SQLite on that thread (as before) against SQLite in
 * the database threads (as shipped), in the same run.
 */
export async function mainThreadFigures(dbFile: string, size: number, runs: number): Promise<Figure[]> {
  const docs = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-bench-main-'));
  const measured: Record<string, { max: number[]; p99: number[]; busy: number[]; calls: number }> = {};
  const idle: number[] = [];
  try {
    for (const mode of ['in-process', 'threads'] as const) {
      const server = await startServer(dbFile, mode, docs);
      try {
        const samples = { max: [] as number[], p99: [] as number[], busy: [] as number[], calls: 0 };
        await searchAndScroll(server.call, size); // warm-up: page cache, statements, threads
        for (let run = 0; run < runs; run++) {
          await server.ask('reset');
          const t0 = performance.now();
          samples.calls = await searchAndScroll(server.call, size);
          const report = await server.ask('report');
          samples.max.push(report.maxMs ?? 0);
          samples.p99.push(report.p99Ms ?? 0);
          samples.busy.push(report.busyMs ?? 0);
          if (mode === 'threads') {
            // The machine's own floor: the same wait with no calls (other work on a shared machine shows here).
            await server.ask('reset');
            await new Promise((resolve) => setTimeout(resolve, performance.now() - t0));
            idle.push((await server.ask('report')).maxMs ?? 0);
          }
        }
        measured[mode] = samples;
      } finally {
        server.child.stdin?.end('quit\n');
        server.lines.close();
      }
    }
  } finally {
    fs.rmSync(docs, { recursive: true, force: true });
  }
  const desktop = await desktopMainThread(dbFile, size, runs);
  const before = measured['in-process'];
  const after = measured.threads;
  if (!before || !after) return [];
  const baselineName = 'main thread, browser-mode server: longest task (SQLite in-process, as before)';
  const baseline = summarise(before.max);
  const med = (xs: number[]) => summarise(xs).median.toFixed(1);
  return [
    {
      size,
      name: baselineName,
      timing: baseline,
      extra: `p99 ${med(before.p99)} ms; thread busy ${med(before.busy)} ms a run; ${before.calls} calls a run`,
    },
    {
      size,
      name: 'main thread, browser-mode server: longest task (database threads)',
      timing: summarise(after.max),
      baseline: { name: baselineName, timing: baseline },
      target: { ms: TARGET_MS },
      extra: `p99 ${med(after.p99)} ms; thread busy ${med(after.busy)} ms a run; ${after.calls} calls a run`,
    },
    {
      size,
      name: "main thread, browser-mode server: longest delay while idle (the machine's floor)",
      timing: summarise(idle),
    },
    {
      size,
      name: 'main thread, desktop main process (electron stand-in): longest task (database threads)',
      timing: summarise(desktop.max),
      baseline: { name: baselineName, timing: baseline },
      target: { ms: TARGET_MS },
      extra: `p99 ${med(desktop.p99)} ms`,
    },
  ];
}

/**
 * The desktop main module (src-main/electron/main.ts) under Node with the stand-in for electron, on
 * a copy of the caseload (its start writes beside the file): the same searching and scrolling sent
 * to main's IPC handler, main's own event loop watched.
 */
async function desktopMainThread(
  dbFile: string,
  size: number,
  runs: number,
): Promise<{ max: number[]; p99: number[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bindeled-bench-desktop-'));
  try {
    const copy = path.join(dir, 'bindeled.db');
    fs.copyFileSync(dbFile, copy);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        path.join(ROOT, 'bench/lib/electron-stand-in-hook.mjs'),
        path.join(ROOT, 'bench/jobs/main-thread-electron.ts'),
        copy,
        String(size),
        String(runs),
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    const line = out.trim().split('\n').at(-1) ?? '';
    if (code !== 0 || !line.startsWith('{'))
      throw new Error(`desktop main harness failed (${code}): ${out.slice(-400)}`);
    return JSON.parse(line) as { max: number[]; p99: number[] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
