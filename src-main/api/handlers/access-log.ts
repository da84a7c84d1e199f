import { message } from '../../core/messages';
import { accessRequestDetail, formatSearchDetail, recordAccess } from '../../core/privacy/access-log';
import type { AccessAction } from '../../core/privacy/privacy-types';
import type { CallContext } from '../context';

/**
 * Which calls use personal data, and how they are written to the access log (GDPR, issue 7).
 * Logging happens here, around the handlers, so no handler has to remember it: a method listed
 * here — or named like an export or a letter — is logged after it succeeds.
 */
export interface AccessPolicy {
  action: AccessAction;
  /** The companies the call touched; [] logs one line without a company. */
  companies?: (input: Record<string, unknown>, output: unknown) => Array<number | null>;
  /** A short description; never the company's own data beyond what the user typed. */
  detail?: (input: Record<string, unknown>, output: unknown) => string | null;
  /** Skip logging for calls that touch no personal data (a list without a search). */
  when?: (input: Record<string, unknown>) => boolean;
  /**
   * A paged search: the table fetches page after page of one search while the consultant scrolls.
   * The search is logged once, for its first page; a later page is logged only when this
   * connection has not logged that search (a page asked for directly is still a search).
   */
  pagedSearch?: (input: Record<string, unknown>) => { term: string; firstPage: boolean };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const byId = (input: Record<string, unknown>) => [num(input.id)];
const byCompanyId = (input: Record<string, unknown>) => [num(input.companyId) ?? num(input.id)];

const total = (output: unknown): number | undefined =>
  output && typeof output === 'object' && 'total' in output && typeof output.total === 'number'
    ? output.total
    : undefined;

export const ACCESS_POLICIES: Record<string, AccessPolicy> = {
  'companies.get': { action: 'read', companies: byId },
  'companies.history': { action: 'read', companies: byId },
  'companies.list': {
    action: 'search',
    when: (i) => typeof i.search === 'string' && i.search.trim() !== '',
    detail: (i, o) => formatSearchDetail(String(i.search), total(o)),
    pagedSearch: (i) => ({ term: String(i.search).trim(), firstPage: !num(i.offset) }),
  },
  'search.visits': {
    action: 'search',
    when: (i) => typeof i.query === 'string' && i.query.trim() !== '',
    companies: (i) => [num(i.companyId)],
    detail: (i, o) => formatSearchDetail(String(i.query), total(o)),
  },
  'visits.get': {
    action: 'read',
    companies: (_, o) => [o && typeof o === 'object' && 'companyId' in o ? num(o.companyId) : null],
  },
  'contacts.list': { action: 'read', companies: byCompanyId },
  'privacy.accessRequest': {
    action: 'access_request',
    companies: (i) => [num(i.companyId)],
    detail: (i, o) =>
      accessRequestDetail(
        typeof i.personName === 'string' ? i.personName : undefined,
        o && typeof o === 'object' && 'path' in o ? String(o.path) : '',
      ),
  },
  // The id only: the name is gone, and the id may later be reused by another company.
  'privacy.deleteCompany': {
    action: 'delete',
    companies: () => [null],
    detail: (i) => message('privacy.log.deletedCompany', { id: String(num(i.id)) }, 'da'),
  },
  'privacy.anonymise': {
    action: 'anonymise',
    companies: (i) => (Array.isArray(i.ids) ? i.ids.map(num) : []),
  },
  'privacy.anonymiseDue': {
    action: 'anonymise',
    detail: (_, o) =>
      o && typeof o === 'object' && 'anonymised' in o
        ? message('privacy.log.anonymiseDueCount', { count: String(o.anonymised) }, 'da')
        : message('privacy.log.anonymiseDue', {}, 'da'),
  },
  'privacy.retentionCandidates': { action: 'read', detail: () => message('privacy.log.retentionReview', {}, 'da') },
};

/**
 * Exports, letters and documents added by other areas are logged without being listed: any
 * method named like one is an export of personal data.
 */
const EXPORT_LIKE = /(^|\.)(export\w*|letters?\.\w+|documents\.(generate|regenerate|batch)\w*)$|^(export|letters)\./;

export function accessPolicyFor(method: string): AccessPolicy | undefined {
  const listed = ACCESS_POLICIES[method];
  if (listed) return listed;
  if (EXPORT_LIKE.test(method)) {
    return {
      action: 'export',
      companies: (i) => {
        if (Array.isArray(i.companyIds)) return i.companyIds.map(num);
        const scope = i.scope && typeof i.scope === 'object' ? (i.scope as Record<string, unknown>) : {};
        if (Array.isArray(scope.ids)) return scope.ids.map(num);
        return [num(i.companyId)];
      },
      detail: (_, o) =>
        o && typeof o === 'object' && 'path' in o
          ? message('privacy.log.exportFile', { path: String(o.path) }, 'da')
          : null,
    };
  }
  return undefined;
}

/** Searches logged per connection (method and term), the newest last; a few are enough for scrolling. */
const loggedSearches = new WeakMap<object, Set<string>>();
const MAX_LOGGED_SEARCHES = 32;

function searchKey(policy: AccessPolicy, method: string, i: Record<string, unknown>) {
  const paged = policy.pagedSearch?.(i);
  return paged ? { key: `${method}\u0000${paged.term}`, firstPage: paged.firstPage } : null;
}

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
  const policy = accessPolicyFor(method);
  if (!policy) return;
  const i = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  if (policy.when && !policy.when(i)) return;
  const search = searchKey(policy, method, i);
  // A later page of a search this connection has logged: scrolling is not a new search.
  if (search && !search.firstPage && loggedSearches.get(ctx.db)?.has(search.key)) return;
  try {
    const companies = policy.companies?.(i, output) ?? [null];
    const detail = policy.detail?.(i, output) ?? null;
    const rows = companies.length ? companies : [null];
    ctx.db.transaction(() => {
      for (const companyId of rows) {
        recordAccess(ctx.db, { action: policy.action, method, transport: ctx.transport, companyId, detail });
      }
    })();
    if (search) rememberSearch(ctx.db, search.key);
  } catch (err) {
    // A failed log line must not undo what the user just did; the developer hears of it.
    console.error('[bindeled] access log failed:', err);
  }
}

type AnyHandler = (input: never, ctx: CallContext) => unknown;

/** Wraps every handler whose method uses personal data so the access log is written after success. */
export function withAccessLog<H extends Record<string, AnyHandler>>(handlers: H): H {
  const out: Record<string, AnyHandler> = {};
  for (const [method, handler] of Object.entries(handlers)) {
    if (!accessPolicyFor(method)) {
      out[method] = handler;
      continue;
    }
    const call = handler as (input: unknown, ctx: CallContext) => unknown;
    out[method] = async (input: never, ctx: CallContext) => {
      const output = await call(input, ctx);
      logAccess(method, input, output, ctx);
      return output;
    };
  }
  return out as H;
}
