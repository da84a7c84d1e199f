import type { Entry, ZipFile } from 'yauzl';
import { DomainError } from '../errors';
import type { Cell } from '../interop/fields/cell-values';
import type { SourceRow } from '../interop/rows/plan-rows';
import { attr, columnIndex, columnName, isDateFormat, runText, xmlText } from './xml-text';
import {
  brokenZip,
  checkDirectory,
  elements,
  type ItemFinder,
  isSharedStrings,
  megabytes,
  openZip,
  partChunks,
  partItems,
  readDirectory,
  tags,
  ZIP_LIMITS,
} from './zip-read';

export interface XlsxDirectory {
  entries: string[];
  sheetNames: string[];
  uncompressedBytes: number;
}

/**
 * An .xlsx is a zip. A small crafted file can unpack to gigabytes (docs/domain.md, "Files from
 * outside are hostile"), so
 * the zip's directory is checked first (entry count, each part's declared size against its limit,
 * the total, the compression ratio), then every XML part is inflated once and counted against the
 * size its directory entry declares (zip-read.ts), so a lying directory is caught before the
 * reader keeps anything.
 */
export async function guardXlsx(
  path: string,
  fileName: string,
  signal: AbortSignal,
  deep = true,
): Promise<XlsxDirectory> {
  const zip: ZipFile = await openZip(path, fileName);
  try {
    const entries = await readDirectory(zip, fileName);
    checkDirectory(entries, fileName);
    const names = entries.map((e) => e.fileName);
    if (!names.includes('[Content_Types].xml') || !names.includes('xl/workbook.xml')) {
      if (names.includes('mimetype') && names.some((n) => n === 'content.xml')) {
        throw new DomainError('invalid_input', 'import.zip.ods', { file: fileName });
      }
      throw new DomainError('invalid_input', 'import.zip.notXlsx', { file: fileName });
    }
    const sheetNames: string[] = [];
    for (const e of entries) {
      if (e.fileName === 'xl/workbook.xml') {
        for await (const batch of partItems(zip, e, fileName, tags('sheet'), signal)) {
          for (const tag of batch) {
            const name = attr(tag, 'name');
            if (name !== undefined) sheetNames.push(name);
          }
        }
      } else if (deep && /\.(xml|rels)$/i.test(e.fileName)) {
        for await (const _ of partChunks(zip, e, fileName, signal));
      }
    }
    return { entries: names, sheetNames, uncompressedBytes: entries.reduce((sum, e) => sum + e.uncompressedSize, 0) };
  } finally {
    zip.close();
  }
}

/**
 * A streaming reader for one worksheet of an .xlsx, run only after guardXlsx passed. It reads the
 * sheet's XML row by row straight from the zip (bounded memory, no temporary files) and can stop
 * after the first rows. exceljs's streaming reader was tried first: it parks sheets in temporary
 * files whenever they come before the workbook part (as in exceljs's own output) and lost them
 * when a read stopped early. Every part, the small ones too, is read item by item (zip-read.ts),
 * never as one string.
 */
interface Workbook {
  zip: ZipFile;
  entries: Map<string, Entry>;
  sheets: Array<{ name: string; path: string }>;
  sharedStrings: SharedStrings;
  dateStyles: boolean[];
  date1904: boolean;
}

/**
 * The shared strings, kept while a sheet is read: as UTF-8 in one buffer with each string's end,
 * about the size of the text. (Read as one string and split into a JS string each, they take
 * several times their size in memory.) The part's limit keeps this under
 * ZIP_LIMITS.maxSharedStringsBytes; only a broken UTF-8 sequence, read as U+FFFD, can take more
 * bytes than the XML held, hence the check here too.
 */
class SharedStrings {
  private text: Buffer;
  private used = 0;
  private ends = new Uint32Array(1024);
  private count = 0;

  constructor(
    private readonly entry: Entry | undefined,
    private readonly fileName: string,
  ) {
    // Never more text than XML: allocated once, and only the pages written become resident.
    this.text = Buffer.allocUnsafe(Math.min(entry?.uncompressedSize ?? 0, ZIP_LIMITS.maxSharedStringsBytes));
  }

