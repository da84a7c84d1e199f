/** The order a case moves in; closing takes a reason. */
export const COMPANY_STATUSES = [
  'identified',
  'contacted',
  'visited',
  'needs_clarified',
  'in_progress',
  'closed',
] as const;
export type CompanyStatus = (typeof COMPANY_STATUSES)[number];

export const LEGAL_FORMS = ['enkeltmand', 'is', 'aps', 'as', 'ivs', 'amba', 'fmba', 'forening', 'other'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** The caseload table's columns in their default order; each one can be sorted by the database. */
export const CASELOAD_COLUMNS = [
  'name',
  'cvr',
  'owner',
  'city',
  'postcode',
  'kommune',
  'status',
  'consultant',
  'industryCode',
  'employees',
  'legalForm',
  'updatedAt',
  'lastContact',
  'nextFollowup',
  'tags',
] as const;
export type CaseloadColumn = (typeof CASELOAD_COLUMNS)[number];

/** What the caseload may be sorted by: every column, and when a firm was created. */
export const SORTABLE_COLUMNS = [...CASELOAD_COLUMNS, 'createdAt'] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

/** Why two firms are listed as possibly one (the duplicates list names each). */
export const DUPLICATE_REASONS = ['p_number', 'name_postcode', 'name_address', 'unregistered'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
