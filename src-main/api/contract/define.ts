import type { z } from 'zod';

/**
 * One operation the UI may call: a zod schema for its input and (as a type only) its output.
 * Both transports and the renderer's client are derived from the map of these.
 */
export interface MethodSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Never set at run time: carries the output type. */
  readonly output?: O;
  /** Long-running methods report progress on the event channel and can be cancelled. */
  readonly job?: boolean;
}

export function method<I extends z.ZodType>(input: I, opts: { job?: boolean } = {}) {
  return { returns: <O>(): MethodSpec<I, O> => ({ input, job: opts.job }) };
}

// biome-ignore lint/suspicious/noExplicitAny: a spec's input schema may be any zod type.
export type AnySpec = MethodSpec<any, unknown>;

/** Errors cross the boundary as values (DESIGN.md), with Danish or English text already filled in. */
export interface ApiError {
  code: string;
  message: string;
  details?: { fields?: Array<{ field: string; message: string }>; [key: string]: unknown };
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Progress of a long operation, sent on the event channel. */
export interface JobProgress {
  jobId: string;
  method: string;
  done: number;
  total: number;
  message?: string;
}

/** Merges per-area maps and refuses a method name defined twice. */
export function mergeAreas<T extends Record<string, AnySpec>[]>(...areas: T): UnionToIntersection<T[number]> {
  const out: Record<string, AnySpec> = {};
  for (const area of areas) {
    for (const [name, spec] of Object.entries(area)) {
      if (Object.hasOwn(out, name)) throw new Error(`API method defined twice: ${name}`);
      out[name] = spec;
    }
  }
  return out as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
