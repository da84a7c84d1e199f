import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { dateProblem, parseDate, todayIso } from '../../../src-shared/format/dates';
import { type AuditedTable, deleteAudited, recordAudit, updateAudited } from '../audit/audit-log';
import { get, nowStamp, run } from '../db/sql';
import { DomainError, type FieldIssue, notFound } from '../errors';
import { currentActor } from '../settings/settings-repo';
import { advanceCompanyStatus } from '../visits/advance-status';
import { consultantExists, currentConsultant } from './current-consultant';
import type { FollowUp, FollowUpFields, FollowUpState, followupCreateSchema } from './followup-schema';

export interface FollowUpRow {
  id: number;
  uuid: string;
  company_id: number;
  company_name: string;
  company_cvr: string | null;
  visit_id: number | null;
  title: string;
  description: string | null;
  due_date: string;
  snoozed_until: string | null;
  effective_due: string;
  consultant_id: number | null;
  consultant: string | null;
  done_at: string | null;
  created_at: string;
  updated_at: string;
}

export const FOLLOWUP_SELECT = `
  SELECT f.id, f.uuid, f.company_id, c.name AS company_name, c.cvr AS company_cvr, f.visit_id, f.title,
    f.description, f.due_date, f.snoozed_until, f.effective_due, f.consultant_id, s.name AS consultant,
    f.done_at, f.created_at, f.updated_at
  FROM followups f
  JOIN companies c ON c.id = f.company_id
  LEFT JOIN consultants s ON s.id = f.consultant_id`;

export function followupState(effectiveDue: string, doneAt: string | null, today = todayIso()): FollowUpState {
  if (doneAt) return 'done';
  if (effectiveDue < today) return 'overdue';
  return effectiveDue === today ? 'due' : 'upcoming';
}

