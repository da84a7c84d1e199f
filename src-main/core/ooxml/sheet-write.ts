import { isUtf8 } from 'node:buffer';
import { SANITISED_CHARACTERS, sanitiseText } from '../files/sanitise-text';
import { columnName, escapeText, escapeXml } from './xml-text';
import { ChunkWriter, type ZipEntryStream, type ZipSink, ZipWriter } from './zip-write';

/**
 * The one XLSX writer, for the caseload export and the report: SpreadsheetML written as text
 * and streamed into the zip sheet by sheet, row by row, so no sheet is ever held whole (exceljs,
 * the bench's baseline, holds them). Cells mean what exceljs wrote before: text as inline strings,
 * numbers as numbers, dates and timestamps as date serials with a dd.mm.yyyy format.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Deflate level for every part. On this repetitive XML level 1 costs a fraction of level 6's CPU for
 * a modestly larger file; a large workbook is mostly visit notes (docs/performance.md has the figures).
 */
const LEVEL = 1;

/** Cell styles (cellXfs in styles.xml): 0 plain, 1 bold, 2 date, 3 date and time. */
export const STYLE_BOLD = 1;
export const STYLE_DATE = 2;
export const STYLE_STAMP = 3;

function stylesXml(): string {
  const font = (bold: boolean) =>
    `<font>${bold ? '<b/>' : ''}<sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
  const xf = (numFmt: number, fontId: number, apply: string) =>
    `<xf numFmtId="${numFmt}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${apply}/>`;
  return `${HEAD}<styleSheet xmlns="${MAIN}">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="dd.mm.yyyy hh:mm"/></numFmts>
<fonts count="2">${font(false)}${font(true)}</fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4">${xf(0, 0, '')}${xf(0, 1, ' applyFont="1"')}${xf(164, 0, ' applyNumberFormat="1"')}${xf(165, 0, ' applyNumberFormat="1"')}</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>
</styleSheet>`;
}

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
${sheets}\
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
</Types>`;
}

function rootRelsXml(): string {
  return `${HEAD}<Relationships xmlns="${PKG_REL}">\
<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>`;
}

function coreXml(creator: string, now: Date): string {
  const stamp = `${now.toISOString().slice(0, 19)}Z`;
  return `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:creator>${escapeXml(creator)}</dc:creator>\
<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>\
</cp:coreProperties>`;
}

function appXml(application: string): string {
  return `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>${escapeXml(application)}</Application></Properties>`;
}

/** How a sheet looks, known before its rows: the workbook part names every sheet and filter first. */
export interface SheetLayout {
  name: string;
  /**
   * Width in characters (none: the sheet's default); a column's style (a date format) shows its
   * empty cells typed alike.
   */
  columns: ReadonlyArray<{ width?: number; style?: number }>;
  /** Row 1 stays in view while the rest scrolls. */
  frozenHeader: boolean;
  /** Filter buttons on row 1. */
  filter: boolean;
}

/** The workbook: its sheets in order, and each sheet's header filter as Excel names it. */
function workbookXml(sheets: readonly SheetLayout[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const filters = sheets.flatMap((s, i) =>
    s.filter
      ? [
          `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(
            s.name.replace(/'/g, "''"),
          )}'!$A$1:$${columnName(s.columns.length - 1)}$1</definedName>`,
        ]
      : [],
  );
  const names = filters.length ? `<definedNames>${filters.join('')}</definedNames>` : '';
  return `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}">\
<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews>\
<sheets>${list.join('')}</sheets>${names}<calcPr calcId="171027"/></workbook>`;
}

function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${HEAD}<Relationships xmlns="${PKG_REL}">${sheets}\
<Relationship Id="rId${sheetCount + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
}

/** The sheet's start: its view (row 1 frozen, the first sheet selected), column widths and styles. */
function sheetStartXml(layout: SheetLayout, selected: boolean): string {
  const cols = layout.columns
    .map((c, i) => {
      if (c.width === undefined && !c.style) return '';
      const width = c.width === undefined ? '' : ` width="${c.width}" customWidth="1"`;
      return `<col min="${i + 1}" max="${i + 1}"${width}${c.style ? ` style="${c.style}"` : ''}/>`;
    })
    .join('');
  const view = layout.frozenHeader
    ? `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>\
<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`
    : '';
  return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${view}\
<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
}

