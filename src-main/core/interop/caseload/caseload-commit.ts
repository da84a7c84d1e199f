import type { Database } from 'better-sqlite3';
import { diff, recordAudit } from '../../audit/audit-log';
import { get, run } from '../../db/sql';
import { DomainError } from '../../errors';
import { entityByKey } from '../entities';
import { type EntitySpec, idOf } from '../entities/entity-types';
import type { JobControl } from '../job';
import {
  type CaseloadPlan,
  type CaseloadPlanItem,
  identityMatch,
  type KeyMap,
  mapKey,
  resolveRef,
} from './caseload-plan';

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
  plan: CaseloadPlan,
  ctx: CaseloadCommitContext,
): { added: number; updated: number } {
  const w = new CaseloadWriter(db, ctx);
  let n = 0;
  for (const item of plan.items()) {
    if (n++ % 1000 === 0) ctx.job.progress(n - 1, plan.size, ctx.progressLabel);
    w.write(item);
  }
  ctx.job.progress(plan.size, plan.size, ctx.progressLabel);
  return { added: w.added, updated: w.updated };
}

class CaseloadWriter {
  added = 0;
  updated = 0;
  private readonly keys: KeyMap = new Map();
  /** Rows this import inserted, per table: matching one of them is the file's own doing. */
  private readonly inserted = new Map<string, Set<number>>();

  constructor(
    private readonly db: Database,
    private readonly ctx: CaseloadCommitContext,
  ) {}

  write(item: CaseloadPlanItem): void {
    const { entity, record } = item;
    const ref = `${entity.key}[${item.index}]`;
    // Decoded afresh for this item, so it is the item's own to add to.
    const values = item.values;
    for (const field of entity.fields) {
      const v = record[field.prop];
      if (!field.ref || typeof v !== 'string') continue;
      const id = resolveRef(this.db, this.keys, field.ref, v);
      if (id === undefined || id < 0) throw new DomainError('conflict', 'import.dbChanged', { line: ref });
      values[field.column] = id;
    }
    Object.assign(values, entity.computed?.(values) ?? {});
    let id = item.matchId ?? 0;
    try {
      if (item.action === 'add') {
        const made = this.madeByThisImport(entity, record, values);
        if (made === undefined) id = this.insert(entity, values);
        else {
          id = made;
          this.update(entity, id, values, ref);
        }
      } else if (item.action === 'update') this.update(entity, id, values, ref);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      // A CHECK or UNIQUE rule the record checks did not catch: name the record, roll everything back.
      throw new DomainError('invalid_input', 'import.writeFailed', {
        ref,
        reason: err instanceof Error ? err.message : String(err),
      });
    }
    const key = record[entity.refKey ?? 'uuid'];
    if (typeof key === 'string') {
      const map = this.keys.get(entity.key) ?? new Map<string, number>();
      this.keys.set(entity.key, map.set(mapKey(key), id));
    }
  }

  /**
   * A row the plan would add may exist by now. A row this import inserted itself (the file names
   * one person twice at a firm) is no reason to stop: the record is added beside it. A row a trigger
   * wrote for a row this import inserted (a closed firm's privacy row) is updated. A row anyone
   * else made since the preview stops the import.
   */
  private madeByThisImport(
    entity: EntitySpec,
    record: Record<string, unknown>,
    values: Record<string, unknown>,
  ): number | undefined {
    const matched = entity.match?.(this.db, record, values);
    const found =
      matched && 'id' in matched
        ? matched.id
        : entity.hasId === false
          ? undefined
          : identityMatch(this.db, entity, values);
    if (found === undefined) {
      if (matched || (entity.hasId === false && identityMatch(this.db, entity, values) !== undefined)) {
        throw new DomainError('conflict', 'import.dbChanged', { line: `${entity.key}` });
      }
      return undefined;
    }
    if (this.inserted.get(entity.table)?.has(found)) return undefined;
    const identityRefs = entity.fields.filter((f) => f.ref && entity.identity.includes(f.prop));
    const ours =
      identityRefs.length > 0 &&
      identityRefs.every((f) =>
        this.inserted.get(entityByKey(f.ref ?? '')?.table ?? '')?.has(values[f.column] as number),
      );
    if (!ours) throw new DomainError('conflict', 'import.dbChanged', { line: `${entity.key}` });
    return found;
  }

  private insert(entity: EntitySpec, values: Record<string, unknown>): number {
    const cols = Object.keys(values);
    const info = run(
      this.db,
      `INSERT INTO ${entity.table}(${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
      values,
    );
    const id = Number(info.lastInsertRowid);
    const set = this.inserted.get(entity.table) ?? new Set<number>();
    this.inserted.set(entity.table, set.add(id));
    this.added++;
    this.audit(entity, id, values, 'create', null, values);
    return id;
  }

  private update(entity: EntitySpec, id: number, values: Record<string, unknown>, ref: string): void {
    const key = idOf(entity);
    const before = get<Record<string, unknown>>(this.db, `SELECT * FROM ${entity.table} WHERE ${key} = ?`, [id]);
    if (!before) throw new DomainError('conflict', 'import.dbChanged', { line: ref });
    const changes = Object.fromEntries(Object.entries(values).filter(([c]) => !KEEP_ON_UPDATE.has(c)));
    const d = diff(before, changes);
    if (!d.changed) return;
    const cols = Object.keys(changes);
    run(this.db, `UPDATE ${entity.table} SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE ${key} = @__id`, {
      ...changes,
      __id: id,
    });
    this.updated++;
    this.audit(entity, id, before, 'update', d.before, d.after);
  }

  private audit(
    entity: EntitySpec,
    id: number,
    row: Record<string, unknown>,
    action: 'create' | 'update',
    before: object | null,
    after: object,
  ): void {
    if (!entity.audit) return;
    const column = entity.audit.companyColumn;
    const company = column === 'id' ? id : row[column];
    recordAudit(this.db, {
      actor: this.ctx.actor,
      entity: entity.audit.entity,
      entityId: id,
      companyId: typeof company === 'number' ? company : null,
      action,
      before,
      after,
      reason: this.ctx.reason,
    });
  }
}
