import { SANITISED_CHARACTERS, sanitiseText } from '../../files/sanitise-text';
import type { SheetKind, SheetValue } from '../sheets/sheet-types';

/**
 * SpreadsheetML for the XLSX export, written as text: the parts of a workbook (content types,
 * relations, workbook, styles) and each sheet's XML row by row. The cells mean what an exceljs
 * export would write: text as inline strings, numbers as numbers, dates
 * and timestamps as date serials with a dd.mm.yyyy format, CVR and postcodes as text.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles (cellXfs in styles.xml): 0 plain, 1 bold header, 2 date, 3 date and time. */
const STYLE_HEADER = 1;
const STYLE_DATE = 2;
const STYLE_STAMP = 3;

export function styleOf(kind: SheetKind): number {
  return kind === 'date' ? STYLE_DATE : kind === 'stamp' ? STYLE_STAMP : 0;
}

export function stylesXml(): string {
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

export function contentTypesXml(sheetCount: number): string {
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

export function rootRelsXml(): string {
  return `${HEAD}<Relationships xmlns="${PKG_REL}">\
<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>\
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>\
</Relationships>`;
}

export function coreXml(creator: string, now: Date): string {
  const stamp = `${now.toISOString().slice(0, 19)}Z`;
  return `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
<dc:creator>${escapeXml(creator)}</dc:creator>\
<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>\
<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>\
</cp:coreProperties>`;
}

export function appXml(application: string): string {
  return `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
<Application>${escapeXml(application)}</Application></Properties>`;
}

/** The workbook: its sheets in order, and each sheet's header filter as Excel names it. */
export function workbookXml(sheets: ReadonlyArray<{ name: string; columns: number }>): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  const filters = sheets.map(
    (s, i) =>
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(
        s.name.replace(/'/g, "''"),
      )}'!$A$1:$${columnName(s.columns - 1)}$1</definedName>`,
  );
  return `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}">\
<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="12000" windowHeight="24000"/></bookViews>\
<sheets>${list.join('')}</sheets><definedNames>${filters.join('')}</definedNames><calcPr calcId="171027"/></workbook>`;
}

export function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return `${HEAD}<Relationships xmlns="${PKG_REL}">${sheets}\
<Relationship Id="rId${sheetCount + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
}

/** A, B, …, Z, AA, AB, …: the column part of a cell reference (0-based index). */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export interface SheetColumnXml {
  header: string;
  kind: SheetKind;
  width: number;
}

/** The sheet's start: frozen header row, column widths (date columns styled), the header itself. */
export function sheetStartXml(columns: readonly SheetColumnXml[], selected: boolean): string {
  const cols = columns
    .map((c, i) => {
      const style = styleOf(c.kind);
      return `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${style ? ` style="${style}"` : ''}/>`;
    })
    .join('');
  const header = columns
    .map((c, i) => `<c r="${columnName(i)}1" s="${STYLE_HEADER}" t="inlineStr">${inlineText(c.header)}</c>`)
    .join('');
  return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">\
<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>\
<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>\
<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>\
<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>\
<row r="1" s="${STYLE_HEADER}" customFormat="1">${header}</row>`;
}

/** The sheet's end: the header row's filter buttons follow the data, as SpreadsheetML orders it. */
export function sheetEndXml(columnCount: number): string {
  return `</sheetData><autoFilter ref="A1:${columnName(columnCount - 1)}1"/></worksheet>`;
}

const XML_SPECIAL = /[&<>"]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeXml(text: string): string {
  return text.replace(XML_SPECIAL, (ch) => ESCAPES[ch] ?? ch);
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
  const text = TEXT_NEEDS_WORK.test(value) ? sanitiseText(value).replace(/[&<>]/g, (ch) => ESCAPES[ch] ?? ch) : value;
  return edgeSpace(text) ? `<is><t xml:space="preserve">${text}</t></is>` : `<is><t>${text}</t></is>`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const INDUSTRY = /^\d{6}$/;
const DAY_MS = 86_400_000;
/** Days from Excel's 1900 epoch (as Excel counts, with its 1900 leap day) to 1970-01-01. */
const EPOCH_1970 = 25_569;

function textCell(ref: string, value: string): string {
  return value === '' ? '' : `<c r="${ref}" t="inlineStr">${inlineText(value)}</c>`;
}

/**
 * One cell of a data row, or '' for an empty value (no element at all, as exceljs wrote it).
 * `ref` is the cell reference (B17); dates and timestamps become serials in the sheet's styles.
 */
export function cellXml(kind: SheetKind, value: SheetValue | undefined, ref: string): string {
  if (value === null || value === undefined) return '';
  switch (kind) {
    case 'integer':
    case 'decimal': {
      const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
      // A stored value that is not a number stays visible as text rather than becoming NaN.
      return Number.isFinite(n) ? `<c r="${ref}"><v>${n}</v></c>` : textCell(ref, String(value));
    }
    case 'date': {
      const m = ISO_DATE.exec(String(value));
      if (!m) return textCell(ref, String(value));
      const serial = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS + EPOCH_1970;
      return `<c r="${ref}" s="${STYLE_DATE}"><v>${serial}</v></c>`;
    }
    case 'stamp': {
      // A stored UTC timestamp shown as the local wall-clock time a Danish user expects.
      const d = new Date(String(value));
      const t = d.getTime();
      if (Number.isNaN(t)) return textCell(ref, String(value));
      const serial = (t - d.getTimezoneOffset() * 60_000) / DAY_MS + EPOCH_1970;
      return `<c r="${ref}" s="${STYLE_STAMP}"><v>${serial}</v></c>`;
    }
    case 'industry': {
      const s = String(value);
      return textCell(ref, INDUSTRY.test(s) ? `${s.slice(0, 2)}.${s.slice(2, 4)}.${s.slice(4)}` : s);
    }
    case 'text':
    case 'digits':
      return textCell(ref, String(value));
  }
}