export function toFollowUp(r: FollowUpRow, today = todayIso()): FollowUp {
  return {
    id: r.id,
    uuid: r.uuid,
    companyId: r.company_id,
    companyName: r.company_name,
    companyCvr: r.company_cvr,
    visitId: r.visit_id,
    title: r.title,
    description: r.description,
    dueDate: r.due_date,
    snoozedUntil: r.snoozed_until,
    effectiveDue: r.effective_due,
    consultantId: r.consultant_id,
    consultant: r.consultant,
    doneAt: r.done_at,
    state: followupState(r.effective_due, r.done_at, today),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getFollowUp(db: Database, id: number): FollowUp {
  const row = get<FollowUpRow>(db, `${FOLLOWUP_SELECT} WHERE f.id = ?`, [id]);
  if (!row) throw notFound('entity.followup', id);
  return toFollowUp(row);
}

/** The columns a follow-up is written with, normalised. */
export interface FollowUpValues {
  title?: string;
  description?: string | null;
  due_date?: string;
  consultant_id?: number | null;
}

/**
 * Checks one follow-up's fields, adding problems to `issues` under `prefix` (e.g. `followups.1.`)
 * so the visit form can mark the right row.
 */
export function checkFollowUpFields(
  db: Database,
  input: Partial<FollowUpFields>,
  issues: FieldIssue[],
  opts: { prefix?: string; partial: boolean },
): FollowUpValues {
  const p = opts.prefix ?? '';
  const out: FollowUpValues = {};
  if (!opts.partial || input.title !== undefined) {
    if (!input.title) issues.push({ field: `${p}title`, message: 'followups.titleRequired' });
    else out.title = input.title;
  }
  if (!opts.partial || input.dueDate !== undefined) {
    const raw = input.dueDate?.trim() ?? '';
    const date = raw ? parseDate(raw) : undefined;
    if (!raw) issues.push({ field: `${p}dueDate`, message: 'followups.dueRequired' });
    else if (!date) issues.push({ field: `${p}dueDate`, message: dateProblem(raw) });
    else out.due_date = date;
  }
  if (input.description !== undefined) out.description = input.description ?? null;
  if (input.consultantId !== undefined) {
    if (input.consultantId !== null && !consultantExists(db, input.consultantId))
      issues.push({ field: `${p}consultantId`, message: 'error.notFound', params: { entity: 'entity.consultant' } });
    else out.consultant_id = input.consultantId;
  }
  return out;
}

const FOLLOWUPS: AuditedTable = { table: 'followups', entity: 'followup', stamped: true };

function snapshot(db: Database, id: number): Record<string, unknown> {
  const row = get<Record<string, unknown>>(
    db,
    `SELECT title, description, due_date, snoozed_until, consultant_id, done_at, visit_id, company_id
     FROM followups WHERE id = ?`,
    [id],
  );
  if (!row) throw notFound('entity.followup', id);
  return row;
}

/** Inserts an already checked follow-up inside the caller's transaction, with its audit entry. */
export function insertFollowUp(
  db: Database,
  v: { companyId: number; visitId: number | null; values: FollowUpValues; defaultConsultantId: number | null },
  actor: string,
): number {
  const now = nowStamp();
  const info = run(
    db,
    `INSERT INTO followups(uuid, company_id, visit_id, title, description, due_date, consultant_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      randomUUID(),
      v.companyId,
      v.visitId,
      v.values.title,
      v.values.description ?? null,
      v.values.due_date,
      v.values.consultant_id !== undefined ? v.values.consultant_id : v.defaultConsultantId,
      now,
      now,
    ],
  );
  const id = Number(info.lastInsertRowid);
  recordAudit(db, {
    actor,
    entity: 'followup',
    entityId: id,
    companyId: v.companyId,
    action: 'create',
    after: snapshot(db, id),
  });
  return id;
}

function defaultConsultant(db: Database, companyId: number): number | null {
  return (
    currentConsultant(db)?.id ??
    get<{ consultant_id: number | null }>(db, 'SELECT consultant_id FROM companies WHERE id = ?', [companyId])
      ?.consultant_id ??
    null
  );
}

/** A follow-up on its own (not from the visit form); it puts the case in progress. */
export function createFollowUp(db: Database, input: z.output<typeof followupCreateSchema>): FollowUp {
  const id = db.transaction(() => {
    const issues: FieldIssue[] = [];
    if (!get(db, 'SELECT 1 FROM companies WHERE id = ?', [input.companyId]))
      issues.push({ field: 'companyId', message: 'error.notFound', params: { entity: 'entity.company' } });
    const visitId = input.visitId ?? null;
    if (visitId !== null) {
      const visit = get<{ company_id: number }>(db, 'SELECT company_id FROM visits WHERE id = ?', [visitId]);
      if (!visit || visit.company_id !== input.companyId)
        issues.push({ field: 'visitId', message: 'error.notFound', params: { entity: 'entity.visit' } });
    }
    const values = checkFollowUpFields(db, input, issues, { partial: false });
    if (issues.length) throw new DomainError('invalid_input', 'error.invalidInput', {}, issues);
    const actor = currentActor(db);
    const newId = insertFollowUp(
      db,
      { companyId: input.companyId, visitId, values, defaultConsultantId: defaultConsultant(db, input.companyId) },
      actor,
    );
    advanceCompanyStatus(db, input.companyId, 'in_progress', 'company.statusAuto.followup', actor);
    return newId;
  })();
  return getFollowUp(db, id);
}

/** Writes the named columns and records the difference; nothing is written when nothing differs. */
function applyChanges(db: Database, id: number, values: Record<string, unknown>): void {
  updateAudited(db, FOLLOWUPS, id, snapshot(db, id), values);
}

export function updateFollowUp(db: Database, id: number, changes: Partial<FollowUpFields>): FollowUp {
  db.transaction(() => {
    const before = snapshot(db, id);
    const issues: FieldIssue[] = [];
    const values: Record<string, unknown> = { ...checkFollowUpFields(db, changes, issues, { partial: true }) };
    if (issues.length) throw new DomainError('invalid_input', 'error.invalidInput', {}, issues);
    // A new promise replaces the old snooze: the consultant has just chosen the date.
    if (values.due_date !== undefined && values.due_date !== before.due_date) values.snoozed_until = null;
    applyChanges(db, id, values);
  })();
  return getFollowUp(db, id);
}

export function completeFollowUp(db: Database, id: number, done: boolean): FollowUp {
  db.transaction(() => {
    const before = snapshot(db, id);
    if (Boolean(before.done_at) === done) return;
    applyChanges(db, id, { done_at: done ? nowStamp() : null });
  })();
  return getFollowUp(db, id);
}

export function snoozeFollowUp(db: Database, id: number, until: string | null): FollowUp {
  db.transaction(() => {
    snapshot(db, id);
    let date: string | null = null;
    if (until !== null && until.trim() !== '') {
      const parsed = parseDate(until);
      if (!parsed)
        throw new DomainError('invalid_input', 'error.invalidInput', {}, [
          { field: 'until', message: 'validation.dateFormat' },
        ]);
      if (parsed < todayIso())
        throw new DomainError('invalid_input', 'error.invalidInput', {}, [
          { field: 'until', message: 'followups.snoozePast' },
        ]);
      date = parsed;
    }
    applyChanges(db, id, { snoozed_until: date });
  })();
  return getFollowUp(db, id);
}

export function deleteFollowUp(db: Database, id: number): void {
  db.transaction(() => {
    const before = snapshot(db, id);
    deleteAudited(db, FOLLOWUPS, id, before, before.company_id as number);
  })();
}
