import { DomainError, type ErrorCode } from '../../core/errors';
import type { GrantKind } from '../../core/files/path-access';
import type { Locale, MessageKey } from '../../core/messages';
import type { ApiResult, JobProgress } from '../contract';
import type { AccessFacts } from '../contract/define';

/**
 * The messages between the shell's thread (host.ts) and a database thread (worker.ts). Calls
 * travel as the contract's own `method` + `input` + `jobId`, answers as the dispatcher's
 * `ApiResult`: the worker adds no method of its own.
 */

/** What a database thread is: the one that writes, or one of the read-only ones that answer searches. */
export type WorkerRole = 'writer' | 'reader';

export interface WorkerInit {
  role: WorkerRole;
  dbPath: string;
  transport: 'electron' | 'http';
  appVersion: string;
  nativeBinding?: string;
  /** The writer settles what a crash left before it says it is ready (core/backup/startup.ts). */
  startupSafety: boolean;
  /** Whether the shell has desktop updates (`updates.status` is then asked of it). */
  updates: boolean;
  /** Tests: a module whose `handlers` export replaces some of the real ones. */
  handlersModule?: string;
}

/** The shell services a handler may ask the shell's thread for (dialogs, "open in Word"). */
export type ShellOp = 'chooseSave' | 'chooseOpen' | 'chooseFolder' | 'openPath';

/** A DomainError or other failure, as it crosses a thread. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  key?: string;
  params?: Record<string, unknown>;
  fields?: Array<{ field: string; message: string; params?: Record<string, unknown> }>;
}

export type ToWorker =
  | { type: 'invoke'; id: number; method: unknown; input: unknown; jobId?: string }
  | { type: 'grant'; kind: GrantKind; path: string }
  | { type: 'shell-reply'; id: number; ok: true; value: unknown }
  | { type: 'shell-reply'; id: number; ok: false; error: WireError }
  | { type: 'access'; method: string; facts: AccessFacts }
  | { type: 'written-file'; id: number; path: string }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; locale: Locale }
  | { type: 'failed'; error: WireError }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'progress'; event: JobProgress }
  | { type: 'shell'; id: number; op: ShellOp; args: unknown[] }
  | { type: 'access'; method: string; facts: AccessFacts }
  | { type: 'locale'; locale: Locale }
  | { type: 'written-file'; id: number; ok: true; path: string }
  | { type: 'written-file'; id: number; ok: false; error: WireError }
  /** Asked synchronously: the worker waits on `signal` until the shell has written the answer into `data`. */
  | { type: 'updates-status'; openForms: number; signal: SharedArrayBuffer; data: SharedArrayBuffer }
  | { type: 'closed' };

/** Room for an update status (version, release notes, a message) written as JSON. */
export const UPDATES_STATUS_BYTES = 64 * 1024;

export function toWire(err: unknown): WireError {
  if (err instanceof Error) {
    const e = err as Error & Partial<Omit<WireError, 'name' | 'message'>>;
    return {
      name: e.name,
      message: e.message,
      code: typeof e.code === 'string' ? e.code : undefined,
      key: e.key,
      params: e.params,
      fields: e.fields,
    };
  }
  return { name: 'Error', message: String(err) };
}

/** The error as the other thread threw it, so the dispatcher words it as it would have in-process. */
export function fromWire(wire: WireError): Error {
  if (wire.name === 'DomainError' && wire.key !== undefined) {
    return new DomainError(wire.code as ErrorCode, wire.key as MessageKey, wire.params ?? {}, wire.fields ?? []);
  }
  const err = new Error(wire.message);
  err.name = wire.name;
  // SQLite's codes (SQLITE_NOTADB…) tell the start-up error box what to say.
  if (wire.code !== undefined) Object.assign(err, { code: wire.code });
  return err;
}
