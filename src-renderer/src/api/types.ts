/**
 * The renderer's only window onto src-main: types from the API contract. Importing values from
 * src-main would pull Node code into the page, so everything here is `export type`.
 */
export type {
  ApiError,
  ApiResult,
  AppInfo,
  BindeledBridge,
  InputOf,
  JobProgress,
  MethodName,
  OutputOf,
  Settings,
} from '../../../src-main/api/contract';
export type { AuditEntry } from '../../../src-main/core/audit/audit-types';
export type {
  CaseloadFilters,
  CaseloadPage,
  CaseloadQueryInput,
  CaseloadRow,
  SortableColumn,
} from '../../../src-main/core/companies/caseload-schema';
export type { Company, CompanyCreateInput, CompanyUpdateInput } from '../../../src-main/core/companies/schema';
export type { Contact } from '../../../src-main/core/contacts/contact-schema';
export type { Consultant, Kommune } from '../../../src-main/core/reference/reference-types';
export type { SavedView, ViewState } from '../../../src-main/core/views/view-schema';

import type { Company } from '../../../src-main/core/companies/schema';

export type CompanyStatus = Company['status'];
export type LegalForm = NonNullable<Company['legalForm']>;
