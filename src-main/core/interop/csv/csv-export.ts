import type { Database } from 'better-sqlite3';
import { type Locale, messageOrText } from '../../messages';
import { idBatches } from '../export-scope';
import { withSink } from '../file-sink';
import type { ExportResult } from '../interop-schema';
import { checkpoint, type JobControl } from '../job';
import { csvValue } from '../sheets/cell-format';
import type { SheetSpec, SheetValue } from '../sheets/sheet-types';
import { csvCell, csvLine } from './csv-write';

const SEP = ';';

/**
 * CSV for Danish Excel: UTF-8 with BOM (without it Excel guesses Windows-1252), `;` between
 * fields, CRLF between rows, dates dd.mm.yyyy, formula-looking text neutralised (csv-write.ts).
 */
export async function writeCsv(
  db: Database,
  target: string,
  companyIds: readonly number[],
  sheet: SheetSpec,
  opts: { locale: Locale; job: JobControl; progressLabel: string },
): Promise<ExportResult> {
  return withSink(db, target, async (sink) => {
    await sink.write(
      `\uFEFF${csvLine(
        sheet.columns.map((col) => messageOrText(col.label, {}, opts.locale)),
        SEP,
      )}`,
    );
    let rows = 0;
    let done = 0;
    const { columns } = sheet;
    for (const batch of idBatches(companyIds)) {
      // A batch's lines are joined into one string and written at once: the rows are read off
      // the statement synchronously (sheet-types.ts), then the loop may await the disk.
      let chunk = '';
      for (const row of sheet.rows(db, batch.json, opts.locale)) {
        let line = '';
        for (let i = 0; i < columns.length; i++) {
          const col = columns[i] as (typeof columns)[number];
          // Rows asked for without `utf8` hold no bytes.
          const cell = csvCell(csvValue(col.kind, (row[i] as SheetValue | undefined) ?? null), SEP);
          line = i === 0 ? cell : `${line}${SEP}${cell}`;
        }
        chunk += `${line}\r\n`;
        rows++;
      }
      await sink.write(chunk);
      done += batch.ids.length;
      opts.job.progress(done, companyIds.length, opts.progressLabel);
      await checkpoint(opts.job.signal);
    }
    const written = await sink.commit('export-csv');
    return { ...written, format: 'csv', counts: { [sheet.entity]: rows } };
  });
}
