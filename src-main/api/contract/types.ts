/**
 * The domain types the UI sees, re-exported so the renderer imports from the contract only
 * (docs/architecture.md, "Layering rules") and never reaches into core.
 */
export type { AuditAction, AuditEntry } from '../../core/audit/audit-types';
export type {
  CaseloadFilters,
  CaseloadPage,
  CaseloadQueryInput,
  CaseloadRow,
  SortableColumn,
} from '../../core/companies/caseload-schema';
export type { Company, CompanyCreateInput, CompanyUpdateInput, CompanyWarning } from '../../core/companies/schema';
export type { Contact } from '../../core/contacts/contact-schema';
export type { CompanyStatus, LegalForm } from '../../core/domain/company-status';
export type { OrganisationType } from '../../core/domain/organisations';
export type { Consultant, Kommune, Organisation } from '../../core/reference/reference-types';
export type { SavedView, ViewState } from '../../core/views/view-schema';
