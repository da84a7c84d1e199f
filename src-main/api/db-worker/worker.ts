import { parentPort, workerData } from 'node:worker_threads';
import { assertWrittenFile } from '../../core/files/written-files';
import type { ApiContext, CallContext, ShellServices } from '../context';
import type { UpdateStatus } from '../contract/updates';
import { createDispatcher, type Dispatch } from '../dispatcher';
import { type AllHandlers, handlers, unloggedHandlers } from '../handlers';
import { accessFacts, withAccessLog, writeAccess } from '../handlers/access-log';
import {
  type FromWorker,
  fromWire,
  type ShellOp,
  type ToWorker,
  toWire,
  UPDATES_STATUS_BYTES,
  type WorkerInit,
} from './protocol';
import { openThreadContext, readLocale } from './thread-context';

/**
 * A database thread (see host.ts): it opens the caseload, runs the dispatcher on it and answers the
 * shell's thread with the dispatcher's results. Everything the thread cannot do itself — a dialog,
 * opening a file in Word, the desktop's update state — it asks the shell's thread for.
 */

if (!parentPort) throw new Error('db-worker: not started as a worker thread');
const port = parentPort;
const init = workerData as WorkerInit;
const post = (message: FromWorker) => port.postMessage(message);

const shellCalls = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();
let nextShellCall = 1;
function askShell<T>(op: ShellOp, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const id = nextShellCall++;
    shellCalls.set(id, { resolve: resolve as (value: unknown) => void, reject });
    post({ type: 'shell', id, op, args });
  });
}

const shell: ShellServices = {
  chooseSave: (opts) => askShell('chooseSave', opts),
  chooseOpen: (opts) => askShell('chooseOpen', opts),
  chooseFolder: (opts) => askShell('chooseFolder', opts),
  openPath: (path) => askShell('openPath', path),
};

/**
 * `updates.status` is synchronous in its handler and its state lives in the shell's thread, so this
 * thread waits for the answer: the shell's thread only reads a few fields to give it.
 */
function updatesStatus(openForms: number): UpdateStatus {
  const signal = new SharedArrayBuffer(4);
  const data = new SharedArrayBuffer(UPDATES_STATUS_BYTES);
  post({ type: 'updates-status', openForms, signal, data });
  const flag = new Int32Array(signal);
  Atomics.wait(flag, 0, 0, 5000);
  const length = Atomics.load(flag, 0) - 1;
  if (length < 0) throw new Error('the shell did not answer updates.status');
  return JSON.parse(new TextDecoder().decode(new Uint8Array(data, 0, length).slice())) as UpdateStatus;
}

async function chooseHandlers(): Promise<AllHandlers> {
  const own = init.handlersModule
    ? ((await import(init.handlersModule)) as { handlers: Partial<AllHandlers> }).handlers
    : null;
  if (init.role === 'writer') return own ? withAccessLog({ ...unloggedHandlers, ...own }) : handlers;
  // A read-only connection cannot write the access log: the writer writes its lines.
  const forward = (method: string, input: unknown, output: unknown, _ctx: CallContext) => {
    const facts = accessFacts(method, input, output);
    if (facts) post({ type: 'access', method, facts });
  };
  return withAccessLog({ ...unloggedHandlers, ...own }, forward);
}

async function main(): Promise<void> {
  let ctx: ApiContext;
  let dispatch: Dispatch;
  try {
    ctx = openThreadContext(init, {
      shell,
      emit: (event) => post({ type: 'progress', event }),
      updates: init.updates ? { status: updatesStatus } : undefined,
    });
    dispatch = createDispatcher(ctx, await chooseHandlers());
  } catch (err) {
    post({ type: 'failed', error: toWire(err) });
    return;
  }
  let locale = readLocale(ctx.db);

  const invoke = async (id: number, method: unknown, input: unknown, jobId: string | undefined) => {
    const result = await dispatch(method, input, jobId === undefined ? undefined : { jobId });
    try {
      post({ type: 'result', id, result });
    } catch (err) {
      // A value that cannot cross a thread is a bug in a handler; the caller still gets an answer.
      console.error('[bindeled] result could not be sent:', err);
      post({ type: 'result', id, result: { ok: false, error: { code: 'internal', message: String(err) } } });
    }
    if (init.role === 'writer') {
      const now = readLocale(ctx.db);
      if (now !== locale) post({ type: 'locale', locale: now });
      locale = now;
    }
  };

  port.on('message', (msg: ToWorker) => {
    switch (msg.type) {
      case 'invoke':
        void invoke(msg.id, msg.method, msg.input, msg.jobId);
        break;
      case 'grant':
        ctx.paths?.grant(msg.kind, msg.path);
        break;
      case 'shell-reply': {
        const call = shellCalls.get(msg.id);
        shellCalls.delete(msg.id);
        if (msg.ok) call?.resolve(msg.value);
        else call?.reject(fromWire(msg.error));
        break;
      }
      case 'access':
        writeAccess(msg.method, msg.facts, ctx);
        break;
      case 'written-file':
        try {
          post({ type: 'written-file', id: msg.id, ok: true, path: assertWrittenFile(ctx.db, msg.path) });
        } catch (err) {
          post({ type: 'written-file', id: msg.id, ok: false, error: toWire(err) });
        }
        break;
      case 'close':
        try {
          ctx.db.close();
        } finally {
          post({ type: 'closed' });
          port.close();
        }
        break;
    }
  });
  post({ type: 'ready', locale });
}

void main();
