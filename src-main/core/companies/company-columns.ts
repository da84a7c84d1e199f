import { apiName, COMPANY_FIELDS, type CompanyFieldDef } from '../../../src-shared/fields/companies';

/**
 * SQL made from the company field registry, on the companies table as `c`: each field under its
 * API name, and beside a code or id the name it shows (a kommune's, a consultant's), each joined
 * as `j_<name>`, so rows come back in the API's shape with no mapper between.
 */
const fields: readonly CompanyFieldDef[] = COMPANY_FIELDS;

const joined = (x: CompanyFieldDef) => `j_${x.shows?.prop}`;

/** The joins that bring the names codes show; LEFT, as a firm may have no kommune or consultant. */
export const COMPANY_JOINS = fields
  .filter((x) => x.shows)
  .map((x) => `LEFT JOIN ${x.shows?.table} ${joined(x)} ON ${joined(x)}.${x.shows?.key} = c.${x.column}`)
  .join(' ');

/** What a field reads as a person sees it: the name it shows, else its own column. */
export const shownValue = (x: CompanyFieldDef): string =>
  x.shows ? `${joined(x)}.${x.shows.column}` : `c.${x.column}`;

/** A company as the API returns it; add `WHERE c.…`. */
export const COMPANY_SELECT = `SELECT ${fields
  .flatMap((x) => [`c.${x.column} AS "${apiName(x)}"`, ...(x.shows ? [`${shownValue(x)} AS "${x.shows.prop}"`] : [])])
  .join(', ')} FROM companies c ${COMPANY_JOINS}`;
