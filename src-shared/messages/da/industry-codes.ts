/** DB07 and DB25: a firm's industry system, the titles of its code, and codes a table lacks. */
export const industryCodes = {
  'field.industrySystem': 'Branchesystem',
  'industry.system.DB07': 'DB07 (Dansk Branchekode 2007)',
  'industry.system.DB25': 'DB25 (Dansk Branchekode 2025)',
  'industry.noTitle': 'ukendt kode i {system}',
  'import.warn.industryUnknown':
    'Branchekoden {code} findes ikke i {system} ({where}). Virksomheden indlæses med koden, men uden titel.',
  'import.warn.industryUnknownMore': 'Yderligere {count} ukendte branchekoder er ikke nævnt.',
  'import.warn.industryWhereLines': 'linje {lines}',
  'import.warn.industryWhereMore': 'linje {lines} og {count} flere',
} as const;
