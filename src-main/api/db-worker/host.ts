import type { Worker } from 'node:worker_threads';
import type { GrantKind } from '../../core/files/path-access';
import { assertWrittenFile } from '../../core/files/written-files';
import { type Locale, message } from '../../core/messages';
import { spawnModuleWorker } from '../../core/threads/spawn-worker';
import type { ApiResult } from '../contract';
import { createDispatcher, type Dispatch } from '../dispatcher';
import type { AllHandlers } from '../handlers';
import { handlers as defaultHandlers } from '../handlers';
import { type FromWorker, fromWire, type ToWorker, toWire, type WorkerInit, type WorkerRole } from './protocol';
import { openThreadContext, readLocale, type ThreadServices } from './thread-context';

/**
 * The shells' side of the database threads. Every SQLite call runs off the shell's thread, so a
 * slow query never freezes the window's menus and IPC or the browser-mode server:
 *
 * - one **writer** thread holds the caseload's one writing connection; every method that is not a
 *   search runs there through the dispatcher, as it ran in the shell before (jobs, progress and
 *   `jobs.cancel` included), so writes stay single synchronous transactions on one connection;
 * - **reader** threads hold read-only connections (WAL lets them read beside the writer) and answer
 *   the searches the table sends while the consultant types and scrolls (READ_METHODS). A search the
 *   UI no longer needs is cancelled with `jobs.cancel`: waiting, it is dropped; running, its thread
 *   is ended (better-sqlite3 cannot interrupt a statement from another thread) and a fresh one
 *   started, while the other reader answers the next search.
 *
 * The shell keeps what needs it: dialogs and "open in Word" (ShellServices), progress events, the
 * desktop's update state. The threads ask for them by message.
 */

/** The searches behind typing and scrolling: answered by a reader, cancellable while they run. */
export const READ_METHODS: ReadonlySet<string> = new Set(['companies.list', 'search.visits']);

/** Replace the file under every connection, so the readers are closed for it and opened after. */
const REPLACES_FILE: ReadonlySet<string> = new Set(['backups.restore']);

export interface DbHostOptions extends ThreadServices {
  dbPath: string;
  transport: 'electron' | 'http';
  appVersion: string;
  nativeBinding?: string;
  /** Settle what a crash left before the first call, then the daily backup in the background. */
  startupSafety?: boolean;
  /** Read-only threads for searches; two, so one answers while a cancelled one is replaced. */
  readers?: number;
  /**
   * Runs the dispatcher on the calling thread behind the same interface: the benchmark's "as
   * before" and nothing else (the shipped app and browser mode use the threads).
   */
  inProcess?: boolean;
  /** Tests: a module whose `handlers` export replaces some of the real ones in the threads. */
  handlersModule?: string;
  /** Tests: the handlers of the in-process mode. */
  handlers?: AllHandlers;
}

export interface DbHost {
  /** The dispatcher's contract, answered by the database threads. */
  dispatch: Dispatch;
  /** A path the user chose outside a call (a file the system handed over) may be read by later calls. */
  grant(kind: GrantKind, path: string): void;
  /** `assertWrittenFile` on the writer: the path when Bindeled wrote it, else it throws. */
  writtenFile(path: string): Promise<string>;
  /** The UI language as the writer last read it (for the few texts the shell writes itself). */
  locale(): Locale;
  /** Tests and the benchmark: the reader threads, to see that a cancelled one has ended. */
  readerThreads(): Worker[];
  /** Tests and the benchmark: resolves once the search threads now starting are ready. */
  whenReadersReady(): Promise<void>;
  close(): Promise<void>;
}

export async function startDbHost(opts: DbHostOptions): Promise<DbHost> {
  return opts.inProcess ? startInProcess(opts) : startThreads(opts);
}

