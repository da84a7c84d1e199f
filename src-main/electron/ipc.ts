import { type ApiResult, IPC_EVENT, IPC_INVOKE, type JobProgress } from '../api/contract';
import type { Dispatch } from '../api/dispatcher';
import { type Locale, message } from '../core/messages';

/**
 * Binds the dispatcher to Electron's ipcMain on the one invoke channel. No electron import: main.ts
 * passes the real ipcMain, the tests a fake. Everything that reaches main from the renderer goes
 * through here, so this is where an untrusted frame or a malformed payload is turned away.
 */

/** The parts of IpcMainInvokeEvent the sender check looks at. */
export interface IpcSenderEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

export interface BindIpcOptions {
  ipcMain: IpcMainLike;
  dispatch: Dispatch;
  isTrustedSender: (event: IpcSenderEvent) => boolean;
  /** Language for the few errors raised before the dispatcher (which reads the setting itself). */
  locale?: () => Locale;
}

export interface InvokePayload {
  method: string;
  input: unknown;
  jobId?: string;
}

/** Returns the function that unbinds (used on quit and by tests). */
export function bindIpc({ ipcMain, dispatch, isTrustedSender, locale = () => 'da' }: BindIpcOptions): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, payload): Promise<ApiResult<unknown>> => {
    // Electron turns a thrown error into a rejected promise with main's stack in the renderer;
    // every path here returns a typed result instead.
    try {
      if (!safeCheck(isTrustedSender, event)) {
        console.warn('[bindeled] IPC refused from', event?.senderFrame?.url ?? '(no frame)');
        return failure('forbidden', message('error.untrustedSender', {}, safeLocale(locale)));
      }
      const parsed = parsePayload(payload);
      if (!parsed) return failure('invalid_input', message('error.invalidInput', {}, safeLocale(locale)));
      return await dispatch(parsed.method, parsed.input, parsed.jobId ? { jobId: parsed.jobId } : undefined);
    } catch (err) {
      console.error('[bindeled] IPC handler failed:', err);
      return failure('internal', message('error.internal', {}, safeLocale(locale)));
    }
  });
  return () => ipcMain.removeHandler(IPC_INVOKE);
}

export function parsePayload(payload: unknown): InvokePayload | null {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  const { method, input, jobId } = payload as Record<string, unknown>;
  if (typeof method !== 'string' || method.length === 0 || method.length > 100) return null;
  if (jobId !== undefined && (typeof jobId !== 'string' || jobId.length === 0 || jobId.length > 64)) return null;
  return jobId === undefined ? { method, input } : { method, input, jobId };
}

function safeCheck(check: (event: IpcSenderEvent) => boolean, event: IpcSenderEvent): boolean {
  try {
    return check(event) === true;
  } catch {
    return false;
  }
}

function safeLocale(locale: () => Locale): Locale {
  try {
    return locale() === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

function failure(code: string, text: string): ApiResult<never> {
  return { ok: false, error: { code, message: text } };
}

/** The parts of WebContents the emitter needs. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Builds ApiContext.emit: progress goes to the window on the event channel. The window may not
 * exist yet or may be closing; progress is then dropped (the job itself carries on or is cancelled).
 */
export function createEventEmitter(target: () => EventTarget | null): (event: JobProgress) => void {
  return (event) => {
    try {
      const contents = target();
      if (!contents || contents.isDestroyed()) return;
      contents.send(IPC_EVENT, {
        jobId: event.jobId,
        method: event.method,
        done: event.done,
        total: event.total,
        ...(event.message === undefined ? {} : { message: event.message }),
      });
    } catch (err) {
      console.warn('[bindeled] progress event dropped:', err);
    }
  };
}
