import type { industryCodes as da } from '../da/industry-codes';

/** DB07 and DB25: a firm's industry system, the titles of its code, and codes a table lacks. */
export const industryCodes: Record<keyof typeof da, string> = {
  'field.industrySystem': 'Industry classification',
  'industry.system.DB07': 'DB07 (Danish Industry Code 2007)',
  'industry.system.DB25': 'DB25 (Danish Industry Code 2025)',
  'industry.noTitle': 'unknown code in {system}',
  'import.warn.industryUnknown':
    'Industry code {code} does not exist in {system} ({where}). The firm is imported with the code, but without a title.',
  'import.warn.industryUnknownMore': '{count} more unknown industry codes are not listed.',
  'import.warn.industryWhereLines': 'line {lines}',
  'import.warn.industryWhereMore': 'line {lines} and {count} more',
};
