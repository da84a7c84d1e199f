import type { Database } from 'better-sqlite3';
import { all, insertRow, nowStamp, run } from '../db/sql';
import { currentActor } from '../settings/settings-repo';
import type { AuditAction, AuditEntry } from './audit-types';

/** Records a change inside the caller's transaction, so the log and the data never disagree. */
export function recordAudit(
  db: Database,
  e: {
    actor: string;
    entity: string;
    entityId: number;
    companyId?: number | null;
    action: AuditAction;
    before?: object | null;
    after?: object | null;
    reason?: string | null;
  },
): void {
  run(
    db,
    `INSERT INTO audit_log(at, actor, entity, entity_id, company_id, action, before, after, reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      nowStamp(),
      e.actor,
      e.entity,
      e.entityId,
      e.companyId ?? null,
      e.action,
      e.before ? JSON.stringify(e.before) : null,
      e.after ? JSON.stringify(e.after) : null,
      e.reason ?? null,
    ],
  );
}

/** An entry in a firm's own history: its record, status, CVR or tags changed. */
export function recordCompanyAudit(
  db: Database,
  actor: string,
  companyId: number,
  action: AuditAction,
  change: Pick<Parameters<typeof recordAudit>[1], 'before' | 'after' | 'reason'>,
): void {
  recordAudit(db, { actor, entity: 'company', entityId: companyId, companyId, action, ...change });
}

/** Only the fields that differ, so the history shows what changed rather than whole records. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (before[key] !== after[key]) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

/** Records a change by whoever is named as working now (the actor setting). */
export function recordActorAudit(db: Database, e: Omit<Parameters<typeof recordAudit>[1], 'actor'>): void {
  recordAudit(db, { actor: currentActor(db), ...e });
}

/** A table whose rows are changed one at a time under the audit entity they are logged as. */
export interface AuditedTable {
  table: string;
  entity: string;
  /** Whether the table keeps an `updated_at` that each write stamps. */
  stamped: boolean;
}

/** The company a raw row belongs to, for tables that have one. */
const companyOf = (row: Record<string, unknown>) => (typeof row.company_id === 'number' ? row.company_id : null);

/**
 * Writes the given columns of one row, by the current actor and inside the caller's transaction,
 * and records only what differs from `before` (the raw row); nothing is written when nothing differs.
 */
export function updateAudited(
  db: Database,
  t: AuditedTable,
  id: number,
  before: Record<string, unknown>,
  values: Record<string, unknown>,
): void {
  const d = diff(before, values);
  if (!d.changed) return;
  const written = t.stamped ? { ...values, updated_at: nowStamp() } : values;
  run(
    db,
    `UPDATE ${t.table} SET ${Object.keys(written)
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE id = @id`,
    { ...written, id },
  );
  recordActorAudit(db, {
    entity: t.entity,
    entityId: id,
    companyId: companyOf(before),
    action: 'update',
    before: d.before,
    after: d.after,
  });
}

/**
 * Inserts one row inside the caller's transaction, recorded as created by the current actor; returns
 * its id. `after` is what the entry records, the whole row unless the table logs less of it.
 */
export function insertAudited(
  db: Database,
  t: Pick<AuditedTable, 'table' | 'entity'>,
  values: Record<string, unknown>,
  companyId: number | null = null,
  after: object = values,
): number {
  const id = insertRow(db, t.table, values);
  recordActorAudit(db, { entity: t.entity, entityId: id, companyId, action: 'create', after });
  return id;
}

/** Deletes one row inside the caller's transaction, recording `before` as what it held. */
export function deleteAudited(
  db: Database,
  t: Pick<AuditedTable, 'table' | 'entity'>,
  id: number,
  before: object,
  companyId: number | null = null,
): void {
  run(db, `DELETE FROM ${t.table} WHERE id = ?`, [id]);
  recordActorAudit(db, { entity: t.entity, entityId: id, companyId, action: 'delete', before });
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: number;
  company_id: number | null;
  action: AuditAction;
  before: string | null;
  after: string | null;
  reason: string | null;
}

export function listAuditForCompany(db: Database, companyId: number, limit = 500): AuditEntry[] {
  return all<AuditRow>(db, 'SELECT * FROM audit_log WHERE company_id = ? ORDER BY id DESC LIMIT ?', [
    companyId,
    limit,
  ]).map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    companyId: r.company_id,
    action: r.action,
    before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
    after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
    reason: r.reason,
  }));
}
