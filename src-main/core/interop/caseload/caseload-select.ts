import type { Database } from 'better-sqlite3';
import { all } from '../../db/sql';
import { ENTITIES, entityByKey } from '../entities';
import { type EntitySpec, idOf } from '../entities/entity-types';
import { idBatches } from '../export-scope';
import { toFileValue } from './record-codec';

/**
 * The SELECT that turns a table's rows into file records: own columns, and for each reference
 * the referenced row's key (its uuid) instead of the local id. `__id` and `__ref_*` carry local ids.
 */
export function recordSql(entity: EntitySpec): string {
  const cols = entity.fields.map((field) => {
    if (!field.ref) return `t.${field.column} AS "${field.prop}"`;
    const target = entityByKey(field.ref);
    if (!target) throw new Error(`${entity.key}.${field.prop} refers to unknown entity ${field.ref}`);
    const key = target.fields.find((x) => x.prop === (target.refKey ?? 'uuid'))?.column ?? 'uuid';
    return `(SELECT r.${key} FROM ${target.table} r WHERE r.id = t.${field.column}) AS "${field.prop}", t.${field.column} AS "__ref_${field.prop}"`;
  });
  const id = entity.hasId === false ? 'NULL' : `t.${idOf(entity)}`;
  return `SELECT ${id} AS __id, ${cols.join(', ')} FROM ${entity.table} t`;
}

export function toRecord(entity: EntitySpec, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of entity.fields) out[field.prop] = toFileValue(field, row[field.prop]);
  return out;
}

/** Local ids of reference rows (consultants, organisations) the selected rows point to. */
export function referencedIds(db: Database, companyIds: readonly number[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>();
  for (const entity of ENTITIES) {
    if (entity.role === 'reference') continue;
    for (const field of entity.fields) {
      const target = field.ref ? entityByKey(field.ref) : undefined;
      if (target?.role !== 'reference') continue;
      const set = out.get(target.key) ?? new Set<number>();
      out.set(target.key, set);
      for (const batch of idBatches(companyIds, 5000)) {
        const where = entity.role === 'company' ? 't.id IN (SELECT value FROM json_each(?))' : (entity.ownedBy ?? '0');
        const sql = `SELECT DISTINCT t.${field.column} AS id FROM ${entity.table} t WHERE ${where} AND t.${field.column} IS NOT NULL`;
        for (const r of all<{ id: number }>(db, sql, [batch.json])) set.add(r.id);
      }
    }
  }
  return out;
}
