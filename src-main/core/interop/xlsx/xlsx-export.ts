import type { Database } from 'better-sqlite3';
import { type Locale, message, messageOrText } from '../../messages';
import {
  copyableUtf8,
  dateSerial,
  numberCell,
  type SheetWriter,
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
import { SHEETS } from '../sheets/company-sheets';
import type { SheetCell, SheetColumn, SheetKind, SheetSpec, SheetValue } from '../sheets/sheet-types';
import { RowThread, type RowThreadInit } from './xlsx-row-thread';

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
export function* sheetChunks(
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

/** Where a sheet's data rows go as XML: the sheet writer, or the row thread's buffers. */
export interface RowXmlOut {
  /** The number of the row written next. */
  nextRow(): number;
  add(xml: string): void;
  /** UTF-8 that is already XML text (copyableUtf8). */
  addBytes(bytes: Buffer): void;
}

/**
 * Writes rows of a sheet with these columns as XML. Long text read as bytes that need no
 * escaping is copied as it is; everything else is typed by its column (cellXml).
 */
export function writeRowsXml(
  out: RowXmlOut,
  columns: readonly SheetColumn[],
  refs: readonly string[],
  rows: Iterable<SheetCell[]>,
): void {
  for (const row of rows) {
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
        const kind = (columns[i] as SheetColumn).kind;
        xml += cellXml(kind, bytes ? value.toString('utf8') : value, ref);
      }
    }
    out.add(`${xml}</row>`);
  }
}

/** A sheet's column references (A, B, …, AA): a cell's is its column's and its row number. */
export const columnRefs = (columns: readonly SheetColumn[]): string[] => columns.map((_, i) => columnName(i));

/**
 * A sheet's data rows a chunk at a time, each chunk a step that writes its rows to the sheet and
 * returns its part of the export in firms (for the progress).
 */
type SheetSteps = AsyncIterable<(out: SheetWriter) => number> | Iterable<(out: SheetWriter) => number>;

/** Below this many firms the rows are read and written in this thread: starting another costs more. */
const ROW_THREAD_MIN_FIRMS = 5000;

/** The row thread's work when this export should have one (a large export from a database file). */
function rowThreadInit(
  db: Database,
  companyIds: readonly number[],
  sheets: readonly SheetSpec[],
  opts: XlsxOptions,
): RowThreadInit | null {
  if (opts.rowThread === false || db.memory) return null;
  if (opts.rowThread !== true && companyIds.length < ROW_THREAD_MIN_FIRMS) return null;
  const indexes = sheets.map((s) => SHEETS.indexOf(s));
  // A sheet made by the caller (a pipeline's) is not known to the thread by its index.
  if (indexes.some((i) => i < 0)) return null;
  return {
    dbPath: db.name,
    nativeBinding: opts.nativeBinding,
    sheets: indexes,
    companyIds: [...companyIds],
    everyFirm: opts.everyFirm === true,
    locale: opts.locale,
  };
}

export interface XlsxOptions {
  locale: Locale;
  job: JobControl;
  progressLabel: string;
  everyFirm?: boolean;
  /** better-sqlite3's binding for Electron, for the row thread's own connection. */
  nativeBinding?: string;
  /** Read and write the rows in a thread of their own: by default for a large export (tests force either). */
  rowThread?: boolean;
}

/**
 * One sheet per entity: typed cells, a bold frozen header row with a filter, column widths.
 * Written by the streaming sheet writer (ooxml/sheet-write.ts): each batch of firms is read off
 * its statement, encoded row by row into megabyte buffers and handed to deflate, so memory holds a
 * batch, not a sheet; the file is written under a temporary name and renamed when complete.
 *
 * A large export reads and encodes its rows in a thread of its own (xlsx-row-thread.ts) while
 * this one hands the encoded rows to deflate and the file: on two cores reading, encoding and
 * deflating then overlap instead of taking turns. Its connection reads the database as it was when
 * the export began.
 */
export async function writeXlsx(
  db: Database,
  target: string,
  companyIds: readonly number[],
  sheets: readonly SheetSpec[],
  opts: XlsxOptions,
): Promise<ExportResult> {
  const init = rowThreadInit(db, companyIds, sheets, opts);
  const thread = init ? RowThread.start(init) : null;
  try {
    const steps = (sheet: SheetSpec, index: number): SheetSteps =>
      thread ? thread.sheetSteps(index) : localSteps(db, sheet, companyIds, opts);
    return await writeSheets(db, target, companyIds, sheets, opts, steps);
  } finally {
    await thread?.stop();
  }
}

/** A sheet's rows read and written here, a chunk at a time. */
function* localSteps(
  db: Database,
  sheet: SheetSpec,
  companyIds: readonly number[],
  opts: XlsxOptions,
): Generator<(out: SheetWriter) => number> {
  const refs = columnRefs(sheet.columns);
  for (const chunk of sheetChunks(db, sheet, companyIds, opts.everyFirm === true, opts.locale)) {
    // The chunk is read to its end synchronously (sheet-types.ts), then handed to deflate.
    yield (out) => {
      writeRowsXml(out, sheet.columns, refs, chunk.rows);
      return chunk.done();
    };
  }
}

async function writeSheets(
  db: Database,
  target: string,
  companyIds: readonly number[],
  sheets: readonly SheetSpec[],
  opts: XlsxOptions,
  steps: (sheet: SheetSpec, index: number) => SheetSteps,
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
    for (const [index, sheet] of sheets.entries()) {
      const out = await xlsx.sheet();
      try {
        out.row(
          sheet.columns.map((c) => messageOrText(c.label, {}, opts.locale)),
          true,
        );
        for await (const step of steps(sheet, index)) {
          done += step(out);
          await out.settle();
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
