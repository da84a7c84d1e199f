import type { ApiError, BindeledBridge, InputOf, JobProgress, MethodName, OutputOf } from './types';

/** A failed call, carrying the typed error the core sent (message already in the user's language). */
export class ApiCallError extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }

  get code(): string {
    return this.error.code;
  }

  /** Field messages keyed by field name (a dotted path such as `changes.cvr` is reduced to `cvr`). */
  get fieldMessages(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.error.details?.fields ?? []) {
      const name = f.field.split('.').pop() ?? f.field;
      if (!(name in out)) out[name] = f.message;
    }
    return out;
  }
}

export interface CallOptions {
  jobId?: string;
}

export interface Api {
  call<M extends MethodName>(method: M, input: InputOf<M>, opts?: CallOptions): Promise<OutputOf<M>>;
  onEvent(listener: (event: JobProgress) => void): () => void;
  readonly transport: 'electron' | 'http';
}

/** Wraps a bridge (Electron preload or HTTP) into the typed client the pages use. */
export function createApi(bridge: BindeledBridge): Api {
  return {
    transport: bridge.transport,
    async call(method, input, opts) {
      const result = await bridge.invoke(method, input, opts?.jobId ? { jobId: opts.jobId } : undefined);
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value as OutputOf<typeof method>;
    },
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
