import { sanitiseText } from '../../files/sanitise-text';

/** A cell as a source delivers it: CSV gives text, XLSX gives typed values. */
export type Cell = string | number | boolean | Date | null;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Text as the user sees it in the cell, trimmed, through the one sanitiser: every value a CSV or
 * XLSX import stores is read through here.
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isoFromDate(cell) ?? '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  // Most cells have no non-breaking space; skipping the regex then saves a copy per cell.
  return sanitiseText(cell.includes('\u00a0') ? cell.replace(/\u00a0/g, ' ') : cell).trim();
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  return cellText(cell) === '';
}

/** exceljs gives dates as UTC midnight of the spreadsheet's day. */
export function isoFromDate(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().slice(0, 10);
}

/** Excel's day numbers (1900 date system) for a date cell that lost its date format. */
export function isoFromSerial(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  return isoFromDate(new Date(Math.round((serial - 25_569) * 86_400_000)));
}

function realIso(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Dates as office files write them: ISO (also with a time), Danish dd.mm.yyyy and dd-mm-yyyy, and
 * slashed dates, which are day first (Danish, UK) or month first (US Excel) as the column shows.
 */
export function parseCellDate(cell: Cell | undefined, order: 'dmy' | 'mdy'): string | undefined {
  if (cell instanceof Date) return isoFromDate(cell);
  if (typeof cell === 'number') return isoFromSerial(cell);
  const s = cellText(cell);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s);
  if (m) return realIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?: \d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/.exec(s);
  if (m) return realIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i.exec(s);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return order === 'mdy' ? realIso(y, a, b) : realIso(y, b, a);
  }
  return undefined;
}

/** Slashed dates are month first only when some value proves it (a "day" above 12 in second place). */
export function detectDateOrder(values: Iterable<Cell | undefined>): 'dmy' | 'mdy' | undefined {
  let dayFirst = false;
  let monthFirst = false;
  for (const v of values) {
    const m = /^(\d{1,2})\/(\d{1,2})\/\d{4}/.exec(cellText(v));
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (monthFirst && !dayFirst) return 'mdy';
  if (dayFirst) return 'dmy';
  return undefined;
}

/** A whole number as Danish or English Excel writes it: 12, 1.234, 1,234, 12,00, 1 234. */
export function parseCellInteger(cell: Cell | undefined): number | undefined {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : undefined;
  const s = cellText(cell).replace(/\s/g, '');
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  if (/^\d+[.,]0+$/.test(s)) return Number(s.replace(/[.,]0+$/, ''));
  return undefined;
}

/** Digits Excel turned into a number lose their leading zeros: 800 was postcode 0800. */
export function digitsText(cell: Cell | undefined, width: number): string {
  const s = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : cellText(cell);
  const digits = s.replace(/[.\s]/g, '');
  return /^\d+$/.test(digits) && digits.length === width - 1 ? digits.padStart(width, '0') : s;
}
