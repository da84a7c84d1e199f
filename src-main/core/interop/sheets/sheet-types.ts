import type { Database } from 'better-sqlite3';
import { stmt } from '../../db/sql';
import type { Locale, MessageKey } from '../../messages';

/**
 * How a column is written: text as text, digits (CVR, postcode) as text so leading zeros and
 * long numbers survive, integers as numbers, dates as real dates in XLSX and dd.mm.yyyy in CSV.
 */
export type SheetKind = 'text' | 'digits' | 'industry' | 'integer' | 'decimal' | 'date' | 'stamp';

export interface SheetColumn {
  key: string;
  /** A message key, or (for the generic entity sheets) the caseload file's field name. */
  label: MessageKey | string;
  kind: SheetKind;
  width: number;
}

export type SheetValue = string | number | null;
/** A value as a sheet's rows give it: long free text as its UTF-8 bytes when the writer asks (XLSX). */
export type SheetCell = SheetValue | Buffer;

/** One entity as a table for CSV and one XLSX sheet. */
export interface SheetSpec {
  entity: string;
  label: MessageKey;
  columns: readonly SheetColumn[];
  /**
   * Rows for the companies in the JSON array, in the order of that array where rows are companies:
   * one value per column, in the order of `columns`. Read straight off the statement as arrays
   * (no object per row: at 100,000 firms that was a third of the CSV export's time), so the
   * caller must read it to the end before it awaits anything (better-sqlite3 keeps the
   * connection busy while a statement iterates, and another call could arrive in the meantime).
   * With `utf8`, long free text (a visit's notes) comes as its UTF-8 bytes, for a writer that can
   * copy them as they are.
   */
  rows: (db: Database, companyIdsJson: string, locale: Locale, utf8?: boolean) => Iterable<SheetCell[]>;
  /**
   * Every row of the caseload in id order, a page at a time after `afterId`, each row with its id
   * as one value more: for an export of every firm, where reading the rows firm batch by firm
   * batch walks the table in no useful order. Sheets whose rows have no id of their own lack it.
   */
  everyRow?: {
    page(db: Database, locale: Locale, utf8: boolean, afterId: number, limit: number): Iterable<SheetCell[]>;
    count(db: Database): number;
  };
}

/** The position of a column by key; a sheet that names a column it lacks is a programming error. */
export function columnIndex(columns: readonly SheetColumn[], key: string): number {
  const i = columns.findIndex((col) => col.key === key);
  if (i < 0) throw new Error(`sheet has no column ${key}`);
  return i;
}

/**
 * A sheet's SELECT (one `?` for the ids' JSON array) as value arrays. Its result columns must be
 * the sheet's columns in order; the count is checked so a column added to one and not the other
 * fails at once instead of shifting every later cell.
 */
export function sheetRows<T extends SheetCell = SheetValue>(
  db: Database,
  sql: string,
  idsJson: string,
  columnCount: number,
): Iterable<T[]> {
  const statement = stmt(db, sql).raw(true);
  if (statement.columns().length !== columnCount) {
    throw new Error(`sheet query has ${statement.columns().length} columns for ${columnCount}: ${sql.slice(0, 60)}`);
  }
  return statement.iterate(idsJson) as IterableIterator<T[]>;
}
