import type { z } from 'zod';
import type { MessageKey } from '../../core/messages';
import type { AccessAction } from '../../core/privacy/privacy-types';

/**
 * What a call that uses personal data tells the access log (GDPR), read from its parsed input and
 * its result after it succeeded. The access log turns these into its lines and details.
 */
export interface AccessFacts {
  /** The companies the call touched, one log line each; left out or empty: one line without a company. */
  companies?: ReadonlyArray<number | null>;
  /**
   * The text searched for and how many were found. `page` marks a paged search, which the table
   * fetches page after page while the consultant scrolls: a later page of a search this connection
   * has logged is not logged again.
   */
  search?: { text: string; found?: number; page?: 'first' | 'later' };
  /** The file the call wrote. */
  file?: string;
  /** The person an access request is about. */
  person?: string;
  /** An erased company, by id only: the name is gone, and the id may later be reused. */
  erasedId?: number;
  /** How many cases a bulk anonymisation changed. */
  anonymised?: number;
  /** What a call without a company was about (logged in Danish). */
  note?: MessageKey;
}

/**
 * How a method uses personal data, declared beside its input so a new method cannot forget it.
 * `none`: not written to the access log — no personal data, or a change (the audit log records
 * those). Otherwise `facts` says what the call touched; null means this call used none (a list
 * without a search).
 */
export type AccessDeclaration<I, O> =
  | { readonly access: 'none' }
  | {
      readonly access: AccessAction;
      // Method syntax, so a spec with its own input and output still fits the map of all specs.
      facts(input: I, output: O): AccessFacts | null;
    };

/** The access declaration of a method that touches no personal data, or only changes it. */
export const NO_ACCESS_LOG = { access: 'none' } as const;

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
  readonly access: AccessDeclaration<z.output<I>, O>;
}

export function method<I extends z.ZodType>(input: I, opts: { job?: boolean } = {}) {
  return {
    returns: <O>(access: AccessDeclaration<z.output<I>, O>): MethodSpec<I, O> => ({ input, job: opts.job, access }),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: a spec's input schema may be any zod type.
export type AnySpec = MethodSpec<any, unknown>;

/** Errors cross the boundary as values (docs/architecture.md), with Danish or English text already filled in. */
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
