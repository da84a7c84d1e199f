/**
 * The renderer's only window onto src-main: types from the API contract. Importing values from
 * src-main would pull Node code into the page, so everything here is `export type`.
 */
export type {
  ApiError,
  ApiResult,
  AppInfo,
  AuditEntry,
  BindeledBridge,
  CaseloadFilters,
  CaseloadPage,
  CaseloadQueryInput,
  CaseloadRow,
  Company,
  CompanyCreateInput,
  CompanyStatus,
  CompanyUpdateInput,
  Consultant,
  Contact,
  InputOf,
  JobProgress,
  Kommune,
  LegalForm,
  MethodName,
  OutputOf,
  SavedView,
  SettingNotice,
  Settings,
  SortableColumn,
  ViewState,
} from '../../../src-main/api/contract';
