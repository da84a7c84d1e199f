import type { Database } from 'better-sqlite3';
import { formatDateDa } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { sanitiseText } from '../files/sanitise-text';
import { message } from '../messages';
import { type CellValue, type SheetLayout, STYLE_DATE, XlsxWriter } from '../ooxml/sheet-write';
import { FileStream } from '../ooxml/zip-write';
import { reportCompanies } from './report-companies';
import { discardReportFile, finishReportFile, stageReportFile, writeFailed } from './report-file';
import { programmeReport } from './report-query';
import {
  KPI_KEYS,
  type KpiKey,
  QUALITY_KEYS,
  type ReportCompany,
  type ReportExportResult,
  type ReportQuery,
  shownBreakdowns,
} from './report-schema';

const text = (v: string | null | undefined) => (v == null ? null : sanitiseText(v));
const date = (iso: string | null): CellValue => (iso ? { date: iso } : null);

/** Every firm behind one figure, a thousand at a time. */
export function* allCompanies(db: Database, q: ReportQuery, list: KpiKey): Generator<ReportCompany> {
  for (let offset = 0; ; offset += 1000) {
    const page = reportCompanies(db, { ...q, list, offset, limit: 1000 });
    yield* page.rows;
    if (offset + page.rows.length >= page.total || page.rows.length === 0) return;
  }
}

/**
 * The columns of a figure's list of firms, and their widths. Ansatte has the sheet's default
 * width, as it had when exceljs wrote the report (it leaves out a width of 9, its default).
 */
const FIRM_COLUMNS: ReadonlyArray<{ header: string; width?: number; style?: number }> = [
  { header: message('report.col.name'), width: 36 },
  { header: message('report.col.cvr'), width: 10 },
  { header: message('report.col.kommune'), width: 18 },
  { header: message('report.col.consultant'), width: 22 },
  { header: message('report.col.industry'), width: 12 },
  { header: message('report.col.employees') },
  { header: message('report.col.date'), width: 12, style: STYLE_DATE },
  { header: message('report.col.id'), width: 8 },
];

/**
 * The report as a workbook: a figures sheet (period, the six figures, data quality, every
 * breakdown) and one sheet per figure listing the firms behind it, with typed cells (numbers as
 * numbers, dates as dates). Everything is read before the first write waits, so the workbook is
 * one moment's figures; it is streamed to a temporary file (ooxml/sheet-write.ts), then renamed.
 */
export async function writeReportXlsx(db: Database, q: ReportQuery, target: string): Promise<ReportExportResult> {
  const report = programmeReport(db, q);
  const kpiLabels = KPI_KEYS.map((k) => message(labelKey.kpi(k)));
  const figures: Array<{ values: CellValue[]; bold?: boolean }> = [
    { values: [message('report.title')], bold: true },
    { values: [message('report.period'), `${formatDateDa(report.from)}–${formatDateDa(report.to)}`] },
    { values: [message('report.asOf'), date(report.asOf)] },
    { values: [] },
    { values: [message('report.figures'), message('report.count')], bold: true },
    ...KPI_KEYS.map((k, i) => ({ values: [kpiLabels[i] ?? k, report.totals[k]] })),
    { values: [] },
    { values: [message('report.quality.title'), message('report.count')], bold: true },
    ...QUALITY_KEYS.map((k) => ({ values: [message(labelKey.quality(k)), report.quality[k]] })),
    ...shownBreakdowns(report.breakdowns).flatMap((b) => [
      { values: [] },
      { values: [message(labelKey.breakdown(b)), ...kpiLabels], bold: true },
      ...report.breakdowns[b].map((row) => ({ values: [text(row.label), ...KPI_KEYS.map((k) => row.values[k])] })),
    ]),
  ];
  const lists = KPI_KEYS.map((kpi) =>
    [...allCompanies(db, q, kpi)].map((c): CellValue[] => [
      text(c.name),
      text(c.cvr),
      text(c.kommune),
      text(c.consultant),
      text(c.industryCode),
      c.employees,
      date(c.firstDate),
      c.id,
    ]),
  );
  const layouts: SheetLayout[] = [
    {
      name: message('report.figures'),
      columns: [{ width: 48 }, ...KPI_KEYS.map(() => ({ width: 16 }))],
      frozenHeader: false,
      filter: false,
    },
    ...KPI_KEYS.map((kpi) => ({
      name: message(labelKey.kpiSheet(kpi)),
      columns: FIRM_COLUMNS,
      frozenHeader: true,
      filter: false,
    })),
  ];
  const temp = stageReportFile(db, target);
  let file: FileStream | undefined;
  try {
    file = new FileStream(temp);
    const xlsx = await XlsxWriter.start(file, layouts);
    const sheet = await xlsx.sheet();
    for (const row of figures) sheet.row(row.values, row.bold);
    await sheet.close();
    for (const rows of lists) {
      const list = await xlsx.sheet();
      list.row(
        FIRM_COLUMNS.map((c) => c.header),
        true,
      );
      for (const row of rows) {
        list.row(row);
        if (list.rowCount % 1000 === 0) await list.settle();
      }
      await list.close();
    }
    await xlsx.finish();
    await file.end();
  } catch (err) {
    await file?.abort();
    discardReportFile(db, temp);
    throw writeFailed(target, err);
  }
  return finishReportFile(db, temp, target, 'report-xlsx');
}
