import type { Database } from 'better-sqlite3';
import { type Locale, message, messageOrText } from '../../messages';
import { idBatches } from '../export-scope';
import { withSink } from '../file-sink';
import type { ExportResult } from '../interop-schema';
import { checkpoint, type JobControl } from '../job';
import { sheetName } from '../sheets/cell-format';
import type { SheetSpec } from '../sheets/sheet-types';
import {
  appXml,
  cellXml,
  columnName,
  contentTypesXml,
  coreXml,
  rootRelsXml,
  sheetEndXml,
  sheetStartXml,
  stylesXml,
  workbookRelsXml,
  workbookXml,
} from './sheet-xml';
import { ChunkWriter, type ZipEntryStream, ZipWriter } from './zip-writer';

/**
 * Deflate level for the sheets. Level 1 takes about a third of level 6's CPU on this XML and the
 * file grows by roughly a quarter; at 100,000 firms the workbook is mostly visit notes.
 */
const LEVEL = 1;

/**
 * One sheet per entity: typed cells, a bold frozen header row with a filter, column widths.
 * Written by our own streaming writer (sheet-xml.ts, zip-writer.ts) rather than exceljs, which
 * holds far more in memory and takes several times as long on a large caseload (the benchmark
 * keeps exceljs as its baseline). Each batch of firms is read
 * off its statement, encoded row by row into megabyte buffers and handed to deflate, so memory
 * holds a batch, not a sheet; the file is written under a temporary name and renamed when complete.
 */
export async function writeXlsx(
  db: Database,
  target: string,
  companyIds: readonly number[],
  sheets: readonly SheetSpec[],
  opts: { locale: Locale; job: JobControl; progressLabel: string },
): Promise<ExportResult> {
  return withSink(db, target, async (sink) => {
    const zip = new ZipWriter(sink, LEVEL);
    const names = sheets.map((s) => sheetName(message(s.label, {}, opts.locale)));
    const counts: Record<string, number> = {};
    const total = companyIds.length * sheets.length;
    let done = 0;
    await zip.addFile('[Content_Types].xml', contentTypesXml(sheets.length));
    await zip.addFile('_rels/.rels', rootRelsXml());
    await zip.addFile('docProps/core.xml', coreXml('Bindeled', new Date()));
    await zip.addFile('docProps/app.xml', appXml('Bindeled'));
    await zip.addFile(
      'xl/workbook.xml',
      workbookXml(sheets.map((s, i) => ({ name: names[i] ?? '', columns: s.columns.length }))),
    );
    await zip.addFile('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets.length));
    await zip.addFile('xl/styles.xml', stylesXml());
    for (const [index, sheet] of sheets.entries()) {
      const { columns } = sheet;
      const refs = columns.map((_, i) => columnName(i));
      let entry: ZipEntryStream | undefined = await zip.openEntry(`xl/worksheets/sheet${index + 1}.xml`);
      try {
        const out = new ChunkWriter(entry);
        out.add(
          sheetStartXml(
            columns.map((c) => ({ header: messageOrText(c.label, {}, opts.locale), kind: c.kind, width: c.width })),
            index === 0,
          ),
        );
        let rowNumber = 1;
        for (const batch of idBatches(companyIds)) {
          // The batch is read to its end synchronously (sheet-types.ts), then handed to deflate.
          for (const row of sheet.rows(db, batch.json, opts.locale)) {
            rowNumber++;
            let xml = `<row r="${rowNumber}">`;
            for (let i = 0; i < columns.length; i++) {
              const col = columns[i] as (typeof columns)[number];
              xml += cellXml(col.kind, row[i], `${refs[i]}${rowNumber}`);
            }
            out.add(`${xml}</row>`);
          }
          out.flush();
          await entry.settle();
          done += batch.ids.length;
          opts.job.progress(done, total, opts.progressLabel);
          await checkpoint(opts.job.signal);
        }
        out.add(sheetEndXml(columns.length));
        out.flush();
        await entry.close();
        entry = undefined;
        counts[sheet.entity] = rowNumber - 1;
      } finally {
        entry?.destroy();
      }
    }
    await zip.finish();
    const { bytes } = await sink.commit('export-xlsx');
    return { path: target, format: 'xlsx', bytes, counts };
  });
}
