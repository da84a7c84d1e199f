import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { formatDateDa } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { sanitiseText } from '../files/sanitise-text';
import { message } from '../messages';
import { reportCompanies } from './report-companies';
import { discardReportFile, finishReportFile, stageReportFile, writeFailed } from './report-file';
import { programmeReport } from './report-query';
import {
  BREAKDOWNS,
  KPI_KEYS,
  type KpiKey,
  QUALITY_KEYS,
  type ReportCompany,
  type ReportExportResult,
  type ReportQuery,
} from './report-schema';

const text = (v: string | null | undefined) => (v == null ? null : sanitiseText(v));
const isoToDate = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

/** Every firm behind one figure, a thousand at a time. */
export function* allCompanies(db: Database, q: ReportQuery, list: KpiKey): Generator<ReportCompany> {
  for (let offset = 0; ; offset += 1000) {
    const page = reportCompanies(db, { ...q, list, offset, limit: 1000 });
    yield* page.rows;
    if (offset + page.rows.length >= page.total || page.rows.length === 0) return;
  }
}

/**
 * The report as a workbook: a figures sheet (period, the six figures, data quality, every
 * breakdown) and one sheet per figure listing the firms behind it, with typed cells (numbers as
 * numbers, dates as dates). Streamed to a temporary file, then renamed.
 */
export async function writeReportXlsx(db: Database, q: ReportQuery, target: string): Promise<ReportExportResult> {
  const report = programmeReport(db, q);
  const temp = stageReportFile(db, target);
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
    wb.creator = 'Bindeled';
    const kpiLabels = KPI_KEYS.map((k) => message(labelKey.kpi(k)));
    const ws = wb.addWorksheet(message('report.figures'));
    ws.columns = [{ width: 48 }, ...KPI_KEYS.map(() => ({ width: 16 }))];
    const bold = (row: ExcelJS.Row) => {
      row.font = { bold: true };
      return row;
    };
    bold(ws.addRow([message('report.title')])).commit();
    ws.addRow([message('report.period'), `${formatDateDa(report.from)}–${formatDateDa(report.to)}`]).commit();
    const asOfRow = ws.addRow([message('report.asOf'), isoToDate(report.asOf)]);
    asOfRow.getCell(2).numFmt = 'dd.mm.yyyy';
    asOfRow.commit();
    ws.addRow([]).commit();
    bold(ws.addRow([message('report.figures'), message('report.count')])).commit();
    for (const k of KPI_KEYS) ws.addRow([message(labelKey.kpi(k)), report.totals[k]]).commit();
    ws.addRow([]).commit();
    bold(ws.addRow([message('report.quality.title'), message('report.count')])).commit();
    for (const k of QUALITY_KEYS) ws.addRow([message(labelKey.quality(k)), report.quality[k]]).commit();
    for (const b of BREAKDOWNS) {
      ws.addRow([]).commit();
      bold(ws.addRow([message(labelKey.breakdown(b)), ...kpiLabels])).commit();
      for (const row of report.breakdowns[b]) {
        ws.addRow([text(row.label), ...KPI_KEYS.map((k) => row.values[k])]).commit();
      }
    }
    ws.commit();

    for (const kpi of KPI_KEYS) {
      const sheet = wb.addWorksheet(message(labelKey.kpiSheet(kpi)), {
        views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      });
      sheet.columns = [
        { header: message('report.col.name'), key: 'name', width: 36 },
        { header: message('report.col.cvr'), key: 'cvr', width: 10 },
        { header: message('report.col.kommune'), key: 'kommune', width: 18 },
        { header: message('report.col.consultant'), key: 'consultant', width: 22 },
        { header: message('report.col.industry'), key: 'industry', width: 12 },
        { header: message('report.col.employees'), key: 'employees', width: 9 },
        { header: message('report.col.date'), key: 'date', width: 12, style: { numFmt: 'dd.mm.yyyy' } },
        { header: message('report.col.id'), key: 'id', width: 8 },
      ];
      sheet.getRow(1).font = { bold: true };
      for (const c of allCompanies(db, q, kpi)) {
        sheet
          .addRow([
            text(c.name),
            text(c.cvr),
            text(c.kommune),
            text(c.consultant),
            text(c.industryCode),
            c.employees,
            isoToDate(c.firstDate),
            c.id,
          ])
          .commit();
      }
      sheet.commit();
    }
    await wb.commit();
  } catch (err) {
    discardReportFile(db, temp);
    throw writeFailed(target, err);
  }
  return finishReportFile(db, temp, target, 'report-xlsx');
}
