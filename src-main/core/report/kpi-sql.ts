import { UNKNOWN_ACTIVITY } from '../../../src-shared/codes/industry';
import { type KpiKey, type ReportListKind, SIZE_BANDS } from './report-schema';

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

/** A firm's size band by employees, as `band(i)` of its index in SIZE_BANDS ('0', '1-4', '5-9', '10+', 'unknown'). */
function sizeBandCase(band: (i: number) => string): string {
  return `CASE WHEN c.employees IS NULL THEN ${band(4)} WHEN c.employees = 0 THEN ${band(0)}
  WHEN c.employees <= 4 THEN ${band(1)} WHEN c.employees <= 9 THEN ${band(2)} ELSE ${band(3)} END`;
}

export const SIZE_BAND_SQL = sizeBandCase((i) => `'${SIZE_BANDS[i]}'`);
/** SIZE_BAND_SQL as an index into SIZE_BANDS. */
const SIZE_BAND_INDEX = sizeBandCase(String);

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

/** A firm's figures and checks as bits of one number in FIRM_FIGURES (report-query.ts reads them). */
export const FIGURE_BITS = {
  companies_contacted: 1,
  referred_vaeksthus: 2,
  vaeksthus_grants: 4,
  lag_applications: 8,
  knowledge_contacts: 16,
  without_cvr: 32,
  duplicate_names: 64,
  ineligible: 128,
} as const;

/** The dated rows of the period, each with the bit of the figure it counts for. */
const FIGURE_ROWS = `
    SELECT company_id, ${FIGURE_BITS.companies_contacted} AS bit FROM visits WHERE date >= :from AND date < :after
    UNION ALL SELECT r.company_id, ${FIGURE_BITS.referred_vaeksthus} FROM referrals r
      JOIN organisations o ON o.id = r.organisation_id AND o.type IN ('vaeksthus', 'erhvervshus')
      WHERE r.sent_at >= :from AND r.sent_at < :after
    UNION ALL SELECT r.company_id, ${FIGURE_BITS.vaeksthus_grants} FROM referrals r
      JOIN organisations o ON o.id = r.organisation_id AND o.type IN ('vaeksthus', 'erhvervshus')
      WHERE r.sent_at >= :from AND r.sent_at < :after AND r.outcome = 'grant_awarded' AND r.outcome_on < :asOfAfter
    UNION ALL SELECT company_id, ${FIGURE_BITS.lag_applications} FROM lag_applications
      WHERE submitted_at >= :from AND submitted_at < :after AND status NOT IN ('idea', 'drafting')
    UNION ALL SELECT company_id, ${FIGURE_BITS.knowledge_contacts} FROM knowledge_contacts
      WHERE contact_on >= :from AND contact_on < :after`;

/** A firm's industry division (industry_code is six digits or NULL, a CHECK in migration 10); 100 for none. */
export const NO_DIVISION = 100;

/** The two digits a firm's section is read from; '' for none, also for DB07's "Uoplyst" (UNKNOWN_ACTIVITY). */
export const DIVISION_SQL = `CASE WHEN c.industry_code = '${UNKNOWN_ACTIVITY}' THEN '' ELSE coalesce(substr(c.industry_code, 1, 2), '') END`;

/**
 * Every firm the report counts in the period, with its figures and data-quality checks, in one
 * pass: the dated rows of the period are reduced to one row per firm with a bit per figure (the
 * EU rule: a firm counts once), joined to the firm once through the narrow report index.
 *
 * The result is one row of three JSON arrays, one entry per firm: kommune, consultant, and
 * (division × 8 + size band) × 256 + FIGURE_BITS. The breakdowns are added up from them in
 * report-query.ts. Grouping them in SQL by (kommune, consultant, division, band) spends its time
 * in the sorter and in handing tens of thousands of groups to JavaScript row by row, where one JSON
 * string costs a few.
 * The definitions are KPI_COMPANIES' (the lists), written as one scan because separate DISTINCT
 * sets joined one by one cost many times as much at a large caseload.
 */
export const FIRM_FIGURES = `
  WITH f AS (
    -- The sum of a firm's distinct bits is their OR: one aggregate, where a max() per figure cost
    -- ~20 ms more at 100,000 firms.
    SELECT company_id, sum(DISTINCT bit) AS bits FROM (${FIGURE_ROWS}) GROUP BY company_id
  ),
  dup AS MATERIALIZED (SELECT name_sort FROM companies GROUP BY name_sort HAVING count(*) > 1)
  SELECT json_group_array(coalesce(c.kommune_code, 0)) AS kommunes,
    json_group_array(coalesce(c.consultant_id, 0)) AS consultants,
    json_group_array(
      (coalesce(CAST(nullif(${DIVISION_SQL}, '') AS INTEGER), ${NO_DIVISION}) * 8 + ${SIZE_BAND_INDEX}) * 256
      + f.bits + (c.cvr IS NULL) * ${FIGURE_BITS.without_cvr}
      + coalesce(c.name_sort IN (SELECT name_sort FROM dup), 0) * ${FIGURE_BITS.duplicate_names}
      -- Not eligible: 10 or more employees, or a kommune outside the programme (ELIGIBLE_KOMMUNE).
      + (coalesce(c.employees, 0) >= 10 OR coalesce(k.participating, 0) <> 1) * ${FIGURE_BITS.ineligible}
    ) AS figures
  FROM f JOIN companies c INDEXED BY companies_report ON c.id = f.company_id
  LEFT JOIN kommuner k ON k.code = c.kommune_code
  WHERE ${COMPANY_FILTER}`;

/**
 * The counted firms once per tag they carry (tag 0: none), with their figures' bits, counted per
 * (tag, bits): a firm with two tags is in both rows, so the rows need not add up to the total.
 */
export const TAG_FIGURES = `
  WITH f AS (SELECT company_id, sum(DISTINCT bit) AS bits FROM (${FIGURE_ROWS}) GROUP BY company_id)
  SELECT coalesce(ct.tag_id, 0) AS tag, f.bits AS bits, count(*) AS n
  FROM f JOIN companies c ON c.id = f.company_id
  LEFT JOIN company_tags ct ON ct.company_id = c.id
  WHERE ${COMPANY_FILTER}
  GROUP BY 1, 2`;

/**
 * Firms contacted for the first time in the period, per month: summed month by month they give
 * "firms contacted so far", which ends at the period's `companies_contacted`.
 */
export const FIRST_CONTACTS_BY_MONTH = `SELECT substr(first, 1, 7) AS month, count(*) AS companies
  FROM (SELECT v.company_id, min(v.date) AS first FROM visits v JOIN companies c ON c.id = v.company_id
        WHERE v.date >= :from AND v.date < :after AND ${COMPANY_FILTER} GROUP BY v.company_id)
  GROUP BY month ORDER BY month`;
/** The same without kommune or consultant filter: the visits' date index alone answers it. */
export const FIRST_CONTACTS_BY_MONTH_ALL = `SELECT substr(first, 1, 7) AS month, count(*) AS companies
  FROM (SELECT company_id, min(date) AS first FROM visits WHERE date >= :from AND date < :after GROUP BY company_id)
  GROUP BY month ORDER BY month`;
