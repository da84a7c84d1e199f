import { formatDateDa } from '../../domain/dates';
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

// XLSX cells are written by xlsx/sheet-xml.ts (cellXml), with the same types as here.

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(label: string): string {
  return label.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Ark';
}
