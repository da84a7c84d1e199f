import { formatDateDa } from '../../domain/dates';
import { sanitiseText } from '../../files/sanitise-text';
import type { SheetKind, SheetValue } from './sheet-types';

/** A stored UTC timestamp as the local wall-clock time a Danish user expects to see. */
function localParts(stamp: string): Date | undefined {
  const d = new Date(stamp);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function localDateDa(stamp: string): string {
  const d = localParts(stamp);
  if (!d) return stamp;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** CSV: dates as dd.mm.yyyy (Danish Excel reads them as dates), industry codes as six digits. */
export function csvValue(kind: SheetKind, value: SheetValue): string | number | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'integer':
      return typeof value === 'number' ? value : String(value);
    case 'decimal':
      // Danish Excel reads a decimal comma; "1.5" would become a date or text.
      return String(value).replace('.', ',');
    case 'date':
      return formatDateDa(String(value));
    case 'stamp':
      return localDateDa(String(value));
    default:
      return String(value);
  }
}

/** XLSX: typed cells; exceljs writes a Date as the serial of its UTC time, so local time is shifted in. */
export function xlsxValue(kind: SheetKind, value: SheetValue): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : Number(value);
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
      return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : String(value);
    }
    case 'stamp': {
      const d = localParts(String(value));
      return d ? new Date(d.getTime() - d.getTimezoneOffset() * 60_000) : String(value);
    }
    case 'industry': {
      const s = String(value);
      return /^\d{6}$/.test(s) ? `${s.slice(0, 2)}.${s.slice(2, 4)}.${s.slice(4)}` : s;
    }
    default:
      return sanitiseText(String(value));
  }
}

export const XLSX_FORMATS: Partial<Record<SheetKind, string>> = { date: 'dd.mm.yyyy', stamp: 'dd.mm.yyyy hh:mm' };

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(label: string): string {
  return label.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Ark';
}
