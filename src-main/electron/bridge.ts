import { type BindeledBridge, IPC_EVENT, IPC_INVOKE } from '../api/contract/bridge';
import type { ApiResult, JobProgress } from '../api/contract/define';
import { message } from '../core/messages';

/**
 * What the preload exposes as `window.bindeled`. It runs in the sandboxed preload, so it may only
 * import pure modules. The page gets three members — two functions and a string — and never
 * ipcRenderer or an IPC event object, so it cannot reach any other channel (Electron's own
 * context-isolation guidance, Actual Budget's and Fiddle's preloads).
 */

/** The parts of ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

/** `area.name`: the only shape a contract method has. Anything else never leaves the page. */
const METHOD_NAME = /^[a-z][A-Za-z0-9]{0,40}\.[a-z][A-Za-z0-9]{0,60}$/;

export function createBridge(ipcRenderer: IpcRendererLike): BindeledBridge {
  const invoke = async (method: string, input: unknown, options?: { jobId?: string }) => {
    if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
      const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
      return failure('unknown_method', message('error.unknownMethod', { method: name }));
    }
    const jobId = options?.jobId;
    if (jobId !== undefined && (typeof jobId !== 'string' || jobId.length === 0 || jobId.length > 64)) {
      return failure('invalid_input', message('error.invalidInput'));
    }
    try {
      const result = await ipcRenderer.invoke(
        IPC_INVOKE,
        jobId === undefined ? { method, input } : { method, input, jobId },
      );
      return isApiResult(result) ? result : failure('internal', message('error.internal'));
    } catch {
      // Main has no handler (still starting, or shutting down) or the input could not be cloned.
      return failure('internal', message('error.internal'));
    }
  };

  const onEvent = (listener: (event: JobProgress) => void) => {
    if (typeof listener !== 'function') return () => {};
    const forward = (_event: unknown, payload: unknown) => {
      if (isJobProgress(payload)) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  };

  return Object.freeze({ invoke, onEvent, transport: 'electron' as const });
}

export function exposeBridge(contextBridge: ContextBridgeLike, ipcRenderer: IpcRendererLike): void {
  contextBridge.exposeInMainWorld('bindeled', createBridge(ipcRenderer));
}

function failure(code: string, text: string): ApiResult<never> {
  return { ok: false, error: { code, message: text } };
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const error = v.error as Record<string, unknown>;
  return typeof error.code === 'string' && typeof error.message === 'string';
}

function isJobProgress(value: unknown): value is JobProgress {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.jobId === 'string' &&
    typeof v.method === 'string' &&
    typeof v.done === 'number' &&
    typeof v.total === 'number' &&
    (v.message === undefined || typeof v.message === 'string')
  );
}
