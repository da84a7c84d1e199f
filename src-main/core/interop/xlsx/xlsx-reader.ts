import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DomainError } from '../../errors';
import type { Cell } from '../fields/cell-values';
import type { SourceRow } from '../rows/plan-rows';
import { attr, columnIndex, isDateFormat, runText, xmlText } from './ooxml-text';

/**
 * A streaming reader for one worksheet of an .xlsx, run only after guardXlsx passed. It reads the
 * sheet's XML row by row straight from the zip (bounded memory, no temporary files) and can stop
 * after the first rows. exceljs's streaming reader was tried first: it parks sheets in temporary
 * files whenever they come before the workbook part (as in exceljs's own output) and lost them
 * when a read stopped early.
 */
interface Workbook {
  zip: ZipFile;
  entries: Map<string, Entry>;
  sheets: Array<{ name: string; path: string }>;
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

const tag = (name: string) => `(?:\\w+:)?${name}`;

function open(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) =>
      err || !zip ? reject(err) : resolve(zip),
    ),
  );
}

function entries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const map = new Map<string, Entry>();
    zip.on('entry', (e: Entry) => {
      map.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(map));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function stream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s))),
  );
}

async function readPart(wb: Pick<Workbook, 'zip' | 'entries'>, name: string): Promise<string | undefined> {
  const entry = wb.entries.get(name);
  if (!entry) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of await stream(wb.zip, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
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
  let zip: ZipFile;
  try {
    zip = await open(path);
  } catch (err) {
    throw new DomainError('invalid_input', 'import.zip.broken', {
      file: fileName,
      reason: err instanceof Error ? err.message : String(err),
    });
  }
  try {
    const wb = { zip, entries: await entries(zip) };
    const workbookXml = (await readPart(wb, 'xl/workbook.xml')) ?? '';
    const rels = (await readPart(wb, 'xl/_rels/workbook.xml.rels')) ?? '';
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(new RegExp(`<${tag('Relationship')}\\b[^>]*>`, 'g'))) {
      const id = attr(m[0], 'Id');
      const target = attr(m[0], 'Target');
      if (id && target) targets.set(id, resolveTarget(target));
    }
    const sheets = [...workbookXml.matchAll(new RegExp(`<${tag('sheet')}\\b[^>]*>`, 'g'))].flatMap((m) => {
      const name = attr(m[0], 'name');
      const rid = /\s(?:\w+:)?id="([^"]*)"/.exec(m[0])?.[1];
      const target = rid ? targets.get(rid) : undefined;
      return name !== undefined && target ? [{ name, path: target }] : [];
    });
    const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml);
    const ssTarget = [...targets.values()].find((t) => /sharedStrings\.xml$/i.test(t)) ?? 'xl/sharedStrings.xml';
    const sharedStrings: string[] = [];
    const ss = await readPart(wb, ssTarget);
    if (ss)
      for (const m of ss.matchAll(
        new RegExp(`<${tag('si')}\\b[^>]*>([\\s\\S]*?)</${tag('si')}>|<${tag('si')}\\s*/>`, 'g'),
      ))
        sharedStrings.push(runText(m[1] ?? ''));
    const styles =
      (await readPart(wb, [...targets.values()].find((t) => /styles\.xml$/i.test(t)) ?? 'xl/styles.xml')) ?? '';
    const codes = new Map<number, string>();
    for (const m of styles.matchAll(new RegExp(`<${tag('numFmt')}\\b[^>]*>`, 'g'))) {
      codes.set(Number(attr(m[0], 'numFmtId')), attr(m[0], 'formatCode') ?? '');
    }
    const xfs = new RegExp(`<${tag('cellXfs')}\\b[^>]*>([\\s\\S]*?)</${tag('cellXfs')}>`).exec(styles)?.[1] ?? '';
    const dateStyles = [...xfs.matchAll(new RegExp(`<${tag('xf')}\\b[^>]*>`, 'g'))].map((m) => {
      const id = Number(attr(m[0], 'numFmtId') ?? 0);
      return isDateFormat(id, codes.get(id));
    });
    return { ...wb, sheets, sharedStrings, dateStyles, date1904 };
  } catch (err) {
    zip.close();
    if (err instanceof DomainError) throw err;
    throw new DomainError('invalid_input', 'import.zip.broken', {
      file: fileName,
      reason: err instanceof Error ? err.message : String(err),
    });
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
      return wb.sharedStrings[Number(v)] ?? null;
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

const ROW_START = /<(?:\w+:)?row\b/;
const MAX_ROW_CHARS = 64 * 1024 * 1024;
const CELL = new RegExp(`<${tag('c')}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag('c')}>)`, 'g');

const ROW_R = /^<(?:\w+:)?row\b[^>]*?\sr="(\d+)"/;

function parseRow(xml: string, fallbackNumber: number, wb: Workbook): SourceRow {
  const number = Number(ROW_R.exec(xml)?.[1] ?? fallbackNumber);
  const cells: Cell[] = [];
  let next = 0;
  for (const m of xml.matchAll(CELL)) {
    const a = cellAttrs(` ${m[1] ?? ''}`);
    const col = a.r ? columnIndex(a.r) : next;
    while (cells.length < col) cells.push(null);
    cells[col] = cellValue(a, m[2] ?? '', wb);
    next = col + 1;
  }
  return { line: number, cells };
}

export async function xlsxSheetNames(path: string, fileName: string): Promise<string[]> {
  const wb = await openWorkbook(path, fileName);
  wb.zip.close();
  return wb.sheets.map((s) => s.name);
}

/** The rows of one sheet, in order; stopping early (break, return) closes the zip. */
export async function* xlsxRows(path: string, sheet: string, fileName: string): AsyncGenerator<SourceRow> {
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
    const input = await stream(wb.zip, entry);
    const decoder = new StringDecoder('utf8');
    let buffer = '';
    let rowNumber = 0;
    try {
      for await (const chunk of input) {
        buffer += decoder.write(chunk as Buffer);
        let from = 0;
        for (;;) {
          const row = nextRow(buffer, from);
          if (!row) break;
          rowNumber++;
          yield parseRow(buffer.slice(row.start, row.end), rowNumber, wb);
          from = row.end;
        }
        // Keep only the unfinished row (or a tag cut in half) for the next chunk.
        const pending = ROW_START.exec(buffer.slice(from));
        buffer = pending ? buffer.slice(from + pending.index) : buffer.slice(Math.max(from, buffer.length - 16));
        if (buffer.length > MAX_ROW_CHARS) throw new Error('a row longer than 64 MB');
      }
    } finally {
      input.destroy();
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('invalid_input', 'import.zip.broken', {
      file: fileName,
      reason: err instanceof Error ? err.message : String(err),
    });
  } finally {
    wb.zip.close();
  }
}

/** The next complete <row>…</row> (or self-closing <row/>) at or after `from`. */
function nextRow(buffer: string, from: number): { start: number; end: number } | undefined {
  const re = /<(?:\w+:)?row\b[^>]*?(\/?)>/g;
  re.lastIndex = from;
  const open = re.exec(buffer);
  if (!open) return undefined;
  const start = open.index;
  if (open[1] === '/') return { start, end: start + open[0].length };
  const close = /<\/(?:\w+:)?row>/g;
  close.lastIndex = start + open[0].length;
  const m = close.exec(buffer);
  return m ? { start, end: m.index + m[0].length } : undefined;
}
