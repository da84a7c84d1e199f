import type { KpiKey, ReportListKind } from './report-schema';

/**
 * One SELECT per figure, each giving the DISTINCT firms behind it (EU rule: an enterprise counts
 * once however often it was helped). Named parameters: :from, :after (the day after `to`, so
 * timestamps on the last day count), :asOfAfter (the day after the as-of date).
 *
 * Ranges are written `col >= :from AND col < :after` rather than `substr(col, 1, 10) BETWEEN`, so
 * the date indexes (migration 70) answer them.
 */
export const KPI_COMPANIES: Record<Exclude<KpiKey, 'networks_founded'>, string> = {
  companies_contacted: `SELECT DISTINCT company_id FROM visits WHERE date >= :from AND date < :after`,
  referred_vaeksthus: `SELECT DISTINCT r.company_id FROM referrals r
    JOIN organisations o ON o.id = r.organisation_id AND o.type IN ('vaeksthus', 'erhvervshus')
    WHERE r.sent_at >= :from AND r.sent_at < :after`,
  // "Of those": the grant must be the outcome of a referral sent in the period, and known by the as-of date.
  vaeksthus_grants: `SELECT DISTINCT r.company_id FROM referrals r
    JOIN organisations o ON o.id = r.organisation_id AND o.type IN ('vaeksthus', 'erhvervshus')
    WHERE r.sent_at >= :from AND r.sent_at < :after
      AND r.outcome = 'grant_awarded' AND r.outcome_on < :asOfAfter`,
  lag_applications: `SELECT DISTINCT company_id FROM lag_applications
    WHERE submitted_at >= :from AND submitted_at < :after AND status NOT IN ('idea', 'drafting')`,
  knowledge_contacts: `SELECT DISTINCT company_id FROM knowledge_contacts WHERE contact_on >= :from AND contact_on < :after`,
};

/** Networks are counted themselves, not their member firms; the list behind the figure is the members. */
export const NETWORKS_FOUNDED = `SELECT id, kommune_code FROM networks WHERE founded_on >= :from AND founded_on < :after`;
const NETWORK_MEMBERS = `SELECT DISTINCT m.company_id FROM network_members m
  JOIN networks n ON n.id = m.network_id WHERE n.founded_on >= :from AND n.founded_on < :after`;

/** The filters the caller chose, applied to the firm (its kommune and responsible consultant). */
export const COMPANY_FILTER = `(:kommunes IS NULL OR c.kommune_code IN (SELECT value FROM json_each(:kommunes)))
  AND (:consultants IS NULL OR c.consultant_id IN (SELECT value FROM json_each(:consultants)))`;

export const SIZE_BAND_SQL = `CASE WHEN c.employees IS NULL THEN 'unknown' WHEN c.employees = 0 THEN '0'
  WHEN c.employees <= 4 THEN '1-4' WHEN c.employees <= 9 THEN '5-9' ELSE '10+' END`;

/** Every firm the report counts for something (the data-quality panel looks only at these). */
const REPORTED = `SELECT company_id FROM (${KPI_COMPANIES.companies_contacted})
  UNION SELECT company_id FROM (${KPI_COMPANIES.referred_vaeksthus})
  UNION SELECT company_id FROM (${KPI_COMPANIES.lag_applications})
  UNION SELECT company_id FROM (${KPI_COMPANIES.knowledge_contacts})`;

const ELIGIBLE_KOMMUNE = `EXISTS (SELECT 1 FROM kommuner k WHERE k.code = c.kommune_code AND k.participating = 1)`;

/** Firms behind each data-quality check, before the company filter is applied. */
const QUALITY_COMPANIES: Record<string, { set: string; where: string }> = {
  quality_without_cvr: { set: REPORTED, where: 'c.cvr IS NULL' },
  quality_duplicate_names: {
    set: REPORTED,
    where: 'EXISTS (SELECT 1 FROM companies d WHERE d.name_sort = c.name_sort AND d.id <> c.id)',
  },
  quality_ineligible: { set: REPORTED, where: `(c.employees >= 10 OR NOT ${ELIGIBLE_KOMMUNE})` },
  // Help recorded for a firm with no visit in the period: it is not among "companies contacted".
  quality_contact_without_visit: {
    set: `SELECT company_id FROM (${KPI_COMPANIES.referred_vaeksthus})
      UNION SELECT company_id FROM (${KPI_COMPANIES.lag_applications})
      UNION SELECT company_id FROM (${KPI_COMPANIES.knowledge_contacts})
      EXCEPT SELECT company_id FROM (${KPI_COMPANIES.companies_contacted})`,
    where: '1',
  },
};

/** The firms behind one list, as `(set, extra condition on c)`. */
export function listSource(kind: ReportListKind): { set: string; where: string } {
  if (kind === 'networks_founded') return { set: NETWORK_MEMBERS, where: '1' };
  if (kind in KPI_COMPANIES) return { set: KPI_COMPANIES[kind as keyof typeof KPI_COMPANIES], where: '1' };
  const q = QUALITY_COMPANIES[kind];
  if (!q) throw new Error(`unknown list ${kind}`);
  return q;
}

/** One row per (figure, kommune, consultant, division, size band) with its count of firms. */
export const GROUPED_COUNTS = `
  WITH k(kpi, company_id) AS (
    ${Object.entries(KPI_COMPANIES)
      .map(([key, sql]) => `SELECT '${key}', company_id FROM (${sql})`)
      .join('\n    UNION ALL ')}
  )
  SELECT k.kpi AS kpi, c.kommune_code AS kommune, coalesce(c.consultant_id, 0) AS consultant,
    coalesce(substr(c.industry_code, 1, 2), '') AS division, ${SIZE_BAND_SQL} AS band, count(*) AS n
  FROM k JOIN companies c ON c.id = k.company_id
  WHERE ${COMPANY_FILTER}
  GROUP BY 1, 2, 3, 4, 5`;

export const QUALITY_COUNTS = `SELECT ${Object.entries(QUALITY_COMPANIES)
  .map(
    ([key, q]) =>
      `(SELECT count(*) FROM (${q.set}) s JOIN companies c ON c.id = s.company_id WHERE ${q.where} AND ${COMPANY_FILTER}) AS ${key.replace('quality_', '')}`,
  )
  .join(',\n  ')}`;
