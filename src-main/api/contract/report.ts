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
import { type ReportSettings, reportSettingsUpdateSchema } from '../../core/report/report-settings-schema';
import { method, NO_ACCESS_LOG } from './define';

const writesFile = { access: 'export', facts: (_: unknown, o: ReportExportResult) => ({ file: o.path }) } as const;

/** The programme report: figures, the firms behind them, exports; and the demo programme. */
export const reportContract = {
  'report.get': method(reportQuerySchema).returns<ProgrammeReport>(NO_ACCESS_LOG),
  /** The firms behind one figure, or one bar of a breakdown, or one data-quality check. */
  'report.companies': method(reportListSchema).returns<ReportCompanyPage>(NO_ACCESS_LOG),
  /** Writes to a path from `files.chooseSave` (temporary name, then rename). */
  'report.exportXlsx': method(reportExportSchema).returns<ReportExportResult>(writesFile),
  'report.exportDocx': method(reportExportSchema).returns<ReportExportResult>(writesFile),
  /** The programme year (the report's first preset), the targets per figure and the span of the data. */
  'report.settings': method(z.object({})).returns<ReportSettings>(NO_ACCESS_LOG),
  'report.setSettings': method(reportSettingsUpdateSchema).returns<ReportSettings>(NO_ACCESS_LOG),
  /** Imports the shipped demo programme into an EMPTY database; refuses one that holds firms. */
  'demo.create': method(z.object({})).returns<DemoResult>(NO_ACCESS_LOG),
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
  TrendMonth,
} from '../../core/report/report-schema';
export type { ProgrammeYear, ReportSettings, ReportTargets } from '../../core/report/report-settings-schema';
