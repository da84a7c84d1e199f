import { formatDateDa } from '../../../../src-shared/format/dates';
import type { SheetKind, SheetValue } from './sheet-types';

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A stored UTC timestamp as the local date a Danish user expects to see (dd.mm.yyyy). */
function localDateOf(stamp: string): string {
  const d = new Date(stamp);
  if (Number.isNaN(d.getTime())) return stamp;
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.${d.getFullYear()}`;
}

/** `2011-05-13T09` of a stored `2011-05-13T09:00:00Z` (the form Bindeled stores), else nothing. */
const UTC_HOUR = /^(\d{4}-\d{2}-\d{2}T\d{2})(?::\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?Z$/;
const dayOfHour = new Map<string, string | null>();

/**
 * The local date of a timestamp, computed once per UTC hour: a firm's two timestamps times
 * 100,000 firms made `new Date` a tenth of the CSV export. The local date is the same all hour
 * when the zone's offset is whole hours and does not change within it (Danish time, and any zone
 * whose change falls on a whole UTC hour); otherwise (null) each stamp is converted by itself.
 */
export function localDateDa(stamp: string): string {
  const hour = UTC_HOUR.exec(stamp)?.[1];
  if (hour === undefined) return localDateOf(stamp);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    const start = new Date(`${hour}:00:00Z`);
    const end = new Date(`${hour}:59:59.999Z`);
    const offset = start.getTimezoneOffset();
    const steady = !Number.isNaN(offset) && offset % 60 === 0 && end.getTimezoneOffset() === offset;
    day = steady ? localDateOf(`${hour}:00:00Z`) : null;
    if (dayOfHour.size > 100_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day ?? localDateOf(stamp);
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

// XLSX cells are written by xlsx/xlsx-export.ts (cellXml), with the same types as here.

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(label: string): string {
  return label.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Ark';
}