/**
 * Text that needs more than copying: markup characters, and the characters the sanitiser removes
 * or changes (XML forbids most of them). Most cells, visit notes included, have none; tab and
 * line feed are kept as they are.
 */
const TEXT_NEEDS_WORK = new RegExp(`[&<>${SANITISED_CHARACTERS}]`);
const WHITE_SPACE = /\s/;

/** Leading or trailing white space only survives with xml:space="preserve". */
function edgeSpace(text: string): boolean {
  return text !== '' && (WHITE_SPACE.test(text[0] as string) || WHITE_SPACE.test(text[text.length - 1] as string));
}

function inlineText(value: string): string {
  const text = TEXT_NEEDS_WORK.test(value) ? escapeText(sanitiseText(value)) : value;
  return edgeSpace(text) ? `<is><t xml:space="preserve">${text}</t></is>` : `<is><t>${text}</t></is>`;
}

const styleAttr = (style: number) => (style ? ` s="${style}"` : '');

/** A text cell at `ref` (B17), through the one sanitiser. */
export function textCell(ref: string, value: string, style = 0): string {
  return `<c r="${ref}"${styleAttr(style)} t="inlineStr">${inlineText(value)}</c>`;
}

/** A number cell; a date is a number in a date style (STYLE_DATE, STYLE_STAMP). */
export function numberCell(ref: string, value: number, style = 0): string {
  return `<c r="${ref}"${styleAttr(style)}><v>${value}</v></c>`;
}

/**
 * Bytes worth a closer look, tested on the bytes read as Latin-1 (one character a byte): the
 * markup and control characters, and the lead bytes of the C1 controls (C2), of surrogates (ED)
 * and of the non-characters U+FDD0–U+FDEF and U+FFFE/U+FFFF (EF). Danish letters (C3) pass.
 */
const LEAD_BYTES = '\\xC2\\xED\\xEF';
const BYTES_NEED_WORK = new RegExp(`[\\x00-\\x08\\x0B-\\x1F\\x7F&<>${LEAD_BYTES}]`);

/**
 * Whether UTF-8 text read as bytes (a long note) can be copied into the XML as it is: valid UTF-8
 * with nothing to escape or sanitise. Decoding it to a string and encoding it again was much of a
 * large workbook's work; text that fails this takes the string path (textCell), rare characters
 * that only look suspect included.
 */
export function copyableUtf8(bytes: Buffer): boolean {
  return isUtf8(bytes) && !BYTES_NEED_WORK.test(bytes.toString('latin1'));
}

/** An inline text cell's XML up to its text, for text that follows as bytes (copyableUtf8); then TEXT_CELL_END. */
export function textCellStart(ref: string, bytes: Buffer): string {
  // Space at either end only survives with xml:space="preserve"; on a non-ASCII end byte (which
  // might be a no-break space) it is set too, where it changes nothing.
  const edge = (b: number | undefined) => b === 32 || b === 9 || b === 10 || (b !== undefined && b >= 0x80);
  const preserve = edge(bytes[0]) || edge(bytes[bytes.length - 1]);
  return `<c r="${ref}" t="inlineStr"><is><t${preserve ? ' xml:space="preserve"' : ''}>`;
}

export const TEXT_CELL_END = '</t></is></c>';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const DAY_MS = 86_400_000;
/** Days from Excel's 1900 epoch (as Excel counts, with its 1900 leap day) to 1970-01-01. */
const EPOCH_1970 = 25_569;

/** The date serial of an ISO date (2011-10-17 is 40833), or null when it is not one. */
export function dateSerial(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS + EPOCH_1970 : null;
}

/** A stored UTC timestamp as the serial of the local wall-clock time a Danish user expects, or null. */
export function stampSerial(stamp: string): number | null {
  const d = new Date(stamp);
  const t = d.getTime();
  return Number.isNaN(t) ? null : (t - d.getTimezoneOffset() * 60_000) / DAY_MS + EPOCH_1970;
}

/** A value of a row written by SheetWriter.row: a date is an ISO date (yyyy-mm-dd) in `{ date }`. */
export type CellValue = string | number | { date: string } | null;

/**
 * One sheet being written. Rows are numbered from 1 as they are added; `row` writes typed values,
 * `nextRow` and `add` let a large export build a row's XML itself (xlsx-export.ts).
 */
