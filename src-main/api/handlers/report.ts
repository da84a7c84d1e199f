import { importDemoProgramme } from '../../core/report/demo-programme';
import { reportCompanies } from '../../core/report/report-companies';
import { writeReportDocx } from '../../core/report/report-docx';
import { programmeReport } from '../../core/report/report-query';
import { readReportSettings, updateReportSettings } from '../../core/report/report-settings';
import { writeReportXlsx } from '../../core/report/report-xlsx';
import { chosenPaths } from '../chosen-paths';
import type { reportContract } from '../contract/report';
import type { AreaHandlers } from './types';

export const reportHandlers: AreaHandlers<typeof reportContract> = {
  'report.get': (input, { db }) => programmeReport(db, input),
  'report.companies': (input, { db }) => reportCompanies(db, input),
  'report.exportXlsx': ({ path, ...query }, ctx) => writeReportXlsx(ctx.db, query, chosenPaths.fileToWrite(ctx, path)),
  'report.exportDocx': ({ path, ...query }, ctx) => writeReportDocx(ctx.db, query, chosenPaths.fileToWrite(ctx, path)),
  'report.settings': (_input, { db }) => readReportSettings(db),
  'report.setSettings': (input, { db }) => updateReportSettings(db, input),
  'demo.create': (_input, { db, locale }) => importDemoProgramme(db, locale),
};
