/** The contract types the import wizard and export use (types only: the renderer imports no src-main values). */
export type {
  ExportResult,
  ExportScopeInput,
  ImportField,
  ImportFieldInfo,
  ImportInspection,
  ImportOptionsInput,
  ImportReport,
  ImportResult,
  InteropFormat,
  InteropFormats,
  RowIssue,
  Separator,
  TextEncoding,
} from '../../../src-main/api/contract';