function startInProcess(opts: DbHostOptions): DbHost {
  const ctx = openThreadContext(baseInit(opts, 'writer'), opts);
  return {
    dispatch: createDispatcher(ctx, opts.handlers ?? defaultHandlers),
    grant: (kind, path) => ctx.paths?.grant(kind, path),
    writtenFile: async (path) => assertWrittenFile(ctx.db, path),
    locale: () => readLocale(ctx.db),
    readerThreads: () => [],
    whenReadersReady: async () => {},
    close: async () => {
      ctx.db.close();
    },
  };
}

function baseInit(opts: DbHostOptions, role: WorkerRole): WorkerInit {
  return {
    role,
    dbPath: opts.dbPath,
    transport: opts.transport,
    appVersion: opts.appVersion,
    nativeBinding: opts.nativeBinding,
    startupSafety: role === 'writer' && (opts.startupSafety ?? false),
    updates: opts.updates !== undefined,
    handlersModule: opts.handlersModule,
  };
}

/** The database thread: `db-worker.js` beside the built bundle, worker.ts from the sources. */
function spawnWorker(init: WorkerInit): Worker {
  return spawnModuleWorker(import.meta.url, { built: './db-worker.js', source: './worker.ts' }, { workerData: init });
}

type Pending = (result: ApiResult<unknown>) => void;

/** One database thread and the calls it has not answered yet. */
class DbThread {
  readonly worker: Worker;
  readonly ready: Promise<Locale>;
  readonly pending = new Map<number, Pending>();
  readonly files = new Map<number, { resolve: (path: string) => void; reject: (err: Error) => void }>();
  readonly exited: Promise<void>;
  private alive = true;
  /** Whether it ever answered `ready`: one that fails to start is not started again and again. */
  started = false;