  add(s: string): void {
    const bytes = Buffer.byteLength(s, 'utf8');
    if (this.used + bytes + 4 * (this.count + 1) > ZIP_LIMITS.maxSharedStringsBytes) {
      throw new DomainError('invalid_input', 'import.zip.stringsTooBig', {
        file: this.fileName,
        entry: this.entry?.fileName ?? 'xl/sharedStrings.xml',
        size: megabytes(Math.max(this.entry?.uncompressedSize ?? 0, this.used + bytes + 4 * (this.count + 1))),
        limit: megabytes(ZIP_LIMITS.maxSharedStringsBytes),
      });
    }
    // Bytes the XML did not hold (U+FFFD for a broken UTF-8 sequence) can outgrow the first guess.
    if (this.used + bytes > this.text.length) {
      const grown = Buffer.allocUnsafe(Math.min(ZIP_LIMITS.maxSharedStringsBytes, (this.used + bytes) * 2));
      this.text.copy(grown, 0, 0, this.used);
      this.text = grown;
    }
    if (this.count === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.used += this.text.write(s, this.used, 'utf8');
    this.ends[this.count++] = this.used;
  }

  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return null;
    return this.text.toString('utf8', index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts: string[] = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

async function openWorkbook(path: string, fileName: string): Promise<Workbook> {
  const zip = await openZip(path, fileName);
  try {
    const entries = new Map((await readDirectory(zip, fileName)).map((e) => [e.fileName, e]));
    async function* items(name: string, find: ItemFinder): AsyncGenerator<string> {
      const entry = entries.get(name);
      if (entry) for await (const batch of partItems(zip, entry, fileName, find)) yield* batch;
    }
    const targets = new Map<string, string>();
    for await (const tag of items('xl/_rels/workbook.xml.rels', tags('Relationship'))) {
      const id = attr(tag, 'Id');
      const target = attr(tag, 'Target');
      if (id && target) targets.set(id, resolveTarget(target));
    }
    const sheets: Workbook['sheets'] = [];
    let date1904 = false;
    for await (const tag of items('xl/workbook.xml', tags('sheet', 'workbookPr'))) {
      if (/^<(?:\w+:)?workbookPr/.test(tag)) {
        date1904 = /\bdate1904="(1|true)"/.test(tag);
        continue;
      }
      const name = attr(tag, 'name');
      const rid = /\s(?:\w+:)?id="([^"]*)"/.exec(tag)?.[1];
      const target = rid ? targets.get(rid) : undefined;
      if (name !== undefined && target) sheets.push({ name, path: target });
    }
    const ssTarget = [...targets.values()].find(isSharedStrings) ?? 'xl/sharedStrings.xml';
    const sharedStrings = new SharedStrings(entries.get(ssTarget), fileName);
    const ssEntry = entries.get(ssTarget);
    if (ssEntry) {
      for await (const batch of partItems(zip, ssEntry, fileName, elements('si'))) {
        for (const si of batch) sharedStrings.add(runText(si));
      }
    }
    const codes = new Map<number, string>();
    const xfFormats: number[] = [];
    let inCellXfs = false;
    const stylesTarget = [...targets.values()].find((t) => /styles\.xml$/i.test(t)) ?? 'xl/styles.xml';
    for await (const tag of items(stylesTarget, tags('numFmt', 'cellXfs', 'xf'))) {
      if (/^<\/(?:\w+:)?cellXfs/.test(tag)) inCellXfs = false;
      else if (/^<(?:\w+:)?cellXfs/.test(tag)) inCellXfs = !tag.endsWith('/>');
      else if (/^<(?:\w+:)?numFmt/.test(tag)) codes.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      else if (inCellXfs) xfFormats.push(Number(attr(tag, 'numFmtId') ?? 0));
    }
    const dateStyles = xfFormats.map((id) => isDateFormat(id, codes.get(id)));
    return { zip, entries, sheets, sharedStrings, dateStyles, date1904 };
  } catch (err) {
    zip.close();
    if (err instanceof DomainError) throw err;
    throw brokenZip(fileName, err);
  }
}

const V = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const CELL_ATTR = /\s(r|t|s)="([^"]*)"/g;

function cellAttrs(cellTag: string): { r?: string; t?: string; s?: string } {
  const out: { r?: string; t?: string; s?: string } = {};
  for (const m of cellTag.matchAll(CELL_ATTR)) out[m[1] as 'r' | 't' | 's'] = m[2];
  return out;
}

function cellValue(a: { t?: string; s?: string }, inner: string, wb: Workbook): Cell {
  const type = a.t ?? 'n';
  if (type === 'inlineStr') return runText(inner);
  const v = V.exec(inner)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's':
      return wb.sharedStrings.get(Number(v));
    case 'str':
    case 'e':
      return xmlText(v);
    case 'b':
      return v === '1' || v === 'true';
    case 'd': {
      const d = new Date(xmlText(v));
      return Number.isNaN(d.getTime()) ? xmlText(v) : d;
    }
    default: {
      const n = Number(v);
      if (!Number.isFinite(n)) return xmlText(v);
      if (wb.dateStyles[Number(a.s ?? 0)]) {
        const serial = wb.date1904 ? n + 1462 : n;
        return new Date(Math.round((serial - 25_569) * 86_400_000));
      }
      return n;
    }
  }
}

