import { z } from 'zod';
import {
  type ExportResult,
  exportInputSchema,
  exportScopeSchema,
  type ImportInspection,
  type ImportReport,
  type ImportResult,
  type ImportRun,
  type InteropFormats,
  importInputSchema,
  inspectInputSchema,
  previewInputSchema,
} from '../../core/interop/interop-schema';
import { method, NO_ACCESS_LOG } from './define';

/**
 * Caseload files, CSV and XLSX, shaped for a wizard:
 * inspect (detect format, encoding, separator, sheet; guess or recall the column mapping) →
 * preview (job: every row checked, nothing written) → import (job: one transaction, all or
 * nothing) — and export (job) of the caseload table as filtered and sorted, or of everything.
 * Paths come from `files.chooseOpen`/`files.chooseSave`, or in browser mode from `POST /api/upload`.
 */
export const interopContract = {
  'interop.formats': method(z.object({})).returns<InteropFormats>(NO_ACCESS_LOG),
  'interop.inspect': method(inspectInputSchema).returns<ImportInspection>(NO_ACCESS_LOG),
  'interop.preview': method(previewInputSchema, { job: true }).returns<ImportReport>(NO_ACCESS_LOG),
  'interop.import': method(importInputSchema, { job: true }).returns<ImportResult>(NO_ACCESS_LOG),
  'interop.export': method(exportInputSchema, { job: true }).returns<ExportResult>({
    access: 'export',
    facts: (i, o) => ({ companies: i.scope.kind === 'companies' ? i.scope.ids : [], file: o.path }),
  }),
  /** How many firms of an export's scope a campaign list leaves out (protected against advertising). */
  'interop.campaignScope': method(z.object({ scope: exportScopeSchema.default({ kind: 'all' }) })).returns<{
    companies: number;
    protected: number;
  }>(NO_ACCESS_LOG),
  'interop.history': method(z.object({ limit: z.number().int().min(1).max(500).default(50) })).returns<ImportRun[]>(
    NO_ACCESS_LOG,
  ),
} as const;

export type {
  EntityCounts,
  ExportFormat,
  ExportInput,
  ExportResult,
  ExportScopeInput,
  ImportField,
  ImportFieldInfo,
  ImportInspection,
  ImportOptionsInput,
  ImportReport,
  ImportResult,
  ImportRun,
  InteropFormat,
  InteropFormats,
  PreviewRow,
  RowAction,
  RowIssue,
  Separator,
  TextEncoding,
} from '../../core/interop/interop-schema';