  constructor(
    init: WorkerInit,
    private readonly onMessage: (thread: DbThread, msg: FromWorker) => void,
    private readonly onExit: (thread: DbThread) => void,
  ) {
    this.worker = spawnWorker(init);
    this.ready = new Promise<Locale>((resolve, reject) => {
      this.worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'ready') {
          this.started = true;
          resolve(msg.locale);
        } else if (msg.type === 'failed') reject(fromWire(msg.error));
        else this.receive(msg);
      });
      this.worker.once('error', reject);
      this.worker.once('exit', () => reject(new Error('db-worker exited while starting')));
    });
    // Start-up failures are the caller's (through `ready`); later ones end the thread's calls.
    this.ready.catch(() => {});
    this.worker.on('error', (err) => console.error('[bindeled] database thread failed:', err));
    this.exited = new Promise((resolve) => {
      this.worker.once('exit', () => {
        this.alive = false;
        this.failAll('internal');
        this.onExit(this);
        resolve();
      });
    });
  }

  get isAlive(): boolean {
    return this.alive;
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'result') {
      const done = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      done?.(msg.result);
    } else if (msg.type === 'written-file') {
      const call = this.files.get(msg.id);
      this.files.delete(msg.id);
      if (msg.ok) call?.resolve(msg.path);
      else call?.reject(fromWire(msg.error));
    } else this.onMessage(this, msg);
  }

  send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  call(id: number, method: unknown, input: unknown, jobId: string | undefined): Promise<ApiResult<unknown>> {
    return new Promise((resolve) => {
      if (!this.alive) return resolve(failure('internal'));
      this.pending.set(id, resolve);
      this.send(
        jobId === undefined ? { type: 'invoke', id, method, input } : { type: 'invoke', id, method, input, jobId },
      );
    });
  }

  /** Ends the thread now, running statement and all; its unanswered calls end as `code`. */
  kill(code: 'cancelled' | 'internal'): Promise<void> {
    this.failAll(code);
    void this.worker.terminate();
    return this.exited;
  }

  /** Closes the connection and ends the thread once its calls have been answered. */
  async close(): Promise<void> {
    if (!this.alive) return;
    this.send({ type: 'close' });
    const timer = setTimeout(() => void this.worker.terminate(), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  private failAll(code: 'cancelled' | 'internal'): void {
    for (const done of this.pending.values()) done(failure(code));
    this.pending.clear();
    for (const file of this.files.values()) file.reject(new Error('database thread ended'));
    this.files.clear();
  }
}

function failure(code: 'cancelled' | 'internal', locale: Locale = 'da'): ApiResult<never> {
  const key = code === 'cancelled' ? 'error.cancelled' : 'error.internal';
  return { ok: false, error: { code, message: message(key, {}, locale) } };
}

interface ReadCall {
  id: number;
  method: string;
  input: unknown;
  jobId: string | undefined;
  resolve: (result: ApiResult<unknown>) => void;
  thread?: DbThread;
  /** Set when the call was cancelled while running: ends its thread unless the statement ends first. */
  killTimer?: ReturnType<typeof setTimeout>;
}

/**
 * How long a cancelled search may go on before its thread is ended. Starting a thread again costs far
 * more than a page query that is about to finish, so only a search still running after this is cut.
 */
const CANCEL_GRACE_MS = 100;

async function startThreads(opts: DbHostOptions): Promise<DbHost> {
  let nextId = 1;
  let closing = false;
  let locale: Locale = 'da';

  const fromThread = (thread: DbThread, msg: FromWorker) => {
    switch (msg.type) {
      case 'progress':
        opts.emit(msg.event);
        break;
      case 'locale':
        locale = msg.locale;
        break;
      case 'access':
        writer.send({ type: 'access', method: msg.method, facts: msg.facts });
        break;
      case 'shell':
        void runShell(thread, msg.id, msg.op, msg.args);
        break;
      case 'updates-status':
        answerUpdates(msg.openForms, msg.signal, msg.data);
        break;
    }
  };

  const runShell = async (thread: DbThread, id: number, op: keyof typeof opts.shell, args: unknown[]) => {
    try {
      const fn = opts.shell[op] as (...a: unknown[]) => Promise<unknown>;
      const value = await fn(...args);
      thread.send({ type: 'shell-reply', id, ok: true, value: value ?? null });
    } catch (err) {
      thread.send({ type: 'shell-reply', id, ok: false, error: toWire(err) });
    }
  };

  const answerUpdates = (openForms: number, signal: SharedArrayBuffer, data: SharedArrayBuffer) => {
    const flag = new Int32Array(signal);
    try {
      const status = opts.updates?.status(openForms);
      const bytes = new TextEncoder().encode(JSON.stringify(status ?? null));
      if (bytes.length > data.byteLength) throw new Error('update status too long');
      new Uint8Array(data).set(bytes);
      Atomics.store(flag, 0, bytes.length + 1);
    } catch (err) {
      console.error('[bindeled] updates.status failed:', err);
    }
    Atomics.notify(flag, 0);
  };

  // The writer migrates the file before any reader opens it.
  const spawnWriter = () =>
    new DbThread(baseInit(opts, 'writer'), fromThread, (t) => {
      if (closing || t !== writer || !t.started) return;
      console.error('[bindeled] the database thread ended; starting it again');
      writer = new DbThread({ ...baseInit(opts, 'writer'), startupSafety: false }, fromThread, () => {});
    });
  let writer = spawnWriter();
  locale = await writer.ready.catch(async (err: unknown) => {
    await writer.kill('internal');
    throw err;
  });

  // ── readers ──
  const readerCount = Math.max(1, opts.readers ?? 2);
  const readers: DbThread[] = [];
  const idle = new Set<DbThread>();
  const queue: ReadCall[] = [];
  const running = new Map<DbThread, ReadCall>();
  let paused = false;
  let drained: (() => void) | null = null;

  const spawnReader = (): DbThread => {
    const thread = new DbThread(baseInit(opts, 'reader'), fromThread, (t) => {
      idle.delete(t);
      const index = readers.indexOf(t);
      if (index >= 0) readers.splice(index, 1);
      const call = running.get(t);
      running.delete(t);
      if (call) call.resolve(failure('internal', locale));
      if (!closing && !paused && t.started) readers.push(spawnReader());
      pump();
    });
    thread.ready.then(
      () => {
        if (!thread.isAlive) return;
        idle.add(thread);
        pump();
      },
      (err: unknown) => {
        if (!closing && !paused) console.error('[bindeled] a search thread did not start:', err);
      },
    );
    return thread;
  };

  const pump = () => {
    if (paused) {
      if (running.size === 0) drained?.();
      return;
    }
    while (queue.length > 0 && idle.size > 0) {
      const thread = idle.values().next().value as DbThread;
      idle.delete(thread);
      const call = queue.shift() as ReadCall;
      call.thread = thread;
      running.set(thread, call);
      void thread.call(call.id, call.method, call.input, call.jobId).then((result) => {
        if (running.get(thread) !== call) return;
        running.delete(thread);
        clearTimeout(call.killTimer);
        if (thread.isAlive) idle.add(thread);
        // A call cancelled meanwhile has had its answer; this one is dropped.
        call.resolve(result);
        pump();
      });
    }
  };

  const startReaders = () => {
    for (let i = 0; i < readerCount; i++) readers.push(spawnReader());
  };
  // In the background: until one is ready the writer answers searches, so the first page waits for no thread.
  startReaders();

  const cancelRead = (jobId: string): boolean => {
    const waiting = queue.findIndex((c) => c.jobId === jobId);
    if (waiting >= 0) {
      const [call] = queue.splice(waiting, 1);
      call?.resolve(failure('cancelled', locale));
      return true;
    }
    for (const [thread, call] of running) {
      if (call.jobId !== jobId) continue;
      call.resolve(failure('cancelled', locale));
      if (call.killTimer) return true;
      call.killTimer = setTimeout(() => {
        if (running.get(thread) !== call) return;
        running.delete(thread);
        // The thread's exit starts its successor (spawnReader's onExit).
        void thread.kill('cancelled');
      }, CANCEL_GRACE_MS);
      return true;
    }
    return false;
  };

  /** Readers hold the file open; a restore replaces it, so they are closed first and opened after. */
  const withoutReaders = async <T>(work: () => Promise<T>): Promise<T> => {
    paused = true;
    if (running.size > 0) await new Promise<void>((resolve) => (drained = resolve));
    drained = null;
    const closingReaders = readers.splice(0);
    idle.clear();
    await Promise.all(closingReaders.map((r) => r.close()));
    try {
      return await work();
    } finally {
      paused = false;
      startReaders();
      pump();
    }
  };

  const dispatch: Dispatch = async (method, input, options) => {
    const id = nextId++;
    const jobId = options?.jobId;
    if (method === 'jobs.cancel') {
      const target = (input as { jobId?: unknown } | null)?.jobId;
      if (typeof target === 'string' && cancelRead(target)) return { ok: true, value: { cancelled: true } };
    }
    // Until a search thread is ready (starting, or none could start) the writer answers searches too.
    if (typeof method === 'string' && READ_METHODS.has(method) && readers.some((r) => r.started)) {
      return new Promise((resolve) => {
        queue.push({ id, method, input, jobId: typeof jobId === 'string' ? jobId : undefined, resolve });
        pump();
      });
    }
    if (typeof method === 'string' && REPLACES_FILE.has(method)) {
      return withoutReaders(() => writer.call(id, method, input, jobId));
    }
    return writer.call(id, method, input, jobId);
  };

  return {
    dispatch,
    grant: (kind, path) => writer.send({ type: 'grant', kind, path }),
    writtenFile: (path) =>
      new Promise<string>((resolve, reject) => {
        const id = nextId++;
        writer.files.set(id, { resolve, reject });
        writer.send({ type: 'written-file', id, path });
      }),
    locale: () => locale,
    readerThreads: () => readers.map((r) => r.worker),
    whenReadersReady: async () => {
      await Promise.all(readers.map((r) => r.ready.catch(() => undefined)));
    },
    close: async () => {
      closing = true;
      for (const call of queue.splice(0)) call.resolve(failure('cancelled', locale));
      await Promise.all(readers.map((r) => r.close()));
      await writer.close();
    },
  };
}
