import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { type Locale, message } from '../../messages';
import { idBatches } from '../export-scope';
import { finishWrittenFile } from '../file-sink';
import type { ExportResult } from '../interop-schema';
import { checkpoint, type JobControl } from '../job';
import { removeQuietly, tempPathFor } from '../paths';
import { sheetName, XLSX_FORMATS, xlsxValue } from '../sheets/cell-format';
import type { SheetSpec } from '../sheets/sheet-types';

/**
 * One sheet per entity with exceljs's streaming writer (the in-memory workbook took 2.2 GB for
 * 100,000 rows, TOOLCHAIN.md): typed cells, a bold frozen header row with a filter, column widths.
 */
export async function writeXlsx(
  db: Database,
  target: string,
  companyIds: readonly number[],
  sheets: readonly SheetSpec[],
  opts: { locale: Locale; job: JobControl; progressLabel: string },
): Promise<ExportResult> {
  const temp = tempPathFor(target);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
  wb.creator = 'Bindeled';
  const counts: Record<string, number> = {};
  const total = companyIds.length * sheets.length;
  let done = 0;
  let committing = false;
  try {
    for (const sheet of sheets) {
      const ws = wb.addWorksheet(sheetName(message(sheet.label, {}, opts.locale)), {
        views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
      });
      ws.columns = sheet.columns.map((col) => ({
        header: message(col.label, {}, opts.locale),
        key: col.key,
        width: col.width,
        style: XLSX_FORMATS[col.kind] ? { numFmt: XLSX_FORMATS[col.kind] } : {},
      }));
      ws.getRow(1).font = { bold: true };
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
      let n = 0;
      for (const batch of idBatches(companyIds)) {
        for (const row of sheet.rows(db, batch.json, opts.locale)) {
          ws.addRow(sheet.columns.map((col) => xlsxValue(col.kind, row[col.key] ?? null))).commit();
          n++;
        }
        done += batch.ids.length;
        opts.job.progress(done, total, opts.progressLabel);
        await checkpoint(opts.job.signal);
      }
      ws.commit();
      counts[sheet.entity] = n;
    }
    committing = true;
    await wb.commit();
    const { bytes } = finishWrittenFile(db, temp, target, 'export-xlsx');
    return { path: target, format: 'xlsx', bytes, counts };
  } catch (err) {
    // exceljs keeps the temporary file open until the workbook is committed: finish it, then remove it.
    if (!committing) await wb.commit().catch(() => {});
    removeQuietly(temp);
    throw err;
  }
}
