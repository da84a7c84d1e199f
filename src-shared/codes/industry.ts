/**
 * DB07 (and NACE Rev. 2) divisions (the code's first two digits) grouped into the 21 sections
 * A–U, each section's title in the catalogue (`industry.section.<letter>`). Divisions without a
 * section (04, 34, 40 …) and firms without a code belong to none.
 */
export const INDUSTRY_SECTIONS = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 45, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 63],
  ['K', 64, 66],
  ['L', 68, 68],
  ['M', 69, 75],
  ['N', 77, 82],
  ['O', 84, 84],
  ['P', 85, 85],
  ['Q', 86, 88],
  ['R', 90, 93],
  ['S', 94, 96],
  ['T', 97, 98],
  ['U', 99, 99],
] as const;

export type IndustrySection = (typeof INDUSTRY_SECTIONS)[number][0];

/** DB07's code for a firm whose activity is not known ("Uoplyst"): division 99, yet in no section. */
export const UNKNOWN_ACTIVITY = '999999';

/**
 * The section of an industry code (`011100`, `01.11.00`), or null when it has none. It is read
 * from the division, which kept its number from NACE Rev. 2 to Rev. 2.1, so a DB07 and a DB25
 * code land in the same Rev. 2 section (docs/domain.md, "Industry codes").
 */
export function industrySection(industryCode: string | null | undefined): IndustrySection | null {
  const division = Number(industryCode?.slice(0, 2));
  if (!industryCode || !Number.isInteger(division) || industryCode === UNKNOWN_ACTIVITY) return null;
  return INDUSTRY_SECTIONS.find(([, lo, hi]) => division >= lo && division <= hi)?.[0] ?? null;
}

/**
 * The classifications a firm's industry code can be in: Dansk Branchekode 2007 (NACE Rev. 2) and
 * Dansk Branchekode 2025 (NACE Rev. 2.1), the CVR register's since DB25_FROM. Both tables are
 * shipped in resources/industry-codes/.
 */
export const INDUSTRY_SYSTEMS = ['DB07', 'DB25'] as const;
export type IndustrySystem = (typeof INDUSTRY_SYSTEMS)[number];

/** The day the CVR register moved every firm to DB25. */
export const DB25_FROM = '2025-01-01';

/** The system a firm typed in on `today` (ISO date) is classified in. */
export function defaultIndustrySystem(today: string): IndustrySystem {
  return today >= DB25_FROM ? 'DB25' : 'DB07';
}
