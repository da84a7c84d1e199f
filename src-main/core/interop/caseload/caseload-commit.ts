import type { Database } from 'better-sqlite3';
import { diff, recordAudit } from '../../audit/audit-log';
import { get, run } from '../../db/sql';
import { DomainError } from '../../errors';
import type { JobControl } from '../job';
import { type CaseloadPlanItem, type KeyMap, resolveRef } from './caseload-plan';

export interface CaseloadCommitContext {
  actor: string;
  reason: string;
  job: JobControl;
  progressLabel: string;
}

const KEEP_ON_UPDATE = new Set(['uuid', 'created_at']);

/**
 * Writes a caseload plan inside the caller's transaction (no await). References are resolved to
 * the ids rows get here; a row that appeared since the preview stops the import (rollback).
 */
export function commitCaseload(
  db: Database,
  plan: readonly CaseloadPlanItem[],
  ctx: CaseloadCommitContext,
): { added: number; updated: number } {
  const keys: KeyMap = new Map();
  let added = 0;
  let updated = 0;
  // Rows this import inserted: matching one of them again is the file's own doing, not a change by someone else.
  const inserted = new Map<string, Set<number>>();
  plan.forEach((item, n) => {
    if (n % 1000 === 0) ctx.job.progress(n, plan.length, ctx.progressLabel);
    const { entity, record } = item;
    const ref = `${entity.key}[${item.index}]`;
    const values = { ...item.values };
    for (const field of entity.fields) {
      const v = record[field.prop];
      if (!field.ref || typeof v !== 'string') continue;
      const id = resolveRef(db, keys, field.ref, v);
      if (id === undefined || id < 0) throw new DomainError('conflict', 'import_db_changed', { line: ref });
      values[field.column] = id;
    }
    Object.assign(values, entity.computed?.(values) ?? {});
    let id = item.matchId ?? 0;
    try {
      if (item.action === 'add') {
        const again = entity.match?.(db, record, values);
        if (again && !('id' in again && inserted.get(entity.table)?.has(again.id)))
          throw new DomainError('conflict', 'import_db_changed', { line: ref });
        const cols = Object.keys(values);
        const info = run(
          db,
          `INSERT INTO ${entity.table}(${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
          values,
        );
        id = Number(info.lastInsertRowid);
        const set = inserted.get(entity.table) ?? new Set<number>();
        inserted.set(entity.table, set.add(id));
        added++;
        if (entity.audit) {
          recordAudit(db, {
            actor: ctx.actor,
            entity: entity.audit.entity,
            entityId: id,
            companyId: companyOf(entity.audit.companyColumn, id, values),
            action: 'create',
            after: values,
            reason: ctx.reason,
          });
        }
      } else if (item.action === 'update') {
        const before = get<Record<string, unknown>>(db, `SELECT * FROM ${entity.table} WHERE id = ?`, [id]);
        if (!before) throw new DomainError('conflict', 'import_db_changed', { line: ref });
        const changes = Object.fromEntries(Object.entries(values).filter(([c]) => !KEEP_ON_UPDATE.has(c)));
        const d = diff(before, changes);
        if (d.changed) {
          const cols = Object.keys(changes);
          run(db, `UPDATE ${entity.table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @__id`, {
            ...changes,
            __id: id,
          });
          updated++;
          if (entity.audit) {
            recordAudit(db, {
              actor: ctx.actor,
              entity: entity.audit.entity,
              entityId: id,
              companyId: companyOf(entity.audit.companyColumn, id, before),
              action: 'update',
              before: d.before,
              after: d.after,
              reason: ctx.reason,
            });
          }
        }
      }
    } catch (err) {
      if (err instanceof DomainError) throw err;
      // A CHECK or UNIQUE rule the record checks did not catch: name the record, roll everything back.
      throw new DomainError('invalid_input', 'import_write_failed', {
        ref,
        reason: err instanceof Error ? err.message : String(err),
      });
    }
    const key = record[entity.refKey ?? 'uuid'];
    if (typeof key === 'string') {
      let map = keys.get(entity.key);
      if (!map) {
        map = new Map();
        keys.set(entity.key, map);
      }
      map.set(key, id);
    }
  });
  ctx.job.progress(plan.length, plan.length, ctx.progressLabel);
  return { added, updated };
}

function companyOf(column: string, id: number, values: Record<string, unknown>): number | null {
  if (column === 'id') return id;
  const v = values[column];
  return typeof v === 'number' ? v : null;
}