const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;

const ROW_R = /^<(?:\w+:)?row\b[^>]*?\sr="(\d+)"/;

/** Excel's last column is XFD: a cell past it is not in any workbook Excel or LibreOffice saves. */
const MAX_COLUMNS = 16_384;

/**
 * One row's cells. Bounded: its columns by Excel's, its text by ZIP_LIMITS.maxItemChars (a few
 * bytes of XML can name a long shared string, many times over).
 */
function parseRow(xml: string, fallbackNumber: number, wb: Workbook, file: string, entry: string): SourceRow {
  const number = Number(ROW_R.exec(xml)?.[1] ?? fallbackNumber);
  const cells: Cell[] = [];
  let next = 0;
  let chars = 0;
  for (const m of xml.matchAll(CELL)) {
    const a = cellAttrs(` ${m[1] ?? ''}`);
    const col = a.r ? columnIndex(a.r) : next;
    if (col >= MAX_COLUMNS)
      throw new DomainError('invalid_input', 'import.xlsx.columnTooFar', {
        file,
        entry,
        cell: a.r ?? `${columnName(col)}${number}`,
      });
    while (cells.length < col) cells.push(null);
    const value = cellValue(a, m[2] ?? '', wb);
    if (typeof value === 'string') chars += value.length;
    if (chars > ZIP_LIMITS.maxItemChars)
      throw new DomainError('invalid_input', 'import.zip.itemTooBig', {
        file,
        entry,
        limit: megabytes(ZIP_LIMITS.maxItemChars),
      });
    cells[col] = value;
    next = col + 1;
  }
  return { line: number, cells };
}

export async function xlsxSheetNames(path: string, fileName: string): Promise<string[]> {
  const wb = await openWorkbook(path, fileName);
  wb.zip.close();
  return wb.sheets.map((s) => s.name);
}

/**
 * Rows of a sheet as the zip gave them (a few at a time), each parsed when it is reached, so a row
 * is garbage as soon as its reader is done with it. A class rather than a generator: V8 kept
 * generator objects, and the text they held, through young-generation collections, so every
 * piece of the sheet's XML ended in the old generation.
 */
class RowBatch implements Iterable<SourceRow> {
  constructor(
    private readonly rows: readonly string[],
    private readonly firstNumber: number,
    private readonly wb: Workbook,
    private readonly fileName: string,
    private readonly entry: string,
  ) {}

  get length(): number {
    return this.rows.length;
  }

  [Symbol.iterator](): Iterator<SourceRow> {
    let i = 0;
    return {
      next: (): IteratorResult<SourceRow> => {
        const xml = this.rows[i];
        if (xml === undefined) return { value: undefined, done: true };
        try {
          return { value: parseRow(xml, this.firstNumber + i++, this.wb, this.fileName, this.entry), done: false };
        } catch (err) {
          if (err instanceof DomainError) throw err;
          throw brokenZip(this.fileName, err);
        }
      },
    };
  }
}

/** The rows of one sheet, in order, in batches as the zip is unpacked. Stopping early (break, return) closes the zip. */
export async function* xlsxRowBatches(
  path: string,
  sheet: string,
  fileName: string,
): AsyncGenerator<Iterable<SourceRow> & { length: number }> {
  const wb = await openWorkbook(path, fileName);
  try {
    const target = wb.sheets.find((s) => s.name === sheet);
    const entry = target ? wb.entries.get(target.path) : undefined;
    if (!entry)
      throw new DomainError('invalid_input', 'import.sheetMissing', {
        file: fileName,
        sheet,
        sheets: wb.sheets.map((s) => s.name).join(', '),
      });
    let rowNumber = 1;
    for await (const batch of partItems(wb.zip, entry, fileName, elements('row'))) {
      yield new RowBatch(batch, rowNumber, wb, fileName, entry.fileName);
      rowNumber += batch.length;
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw brokenZip(fileName, err);
  } finally {
    wb.zip.close();
  }
}

/** The rows of one sheet, in order, one at a time; stopping early (break, return) closes the zip. */
export async function* xlsxRows(path: string, sheet: string, fileName: string): AsyncGenerator<SourceRow> {
  for await (const batch of xlsxRowBatches(path, sheet, fileName)) yield* batch;
}
