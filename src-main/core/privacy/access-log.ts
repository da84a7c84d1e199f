import type { Database } from 'better-sqlite3';
import { all, camelColumns, get, nowStamp, run, whereOf } from '../db/sql';
import { type MessageKey, message, messageTemplate } from '../messages';
import { currentActor } from '../settings/settings-repo';
import { privacySettings, yearsBefore } from './privacy-settings';
import type { AccessAction, AccessLogEntry, AccessLogPage } from './privacy-types';

export interface AccessRecord {
  action: AccessAction;
  method: string;
  transport: string;
  companyId?: number | null;
  detail?: string | null;
  actor?: string;
  at?: string;
}

/**
 * The log is written in Danish whatever the UI language: it is a record, read back by erasure and
 * access requests. How a search is described in it; `searchTermOf` reads the term back.
 */
export function formatSearchDetail(term: string, hits?: number): string {
  const t = term.trim().slice(0, 200);
  return hits === undefined
    ? message('privacy.log.search', { term: t }, 'da')
    : message('privacy.log.searchHits', { term: t, hits }, 'da');
}

/** The catalogue's text with its placeholders turned into regex groups. */
function templatePattern(key: MessageKey, groups: Record<string, string>): string {
  return messageTemplate(key, 'da')
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name ? (groups[name] ?? '') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
}

const SEARCH_DETAIL = new RegExp(
  `^(?:${templatePattern('privacy.log.searchHits', { term: '(.*)', hits: '\\d+' })}|${templatePattern('privacy.log.search', { term: '(.*)' })})$`,
  's',
);

export function searchTermOf(detail: string | null): string | null {
  const m = detail ? SEARCH_DETAIL.exec(detail) : null;
  return m ? (m[1] ?? m[2] ?? null) : null;
}

/** An access request in the log: the file written and, for a person, whom it was about. */
export function accessRequestDetail(personName: string | undefined, path: string): string {
  return personName === undefined
    ? message('privacy.log.accessFile', { path }, 'da')
    : message('privacy.log.personAccessFile', { name: personName, path }, 'da');
}

/**
 * Searches that would have found the company: the term occurs in one of its texts. Their log
 * lines carry no company id, so erasure and access requests find them this way.
 */
export function searchesMatching(db: Database, texts: readonly string[]): Array<{ id: number; term: string }> {
  const lower = texts.map((t) => t.toLocaleLowerCase('da'));
  return all<{ id: number; detail: string }>(
    db,
    "SELECT id, detail FROM access_log WHERE action = 'search' AND company_id IS NULL AND detail IS NOT NULL",
  )
    .map((r) => ({ id: r.id, term: searchTermOf(r.detail) ?? '' }))
    .filter((r) => r.term.length >= 2 && lower.some((t) => t.includes(r.term.toLocaleLowerCase('da'))));
}

/** One line per use of personal data: who, when, what, which company. */
export function recordAccess(db: Database, e: AccessRecord): void {
  run(
    db,
    `INSERT INTO access_log(at, actor, transport, action, method, company_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      e.at ?? nowStamp(),
      e.actor ?? currentActor(db),
      e.transport,
      e.action,
      e.method,
      e.companyId ?? null,
      e.detail ? e.detail.slice(0, 500) : null,
    ],
  );
}

export interface AccessLogQuery {
  offset: number;
  limit: number;
  companyId?: number;
  action?: AccessAction;
}

/** Newest first, for the Settings page and the access-request file. */
export function listAccessLog(db: Database, q: AccessLogQuery): AccessLogPage {
  const { sql: clause, params } = whereOf([
    ['company_id = ?', q.companyId],
    ['action = ?', q.action],
  ]);
  const total = get<{ n: number }>(db, `SELECT count(*) AS n FROM access_log ${clause}`, params)?.n ?? 0;
  const rows = all<AccessLogEntry>(
    db,
    `SELECT ${camelColumns(['id', 'at', 'actor', 'transport', 'action', 'method', 'company_id', 'detail'])}
     FROM access_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`,
    [...params, q.limit, q.offset],
  );
  return { total, rows };
}

/** Deletes entries older than the access log's own retention; run at start. */
export function pruneAccessLog(db: Database, now: Date = new Date()): number {
  const cutoff = yearsBefore(now, privacySettings(db).accessLogRetentionYears);
  return run(db, 'DELETE FROM access_log WHERE at < ?', [cutoff]).changes;
}
