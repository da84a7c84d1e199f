import { z } from 'zod';
import { withShared } from '../core/db/write-gate';
import { DomainError } from '../core/errors';
import { grantedPaths, unrestrictedPaths } from '../core/files/path-access';
import { sanitiseInput } from '../core/files/sanitise-text';
import { isMessageKey, type Locale, message, messageOrText } from '../core/messages';
import { getSetting } from '../core/settings/settings-repo';
import type { ApiContext, CallContext } from './context';
import { type ApiError, type ApiResult, contract, type MethodName } from './contract';
import { type AllHandlers, handlers as defaultHandlers } from './handlers';

export interface CallOptions {
  /** Names a long call so `jobs.cancel` can stop it and its progress events can be told apart. */
  jobId?: string;
}

export type Dispatch = (method: unknown, input: unknown, options?: CallOptions) => Promise<ApiResult<unknown>>;

const callOptionsSchema = z.object({ jobId: z.string().min(1).max(64).optional() }).optional();

/**
 * The one entry point both transports call. It never throws: bad method names, bad input and
 * failures inside a handler all come back as `{ok: false, error}` with a message for the user.
 */
export function createDispatcher(ctx: ApiContext, handlers: AllHandlers = defaultHandlers): Dispatch {
  const running = new Map<string, AbortController>();
  // One per dispatcher, so a path chosen in a dialog stays usable for the calls that follow it.
  const paths = ctx.paths ?? (ctx.transport === 'cli' ? unrestrictedPaths() : grantedPaths());

  return async (method, input, options) => {
    const locale: Locale = safeLocale(ctx);
    if (typeof method !== 'string' || !Object.hasOwn(contract, method)) {
      const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
      return fail({ code: 'unknown_method', message: message('error.unknownMethod', { method: name }, locale) });
    }
    const name = method as MethodName;
    const parsed = contract[name].input.safeParse(sanitiseInput(input ?? {}));
    if (!parsed.success) return fail(zodError(parsed.error, locale));
    const opts = callOptionsSchema.safeParse(options);
    if (!opts.success) return fail(zodError(opts.error, locale));

    if (name === 'jobs.cancel') {
      const controller = running.get((parsed.data as { jobId: string }).jobId);
      controller?.abort();
      return { ok: true, value: { cancelled: controller !== undefined } };
    }

    const jobId = opts.data?.jobId;
    const controller = new AbortController();
    if (jobId) running.set(jobId, controller);
    const call: CallContext = {
      ...ctx,
      paths,
      locale,
      signal: controller.signal,
      jobId,
      progress: (done, total, text) => {
        if (jobId) ctx.emit({ jobId, method: name, done, total, message: text });
      },
    };
    try {
      const handler = handlers[name as keyof AllHandlers] as (i: unknown, c: CallContext) => unknown;
      // Held shared for the whole call: a chunked write (core/db/write-gate.ts) waits for it to end,
      // and it waits for an open chunked write, so it never reads or joins one half-done.
      const value = await withShared(call.db, () => handler(parsed.data, call));
      return { ok: true, value };
    } catch (err) {
      return fail(toApiError(err, locale));
    } finally {
      if (jobId) running.delete(jobId);
    }
  };
}

function fail(error: ApiError): ApiResult<never> {
  return { ok: false, error };
}

function safeLocale(ctx: ApiContext): Locale {
  try {
    return getSetting<Locale>(ctx.db, 'ui.language', 'da') === 'en' ? 'en' : 'da';
  } catch {
    return 'da';
  }
}

export function zodError(error: z.ZodError, locale: Locale): ApiError {
  const fields = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(input)',
    message: isMessageKey(issue.message)
      ? message(issue.message, issueParams(issue), locale)
      : message('validation.invalidValue', {}, locale),
  }));
  const first = fields[0];
  return {
    code: 'invalid_input',
    message: first
      ? `${message('error.invalidInput', {}, locale)}: ${first.field} — ${first.message}`
      : message('error.invalidInput', {}, locale),
    details: { fields },
  };
}

function issueParams(issue: z.core.$ZodIssue): Record<string, unknown> {
  return 'maximum' in issue ? { max: Number(issue.maximum) } : {};
}

export function toApiError(err: unknown, locale: Locale): ApiError {
  if (err instanceof DomainError) {
    const fields = err.fields.map((f) => ({ field: f.field, message: messageOrText(f.message, f.params, locale) }));
    const text =
      fields.length === 1 && err.key === 'error.invalidInput'
        ? (fields[0]?.message ?? '')
        : message(err.key, err.params, locale);
    return { code: err.code, message: text, details: fields.length ? { fields } : undefined };
  }
  if (err instanceof Error && err.name === 'AbortError') {
    return { code: 'cancelled', message: message('error.cancelled', {}, locale) };
  }
  // Unexpected: log it for the developer, give the user a message without a stack trace.
  console.error('[bindeled] handler failed:', err);
  return { code: 'internal', message: message('error.internal', {}, locale) };
}
