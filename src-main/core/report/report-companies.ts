import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { all, get } from '../db/sql';
import { prefixesOf } from './industry-sections';
import { COMPANY_FILTER, DIVISION_SQL, listSource, SIZE_BAND_SQL } from './kpi-sql';
import { reportParams } from './report-params';
import type { ReportCompany, ReportCompanyPage, ReportListInput, reportListSchema } from './report-schema';

type ListInput = z.output<typeof reportListSchema>;

/** The first dated activity behind a list, per firm, shown beside the name. */
const FIRST_DATE: Record<string, string> = {
  companies_contacted: `(SELECT min(date) FROM visits v WHERE v.company_id = c.id AND v.date >= :from AND v.date < :after)`,
  referred_vaeksthus: `(SELECT min(substr(sent_at, 1, 10)) FROM referrals r WHERE r.company_id = c.id AND r.sent_at >= :from AND r.sent_at < :after)`,
  vaeksthus_grants: `(SELECT min(outcome_on) FROM referrals r WHERE r.company_id = c.id AND r.outcome = 'grant_awarded' AND r.sent_at >= :from AND r.sent_at < :after)`,
  lag_applications: `(SELECT min(substr(submitted_at, 1, 10)) FROM lag_applications l WHERE l.company_id = c.id AND l.submitted_at >= :from AND l.submitted_at < :after)`,
  knowledge_contacts: `(SELECT min(contact_on) FROM knowledge_contacts k WHERE k.company_id = c.id AND k.contact_on >= :from AND k.contact_on < :after)`,
};

function keyFilter(input: ListInput): { where: string; params: Record<string, unknown> } {
  const key = input.key;
  if (!input.breakdown || key === undefined) return { where: '1', params: {} };
  switch (input.breakdown) {
    case 'kommune':
      return { where: 'coalesce(c.kommune_code, 0) = :key', params: { key: Number(key) || 0 } };
    case 'consultant':
      return { where: 'coalesce(c.consultant_id, 0) = :key', params: { key: Number(key) || 0 } };
    case 'section':
      return {
        where: `${DIVISION_SQL} IN (SELECT value FROM json_each(:key))`,
        params: { key: JSON.stringify(prefixesOf(key)) },
      };
    case 'size':
      return { where: `${SIZE_BAND_SQL} = :key`, params: { key } };
    case 'tag':
      return Number(key)
        ? { where: 'c.id IN (SELECT company_id FROM company_tags WHERE tag_id = :key)', params: { key: Number(key) } }
        : { where: 'NOT EXISTS (SELECT 1 FROM company_tags ct WHERE ct.company_id = c.id)', params: {} };
  }
}

/** The firms behind one figure (optionally one bar of a breakdown), by name, a page at a time. */
export function reportCompanies(db: Database, input: ListInput): ReportCompanyPage {
  const { sql } = reportParams(input);
  const source = listSource(input.list);
  const extra = keyFilter(input);
  const from = `FROM (${source.set}) s JOIN companies c ON c.id = s.company_id
    WHERE ${source.where} AND ${COMPANY_FILTER} AND ${extra.where}`;
  const params = { ...sql, ...extra.params };
  const total = get<{ n: number }>(db, `SELECT count(*) AS n ${from}`, params)?.n ?? 0;
  const firstDate = FIRST_DATE[input.list] ?? 'NULL';
  const rows = all<ReportCompany>(
    db,
    `SELECT c.id, c.name, c.cvr, k.name AS kommune, p.name AS consultant, c.industry_code AS industryCode,
       c.employees, ${firstDate} AS firstDate
     ${from.replace(
       'JOIN companies c ON c.id = s.company_id',
       `JOIN companies c ON c.id = s.company_id
       LEFT JOIN kommuner k ON k.code = c.kommune_code LEFT JOIN consultants p ON p.id = c.consultant_id`,
     )}
     ORDER BY c.name_sort, c.id LIMIT :limit OFFSET :offset`,
    { ...params, limit: input.limit, offset: input.offset },
  );
  return { total, offset: input.offset, rows };
}

export type { ReportListInput };
