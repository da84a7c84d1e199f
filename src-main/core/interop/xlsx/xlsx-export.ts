import type { Database } from 'better-sqlite3';
import { type Locale, message, messageOrText } from '../../messages';
import {
  copyableUtf8,
  dateSerial,
  numberCell,
  STYLE_DATE,
  STYLE_STAMP,
  stampSerial,
  TEXT_CELL_END,
  textCell,
  textCellStart,
  XlsxWriter,
} from '../../ooxml/sheet-write';
import { columnName } from '../../ooxml/xml-text';
import { idBatches } from '../export-scope';
import { withSink } from '../file-sink';
import type { ExportResult } from '../interop-schema';
import { checkpoint, type JobControl } from '../job';
import { sheetName } from '../sheets/cell-format';
import type { SheetCell, SheetKind, SheetSpec, SheetValue } from '../sheets/sheet-types';

/** A column's style: date and timestamp columns show their cells as dates, empty ones too. */
function styleOf(kind: SheetKind): number {
  return kind === 'date' ? STYLE_DATE : kind === 'stamp' ? STYLE_STAMP : 0;
}

const INDUSTRY = /^\d{6}$/;

/** Text, or nothing at all for an empty value (no element, as exceljs wrote it). */
function textOrNothing(ref: string, value: string): string {
  return value === '' ? '' : textCell(ref, value);
}

/**
 * One cell of a data row, or '' for an empty value. `ref` is the cell reference (B17); dates and
 * timestamps become serials in the sheet's date styles, CVR and postcodes stay text.
 */
export function cellXml(kind: SheetKind, value: SheetValue | undefined, ref: string): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'integer':
    case 'decimal': {
      const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
      // A stored value that is not a number stays visible as text rather than becoming NaN.
      return Number.isFinite(n) ? numberCell(ref, n) : textOrNothing(ref, String(value));
    }
    case 'date':
    case 'stamp': {
      const serial = kind === 'date' ? dateSerial(String(value)) : stampSerial(String(value));
      return serial === null ? textOrNothing(ref, String(value)) : numberCell(ref, serial, styleOf(kind));
    }
    case 'industry': {
      const s = String(value);
      return textOrNothing(ref, INDUSTRY.test(s) ? `${s.slice(0, 2)}.${s.slice(2, 4)}.${s.slice(4)}` : s);
    }
    case 'text':
    case 'digits':
      return textOrNothing(ref, String(value));
  }
}

/** Rows of the history sheets per page of an export of every firm. */
const PAGE_ROWS = 3000;

/**
 * A sheet's rows in chunks, each read to its end before the writer awaits: a batch of firms at a
 * time, or for an export of every firm a page of rows in id order where the sheet can (everyRow).
 * `done` is the chunk's part of the sheet in firms, for the progress.
 */
function* sheetChunks(
  db: Database,
  sheet: SheetSpec,
  companyIds: readonly number[],
  everyFirm: boolean,
  locale: Locale,
): Generator<{ rows: Iterable<SheetCell[]>; done: () => number }> {
  const every = everyFirm ? sheet.everyRow : undefined;
  if (!every) {
    for (const batch of idBatches(companyIds)) {
      yield { rows: sheet.rows(db, batch.json, locale, true), done: () => batch.ids.length };
    }
    return;
  }
  const total = Math.max(every.count(db), 1);
  let after = 0;
  let read = 0;
  let credited = 0;
  for (;;) {
    let n = 0;
    const page = every.page(db, locale, true, after, PAGE_ROWS);
    // Each row's last value is its id, past the sheet's columns: the next page starts after it.
    const rows = (function* () {
      for (const row of page) {
        after = row[row.length - 1] as number;
        n++;
        yield row;
      }
    })();
    yield {
      rows,
      done: () => {
        read += n;
        const firms = Math.min(companyIds.length, Math.floor((companyIds.length * read) / total));
        const step = firms - credited;
        credited = firms;
        return n < PAGE_ROWS ? companyIds.length - (credited - step) : step;
      },
    };
    if (n < PAGE_ROWS) return;
  }
}

/**
 * One sheet per entity: typed cells, a bold frozen header row with a filter, column widths.
 * Written by the streaming sheet writer (ooxml/sheet-write.ts): each batch of firms is read off
 * its statement, encoded row by row into megabyte buffers and handed to deflate, so memory holds a
 * batch, not a sheet; the file is written under a temporary name and renamed when complete.
 */
export async function writeXlsx(
  db: Database,
  target: string,
  companyIds: readonly number[],
  sheets: readonly SheetSpec[],
  opts: { locale: Locale; job: JobControl; progressLabel: string; everyFirm?: boolean },
): Promise<ExportResult> {
  return withSink(db, target, async (sink) => {
    const xlsx = await XlsxWriter.start(
      sink,
      sheets.map((s) => ({
        name: sheetName(message(s.label, {}, opts.locale)),
        columns: s.columns.map((c) => ({ width: c.width, style: styleOf(c.kind) })),
        frozenHeader: true,
        filter: true,
      })),
    );
    const counts: Record<string, number> = {};
    const total = companyIds.length * sheets.length;
    let done = 0;
    for (const sheet of sheets) {
      const { columns } = sheet;
      const refs = columns.map((_, i) => columnName(i));
      const out = await xlsx.sheet();
      try {
        out.row(
          columns.map((c) => messageOrText(c.label, {}, opts.locale)),
          true,
        );
        for (const chunk of sheetChunks(db, sheet, companyIds, opts.everyFirm === true, opts.locale)) {
          // The chunk is read to its end synchronously (sheet-types.ts), then handed to deflate.
          for (const row of chunk.rows) {
            const rowNumber = out.nextRow();
            let xml = `<row r="${rowNumber}">`;
            for (let i = 0; i < columns.length; i++) {
              const value = row[i];
              const ref = `${refs[i]}${rowNumber}`;
              const bytes = typeof value === 'object' && value !== null;
              if (bytes && copyableUtf8(value)) {
                if (value.length === 0) continue;
                out.add(xml + textCellStart(ref, value));
                out.addBytes(value);
                xml = TEXT_CELL_END;
              } else {
                const kind = (columns[i] as (typeof columns)[number]).kind;
                xml += cellXml(kind, bytes ? value.toString('utf8') : value, ref);
              }
            }
            out.add(`${xml}</row>`);
          }
          await out.settle();
          done += chunk.done();
          opts.job.progress(done, total, opts.progressLabel);
          await checkpoint(opts.job.signal);
        }
        await out.close();
        counts[sheet.entity] = out.rowCount - 1;
      } catch (err) {
        out.destroy();
        throw err;
      }
    }
    await xlsx.finish();
    const written = await sink.commit('export-xlsx');
    return { ...written, format: 'xlsx', counts };
  });
}
