import type { ApiResult, JobProgress } from './define';

/**
 * What the renderer sees as `window.bindeled` in Electron (built by the preload) and what the
 * HTTP client implements in browser mode. Nothing else crosses the process boundary.
 */
export interface BindeledBridge {
  invoke(method: string, input: unknown, options?: { jobId?: string }): Promise<ApiResult<unknown>>;
  /** Subscribes to progress events; returns the unsubscribe function. */
  onEvent(listener: (event: JobProgress) => void): () => void;
  readonly transport: 'electron' | 'http';
}

/** The two IPC channels (docs/architecture.md); the preload refuses any other. */
export const IPC_INVOKE = 'bindeled:invoke';
export const IPC_EVENT = 'bindeled:event';
