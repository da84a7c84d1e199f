import type { Database } from 'better-sqlite3';
import { all, get } from '../db/sql';
import { COMPANY_STATUSES } from '../domain/company-status';
import { normaliseCvr } from '../domain/cvr';
import { ftsPrefixTerm } from '../visits/fts-query';
import type { CaseloadPage, CaseloadQuery, CaseloadRow, SortableColumn } from './caseload-schema';

/**
 * The caseload table's one query: filter, search, sort and page in SQLite, so the renderer only
 * ever holds the rows on screen (DESIGN.md: big tables stay in SQLite).
 */
const OWNER = `(SELECT o.name FROM contacts o WHERE o.company_id = c.id ORDER BY o.is_owner DESC, o.id LIMIT 1)`;
const STATUS_ORDER = `CASE c.status ${COMPANY_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END`;

const SORT_SQL: Record<SortableColumn, string> = {
  name: 'c.name_sort',
  cvr: 'c.cvr',
  owner: OWNER,
  city: 'c.city',
  postcode: 'c.postcode',
  kommune: 'k.name',
  status: STATUS_ORDER,
  consultant: 's.name',
  industryCode: 'c.industry_code',
  employees: 'c.employees',
  legalForm: 'c.legal_form',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
  // Denormalised by triggers (migration 20), so sorting 100,000 firms needs no aggregate.
  lastContact: 'c.last_contact',
  nextFollowup: 'c.next_followup',
};

/** Quotes a user's word for FTS5 so operators in it (AND, *, ", …) are matched as text. */
function ftsPhrase(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

export function buildWhere(query: Pick<CaseloadQuery, 'filters' | 'search'>): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const { filters } = query;
  if (filters.kommune?.length) {
    where.push(`c.kommune_code IN (${filters.kommune.map(() => '?').join(',')})`);
    params.push(...filters.kommune);
  }
  if (filters.status?.length) {
    where.push(`c.status IN (${filters.status.map(() => '?').join(',')})`);
    params.push(...filters.status);
  }
  if (filters.consultant?.length) {
    const ids = filters.consultant.filter((id) => id > 0);
    const parts: string[] = [];
    if (ids.length) {
      parts.push(`c.consultant_id IN (${ids.map(() => '?').join(',')})`);
      params.push(...ids);
    }
    if (filters.consultant.includes(0)) parts.push('c.consultant_id IS NULL');
    where.push(`(${parts.join(' OR ')})`);
  }
  const industry = filters.industry?.replace(/\./g, '');
  if (industry) {
    // A range keeps the industry index usable, where LIKE 'x%' would not be on a non-ASCII collation.
    where.push('c.industry_code >= ? AND c.industry_code < ?');
    params.push(industry, `${industry}\u{10FFFF}`);
  }
  const search = query.search.trim();
  if (search) {
    const asCvr = normaliseCvr(search);
    const words = /^\d{8}$/.test(asCvr) ? [asCvr] : search.split(/\s+/).filter(Boolean);
    const long = words.filter((w) => [...w].length >= 3);
    const short = words.filter((w) => [...w].length < 3);
    // Each word must occur in the firm's own fields or in one of its visits' notes (issue 3).
    for (const w of long) {
      const inVisits = ftsPrefixTerm(w);
      if (inVisits) {
        where.push(`(c.id IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?)
          OR c.id IN (SELECT rowid >> 32 FROM company_notes_fts WHERE company_notes_fts MATCH ?))`);
        params.push(ftsPhrase(w), inVisits);
      } else {
        where.push('c.id IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH ?)');
        params.push(ftsPhrase(w));
      }
    }
    for (const w of short) {
      const like = `%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push(`c.id IN (SELECT rowid FROM companies_fts WHERE name LIKE ? ESCAPE '\\' OR cvr LIKE ? ESCAPE '\\'
        OR owner LIKE ? ESCAPE '\\' OR city LIKE ? ESCAPE '\\')`);
      params.push(like, like, like, like);
    }
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function caseloadSql(query: CaseloadQuery): { pageSql: string; countSql: string; params: unknown[] } {
  const { sql: whereSql, params } = buildWhere(query);
  const sort = query.sort.length ? query.sort : [{ column: 'name' as const, desc: false }];
  const orderBy = sort
    .map((s) => `${SORT_SQL[s.column]} IS NULL, ${SORT_SQL[s.column]} ${s.desc ? 'DESC' : 'ASC'}`)
    .concat('c.id ASC')
    .join(', ');
  const needsJoins = sort.some((s) => s.column === 'kommune' || s.column === 'consultant');
  const joins = 'LEFT JOIN kommuner k ON k.code = c.kommune_code LEFT JOIN consultants s ON s.id = c.consultant_id';
  const pageSql = `SELECT c.id FROM companies c ${needsJoins ? joins : ''} ${whereSql}
    ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
  const countSql = `SELECT count(*) AS n FROM companies c ${whereSql}`;
  return { pageSql, countSql, params };
}

const ROW_SQL = `SELECT c.id, c.uuid, c.cvr, c.name, ${OWNER} AS owner, c.city, c.postcode,
    c.kommune_code AS kommuneCode, k.name AS kommune, c.status, c.consultant_id AS consultantId, s.name AS consultant,
    c.industry_code AS industryCode, c.employees, c.legal_form AS legalForm, c.created_at AS createdAt,
    c.updated_at AS updatedAt, c.last_contact AS lastContact, c.next_followup AS nextFollowup
  FROM companies c LEFT JOIN kommuner k ON k.code = c.kommune_code LEFT JOIN consultants s ON s.id = c.consultant_id
  WHERE c.id IN (SELECT value FROM json_each(?))`;

export function queryCaseload(db: Database, query: CaseloadQuery): CaseloadPage {
  const { pageSql, countSql, params } = caseloadSql(query);
  // Sorting and paging run on ids alone; joins and the owner look-up then run for the page's rows only.
  const ids = all<{ id: number }>(db, pageSql, [...params, query.limit, query.offset]).map((r) => r.id);
  const byId = new Map(all<CaseloadRow>(db, ROW_SQL, [JSON.stringify(ids)]).map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r): r is CaseloadRow => r !== undefined);
  const total = get<{ n: number }>(db, countSql, params)?.n ?? 0;
  return { rows, total, offset: query.offset };
}
