import { message } from '../../core/messages';
import { accessRequestDetail, formatSearchDetail, recordAccess } from '../../core/privacy/access-log';
import type { AccessAction } from '../../core/privacy/privacy-types';
import type { CallContext } from '../context';
import { contract, type MethodName } from '../contract';
import type { AccessFacts, AnySpec } from '../contract/define';

/**
 * Writes the access log (GDPR) around the handlers, so no handler has to remember it. Each method
 * declares in the contract how it uses personal data (`access` and the `facts` it touched); a
 * method that declares an access is logged after it succeeds.
 */

/**
 * How each kind of line describes what was done; never the company's own data beyond what the user
 * typed. The log is a record, written in Danish whatever the UI language.
 */
const DETAIL: Record<AccessAction, (f: AccessFacts) => string | null> = {
  read: (f) => (f.note === undefined ? null : message(f.note, {}, 'da')),
  search: (f) => (f.search ? formatSearchDetail(f.search.text, f.search.found) : null),
  export: (f) => (f.file === undefined ? null : message('privacy.log.exportFile', { path: f.file }, 'da')),
  delete: (f) => (f.erasedId === undefined ? null : message('privacy.log.deletedCompany', { id: f.erasedId }, 'da')),
  anonymise: (f) =>
    f.note === undefined
      ? null
      : f.anonymised === undefined
        ? message(f.note, {}, 'da')
        : message('privacy.log.anonymisedCount', { note: f.note, count: f.anonymised }, 'da'),
  access_request: (f) => accessRequestDetail(f.person, f.file ?? ''),
};

/** The access a method declares, or undefined for one that is not logged (or not in the contract). */
export function declaredAccess(method: string): Exclude<AnySpec['access'], { access: 'none' }> | undefined {
  if (!Object.hasOwn(contract, method)) return undefined;
  const declared = contract[method as MethodName].access as AnySpec['access'];
  return declared.access === 'none' ? undefined : declared;
}

/** Searches logged per connection (method and term), the newest last; a few are enough for scrolling. */
const loggedSearches = new WeakMap<object, Set<string>>();
const MAX_LOGGED_SEARCHES = 32;

/** Remembers a logged search; re-inserted so the set drops the least recently logged first. */
function rememberSearch(db: object, key: string): void {
  let seen = loggedSearches.get(db);
  if (!seen) {
    seen = new Set();
    loggedSearches.set(db, seen);
  }
  seen.delete(key);
  seen.add(key);
  if (seen.size > MAX_LOGGED_SEARCHES) seen.delete(seen.values().next().value ?? '');
}

export function logAccess(method: string, input: unknown, output: unknown, ctx: CallContext): void {
  const facts = accessFacts(method, input, output);
  if (facts) writeAccess(method, facts, ctx);
}

/** What a successful call touched, as its method declares; null when it is not logged. */
export function accessFacts(method: string, input: unknown, output: unknown): AccessFacts | null {
  try {
    return declaredAccess(method)?.facts(input, output) ?? null;
  } catch (err) {
    console.error('[bindeled] access log failed:', err);
    return null;
  }
}

/**
 * Writes the lines for facts gathered by `accessFacts`. Apart from `logAccess`, so a call answered
 * on a read-only connection can have its lines written by the one connection that writes.
 */
export function writeAccess(method: string, facts: AccessFacts, ctx: Pick<CallContext, 'db' | 'transport'>): void {
  const declared = declaredAccess(method);
  if (!declared) return;
  try {
    const paged = facts.search?.page;
    const searchKey = paged ? `${method}\u0000${facts.search?.text.trim()}` : null;
    // A later page of a search this connection has logged: scrolling is not a new search.
    if (searchKey && paged === 'later' && loggedSearches.get(ctx.db)?.has(searchKey)) return;
    const detail = DETAIL[declared.access](facts);
    const rows = facts.companies?.length ? facts.companies : [null];
    ctx.db.transaction(() => {
      for (const companyId of rows) {
        recordAccess(ctx.db, { action: declared.access, method, transport: ctx.transport, companyId, detail });
      }
    })();
    if (searchKey) rememberSearch(ctx.db, searchKey);
  } catch (err) {
    // A failed log line must not undo what the user just did; the developer hears of it.
    console.error('[bindeled] access log failed:', err);
  }
}

type AnyHandler = (input: never, ctx: CallContext) => unknown;

/**
 * Wraps every handler whose method declares an access, so the access log is written after success.
 * `log` is where the lines go: this connection by default.
 */
export function withAccessLog<H extends Record<string, AnyHandler>>(
  handlers: H,
  log: (method: string, input: unknown, output: unknown, ctx: CallContext) => void = logAccess,
): H {
  const out: Record<string, AnyHandler> = {};
  for (const [method, handler] of Object.entries(handlers)) {
    if (!declaredAccess(method)) {
      out[method] = handler;
      continue;
    }
    const call = handler as (input: unknown, ctx: CallContext) => unknown;
    out[method] = async (input: never, ctx: CallContext) => {
      const output = await call(input, ctx);
      log(method, input, output, ctx);
      return output;
    };
  }
  return out as H;
}
