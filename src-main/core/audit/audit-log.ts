import type { Database } from 'better-sqlite3';
import { all, nowStamp, run } from '../db/sql';
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
