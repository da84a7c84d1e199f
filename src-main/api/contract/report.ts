import { z } from 'zod';
import {
  type DemoResult,
  type ProgrammeReport,
  type ReportCompanyPage,
  type ReportExportResult,
  reportExportSchema,
  reportListSchema,
  reportQuerySchema,
} from '../../core/report/report-schema';
import { method } from './define';

/** The programme report (issue 6): figures, the firms behind them, exports; and the demo programme. */
export const reportContract = {
  'report.get': method(reportQuerySchema).returns<ProgrammeReport>(),
  /** The firms behind one figure, or one bar of a breakdown, or one data-quality check. */
  'report.companies': method(reportListSchema).returns<ReportCompanyPage>(),
  /** Writes to a path from `files.chooseSave` (temporary name, then rename). */
  'report.exportXlsx': method(reportExportSchema).returns<ReportExportResult>(),
  'report.exportDocx': method(reportExportSchema).returns<ReportExportResult>(),
  /** Imports the shipped demo programme into an EMPTY database; refuses one that holds firms. */
  'demo.create': method(z.object({})).returns<DemoResult>(),
} as const;

export type {
  Breakdown,
  BreakdownRow,
  DemoResult,
  FunnelStep,
  KpiKey,
  KpiValues,
  ProgrammeReport,
  QualityKey,
  ReportCompany,
  ReportCompanyPage,
  ReportExportResult,
  ReportListInput,
  ReportListKind,
  ReportQuery,
  SizeBand,
} from '../../core/report/report-schema';
