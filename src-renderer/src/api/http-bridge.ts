import type { ApiResult, BindeledBridge, JobProgress } from './types';

/** The parts of `fetch` the bridge needs, so it runs (and is tested) without a DOM. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export type TransportFailure = 'unauthorized' | 'network' | 'bad_response';

export interface HttpBridgeOptions {
  token: string;
  fetch: FetchLike;
  /** Opens the server's event stream and returns a function that closes it. */
  openEvents?: (url: string, onData: (data: string) => void) => () => void;
  /** Text for failures that never reached the core (so it cannot have localised them). */
  describe: (failure: TransportFailure) => string;
  base?: string;
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  const v = value as { ok: unknown; error?: unknown };
  if (v.ok === true) return 'value' in v;
  return v.ok === false && typeof v.error === 'object' && v.error !== null;
}

function isProgress(value: unknown): value is JobProgress {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.jobId === 'string' && typeof v.done === 'number' && typeof v.total === 'number';
}

/** Browser mode: the contract over `POST /api/invoke`, progress over Server-Sent Events. */
export function createHttpBridge(opts: HttpBridgeOptions): BindeledBridge {
  const base = opts.base ?? '';
  const listeners = new Set<(event: JobProgress) => void>();
  let closeEvents: (() => void) | undefined;

  const fail = (code: TransportFailure): ApiResult<never> => ({
    ok: false,
    error: { code, message: opts.describe(code) },
  });

  return {
    transport: 'http',
    async invoke(method, input, options) {
      let response: Awaited<ReturnType<FetchLike>>;
      try {
        response = await opts.fetch(`${base}/api/invoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Bindeled-Token': opts.token },
          body: JSON.stringify({ method, input, ...(options?.jobId ? { jobId: options.jobId } : {}) }),
        });
      } catch {
        return fail('network');
      }
      if (response.status === 401) return fail('unauthorized');
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return fail('bad_response');
      }
      return isApiResult(body) ? body : fail('bad_response');
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!closeEvents && opts.openEvents) {
        const url = `${base}/api/events?token=${encodeURIComponent(opts.token)}`;
        closeEvents = opts.openEvents(url, (data) => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(data);
          } catch {
            return;
          }
          if (isProgress(parsed)) for (const l of listeners) l(parsed);
        });
      }
      return () => {
        listeners.delete(listener);
        // The stream holds a connection open; drop it when nobody listens.
        if (listeners.size === 0 && closeEvents) {
          closeEvents();
          closeEvents = undefined;
        }
      };
    },
  };
}
