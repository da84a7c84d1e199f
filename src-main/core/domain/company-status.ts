/** The order a case moves in (issue 3 adds transitions); closing takes a reason. */
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

/** Legal forms whose records are personal data under GDPR (DOMAIN.md). */
export const PERSONAL_LEGAL_FORMS: ReadonlySet<LegalForm> = new Set(['enkeltmand', 'is']);
