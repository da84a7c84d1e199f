import type { Database } from 'better-sqlite3';
import { stmt } from '../../db/sql';
import { type Locale, message } from '../../messages';
import { entityByKey } from '../entities';
import type { EntitySpec, FieldSpec } from '../entities/entity-types';
import { OWNED_BY_COMPANY } from '../entities/field-kit';
import {
  columnIndex,
  type SheetCell,
  type SheetColumn,
  type SheetKind,
  type SheetSpec,
  sheetRows,
} from './sheet-types';

const KIND: Record<FieldSpec['type'], SheetKind> = {
  uuid: 'text',
  text: 'text',
  integer: 'integer',
  real: 'decimal',
  boolean: 'text',
  date: 'date',
  timestamp: 'stamp',
  json: 'text',
};

/** A field's column: under its label where the registry gives one, else its file name, typed as in the file. */
export const fieldColumn = (x: FieldSpec): SheetColumn => ({
  key: x.prop,
  label: x.label ?? x.prop,
  kind: x.sheet?.kind ?? KIND[x.type],
  width: x.sheet?.width ?? (x.type === 'uuid' ? 38 : x.type === 'text' ? 24 : 14),
});

/** What a reference shows in a sheet: the other row's name (or title) where it has one, else its key. */
function refDisplay(field: FieldSpec): string {
  const target = entityByKey(field.ref ?? '');
  if (!target) return 'NULL';
  const shown = target.fields.find((x) => x.prop === 'name') ?? target.fields.find((x) => x.prop === 'title');
  const column = shown?.column ?? target.fields.find((x) => x.prop === (target.refKey ?? 'uuid'))?.column ?? 'uuid';
  return `(SELECT r.${column} FROM ${target.table} r WHERE r.id = t.${field.column})`;
}

/** Free text a person writes at length (notes, descriptions): most of a workbook's bytes. */
const longText = (x: FieldSpec) => x.type === 'text' && !x.enum && (x.max ?? 0) >= 10_000;

/**
 * A sheet for any entity that belongs to companies (visits, referrals, LAG applications…), made
 * from its caseload-file fields: the firm's name and CVR first, then every field under its file
 * name, typed as in the file; references show the other row's name.
 */
export function entitySheet(entity: EntitySpec): SheetSpec {
  const byCompany = entity.fields.some((x) => x.prop === 'company');
  const fields = entity.fields.filter((x) => x.prop !== 'company');
  const columns: SheetColumn[] = [
    ...(byCompany
      ? [
          { key: '__company', label: 'sheet.column.company', kind: 'text', width: 30 } as const,
          { key: '__cvr', label: 'sheet.column.cvr', kind: 'digits', width: 11 } as const,
        ]
      : []),
    ...fields.map(fieldColumn),
  ];
  const select = (utf8: boolean) =>
    [
      ...(byCompany ? ['c.name AS "__company"', 'c.cvr AS "__cvr"'] : []),
      ...fields.map((x) => {
        const value = x.ref ? refDisplay(x) : utf8 && longText(x) ? `CAST(t.${x.column} AS BLOB)` : `t.${x.column}`;
        return `${value} AS "${x.prop}"`;
      }),
    ].join(', ');
  const join = byCompany ? 'LEFT JOIN companies c ON c.id = t.company_id' : '';
  const booleans = fields.filter((x) => x.type === 'boolean').map((x) => columnIndex(columns, x.prop));
  const booleansAsWords = function* (rows: Iterable<SheetCell[]>, locale: Locale) {
    const yes = message('common.yes', {}, locale);
    const no = message('common.no', {}, locale);
    for (const r of rows) {
      for (const b of booleans) if (r[b] !== null) r[b] = r[b] === 1 ? yes : no;
      yield r;
    }
  };
  // Rows of firms are every row that has a firm; in id order they can be read a page at a time.
  const keyed = entity.ownedBy === OWNED_BY_COMPANY && entity.orderBy === 't.id';
  return {
    entity: entity.key,
    label: entity.label,
    columns,
    rows: (db: Database, ids: string, locale: Locale, utf8 = false) =>
      booleansAsWords(
        sheetRows<SheetCell>(
          db,
          `SELECT ${select(utf8)} FROM ${entity.table} t ${join} WHERE ${entity.ownedBy} ORDER BY ${entity.orderBy}`,
          ids,
          columns.length,
        ),
        locale,
      ),
    everyRow: keyed
      ? {
          page: (db, locale, utf8, afterId, limit) =>
            booleansAsWords(
              stmt(
                db,
                `SELECT ${select(utf8)}, t.id FROM ${entity.table} t ${join}
                 WHERE t.company_id IS NOT NULL AND t.id > ? ORDER BY t.id LIMIT ?`,
              )
                .raw(true)
                .iterate(afterId, limit) as IterableIterator<SheetCell[]>,
              locale,
            ),
          count: (db) =>
            stmt(db, `SELECT count(*) FROM ${entity.table} WHERE company_id IS NOT NULL`).pluck().get() as number,
        }
      : undefined,
  };
}
