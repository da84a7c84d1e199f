import type { MessageKey } from '../messages';

/**
 * What Bindeled knows about a stored field, written once per entity in this folder: its name,
 * column, type and longest value. The caseload file, its JSON Schema, the CSV/XLSX sheets, the
 * import and (for companies) the API, the SELECTs and the form are all made from these lists.
 */

/** How a value is stored and written in the caseload file (and checked when one is read). */
export type FieldType = 'uuid' | 'text' | 'integer' | 'real' | 'boolean' | 'date' | 'timestamp' | 'json';

/**
 * How a column is written in CSV/XLSX: digits (CVR, postcode) as text so leading zeros and long
 * numbers survive, integers as numbers, dates as real dates in XLSX and dd.mm.yyyy in CSV.
 */
export type SheetKind = 'text' | 'digits' | 'industry' | 'integer' | 'decimal' | 'date' | 'stamp';

export interface FieldDef {
  /** Its name in the caseload file and in what the API returns (camelCase). */
  readonly prop: string;
  /** Its column in the entity's table. */
  readonly column: string;
  readonly type: FieldType;
  /** Always present and never null. */
  readonly required?: boolean;
  readonly enum?: readonly string[];
  /** The longest text stored (the caseload file's maxLength). */
  readonly max?: number;
  /**
   * The column holds another entity's id; the file holds that entity's key (its uuid, or its
   * code for support schemes), because ids differ between databases.
   */
  readonly ref?: string;
  readonly description?: string;
  /** Message key of its column header in CSV/XLSX (and, for companies, its name in the import wizard). */
  readonly label?: MessageKey;
  /** How the column is written in CSV/XLSX, where a sheet lists the field under `label`. */
  readonly sheet?: { readonly kind: SheetKind; readonly width: number };
}

/** Short builders so a field list reads like its table. */
export const f = (prop: string, column: string, type: FieldType, extra: Partial<FieldDef> = {}): FieldDef => ({
  prop,
  column,
  type,
  ...extra,
});
export const uuid = (): FieldDef => f('uuid', 'uuid', 'uuid', { required: true });
export const text = (prop: string, column: string, max = 10_000, required = false): FieldDef =>
  f(prop, column, 'text', { max, required });
export const ref = (prop: string, column: string, entity: string, required = false): FieldDef =>
  f(prop, column, 'text', { ref: entity, required });
export const int = (prop: string, column: string, required = false): FieldDef =>
  f(prop, column, 'integer', { required });
export const date = (prop: string, column: string, required = false): FieldDef => f(prop, column, 'date', { required });
export const when = (prop: string, column: string): FieldDef => f(prop, column, 'timestamp');
export const stamps = (): FieldDef[] => [
  f('createdAt', 'created_at', 'timestamp', { required: true }),
  f('updatedAt', 'updated_at', 'timestamp', { required: true }),
];

/** A field with its column in a sheet. */
export const sheet = (field: FieldDef, label: MessageKey, width: number, kind: SheetKind = 'text'): FieldDef => ({
  ...field,
  label,
  sheet: { kind, width },
});

/** A record that belongs to one company: its uuid, the company, its own fields, and when it was made and changed. */
export const companyRecord = (...fields: FieldDef[]): FieldDef[] => [
  uuid(),
  ref('company', 'company_id', 'companies', true),
  ...fields,
  ...stamps(),
];