export class SheetWriter {
  private rows = 0;
  private readonly out: ChunkWriter;

  constructor(
    private readonly entry: ZipEntryStream,
    private readonly layout: SheetLayout,
    selected: boolean,
  ) {
    this.out = new ChunkWriter(entry);
    this.out.add(sheetStartXml(layout, selected));
  }

  /** Rows written so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** The number of the row the caller writes next with `add`. */
  nextRow(): number {
    return ++this.rows;
  }

  add(xml: string): void {
    this.out.add(xml);
  }

  /** UTF-8 that is already XML text (copyableUtf8); the buffer is not changed afterwards. */
  addBytes(bytes: Buffer): void {
    this.out.addBytes(bytes);
  }

  /**
   * Rows already written as XML and encoded elsewhere (the XLSX export's row thread): `count` rows
   * numbered on from this sheet's last. zlib keeps the buffers until deflated.
   */
  addRows(chunks: readonly Buffer[], count: number): void {
    this.out.flush();
    for (const chunk of chunks) this.entry.push(chunk);
    this.rows += count;
  }

  /** A row of typed values, bold (a header) or plain; an empty row is left out, as Excel does. */
  row(values: readonly CellValue[], bold = false): void {
    const r = this.nextRow();
    let xml = bold ? `<row r="${r}" s="${STYLE_BOLD}" customFormat="1">` : `<row r="${r}">`;
    const style = bold ? STYLE_BOLD : 0;
    values.forEach((v, i) => {
      const ref = `${columnName(i)}${r}`;
      if (typeof v === 'string') xml += textCell(ref, v, style);
      else if (typeof v === 'number') xml += numberCell(ref, v, style);
      else if (v !== null) {
        const serial = dateSerial(v.date);
        xml += serial === null ? textCell(ref, v.date, style) : numberCell(ref, serial, STYLE_DATE);
      }
    });
    if (values.some((v) => v !== null)) this.out.add(`${xml}</row>`);
  }

  /** Hands the rows so far to deflate and waits while more than one batch is still being packed. */
  async settle(): Promise<void> {
    this.out.flush();
    await this.entry.settle();
  }

  /** The sheet's end (the header's filter buttons follow the data, as SpreadsheetML orders it). */
  async close(): Promise<void> {
    const filter = this.layout.filter ? `<autoFilter ref="A1:${columnName(this.layout.columns.length - 1)}1"/>` : '';
    this.out.add(`</sheetData>${filter}</worksheet>`);
    this.out.flush();
    await this.entry.close();
  }

  /** A cancelled or failed export: stop deflating; the caller removes the file. */
  destroy(): void {
    this.entry.destroy();
  }
}

/**
 * A workbook streamed into a sink: the package parts first (they name every sheet), then each
 * sheet in order (open the next only after closing the last), then `finish`.
 */
export class XlsxWriter {
  private next = 0;

  private constructor(
    private readonly zip: ZipWriter,
    private readonly sheets: readonly SheetLayout[],
  ) {}

  static async start(sink: ZipSink, sheets: readonly SheetLayout[]): Promise<XlsxWriter> {
    const zip = new ZipWriter(sink, LEVEL);
    await zip.addFile('[Content_Types].xml', contentTypesXml(sheets.length));
    await zip.addFile('_rels/.rels', rootRelsXml());
    await zip.addFile('docProps/core.xml', coreXml('Bindeled', new Date()));
    await zip.addFile('docProps/app.xml', appXml('Bindeled'));
    await zip.addFile('xl/workbook.xml', workbookXml(sheets));
    await zip.addFile('xl/_rels/workbook.xml.rels', workbookRelsXml(sheets.length));
    await zip.addFile('xl/styles.xml', stylesXml());
    return new XlsxWriter(zip, sheets);
  }

  /** The next sheet, in the order of the layouts. */
  async sheet(): Promise<SheetWriter> {
    const index = this.next++;
    const layout = this.sheets[index];
    if (!layout) throw new Error(`XLSX: no sheet ${index + 1} in the layout`);
    return new SheetWriter(await this.zip.openEntry(`xl/worksheets/sheet${index + 1}.xml`), layout, index === 0);
  }

  /** The zip's directory: without it no reader finds the parts. */
  finish(): Promise<void> {
    return this.zip.finish();
  }
}
