import { type EventLoopUtilization, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { JobProgress } from '../../src-main/api/contract';
import { startDbHost } from '../../src-main/api/db-worker/host';
import { headlessShell } from '../../src-main/api/headless-shell';
import { startWebServer } from '../../src-main/server/server';

/**
 * Browser mode's server as `npm run web` wires it, on a given caseload, for the main-thread
 * benchmark: `threads` as shipped, `in-process` with SQLite on the server's own thread (as before).
 * It watches its own event loop (longest delay, time busy) and answers `reset` and `report` on stdin with a JSON line.
 */
const [dbPath = '', mode = 'threads', docs = ''] = process.argv.slice(2);
let emit: (e: JobProgress) => void = () => {};
const host = await startDbHost({
  dbPath,
  transport: 'http',
  appVersion: 'bench',
  shell: headlessShell(docs),
  emit: (e) => emit(e),
  inProcess: mode === 'in-process',
});
await host.whenReadersReady();
const server = await startWebServer({ dispatch: host.dispatch, staticDir: docs, port: 0 });
emit = server.emit;
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
// How long the thread was busy at all since `reset`: less swayed by other work on a shared machine.
let busy: EventLoopUtilization = performance.eventLoopUtilization();
const out = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);
out({ port: server.port, token: server.token });

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'reset') {
    delay.reset();
    busy = performance.eventLoopUtilization();
    out({ reset: true });
  } else if (line === 'report') {
    const used = performance.eventLoopUtilization(busy);
    out({ maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6, busyMs: used.active });
  } else break;
}
delay.disable();
await server.close();
await host.close();
process.exit(0);
