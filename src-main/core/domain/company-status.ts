import { COMPANY_STATUSES, type CompanyStatus, LEGAL_FORMS, type LegalForm } from '../../../src-shared/codes/companies';

export { COMPANY_STATUSES, type CompanyStatus, LEGAL_FORMS, type LegalForm };

/** Legal forms whose records are personal data under GDPR (docs/domain.md). */
export const PERSONAL_LEGAL_FORMS: ReadonlySet<LegalForm> = new Set(['enkeltmand', 'is']);
