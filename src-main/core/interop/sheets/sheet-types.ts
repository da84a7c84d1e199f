import type { Database } from 'better-sqlite3';
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

/** One entity as a table for CSV and one XLSX sheet. */
export interface SheetSpec {
  entity: string;
  label: MessageKey;
  columns: readonly SheetColumn[];
  /**
   * Rows for the companies in the JSON array, in the order of that array where rows are companies.
   * Read straight off the statement so a batch never sits in memory as objects; the caller must
   * read it to the end before it awaits anything (better-sqlite3 keeps the connection busy while
   * a statement iterates, and another call could arrive in the meantime).
   */
  rows: (db: Database, companyIdsJson: string, locale: Locale) => Iterable<Record<string, SheetValue>>;
}
