import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { deleteAudited, diff, recordAudit } from '../audit/audit-log';
import { get, insertRow, nowStamp, run, storedRow } from '../db/sql';
import type { CompanyStatus } from '../domain/company-status';
import type { NeedKey } from '../domain/needs';
import { statusForContact } from '../domain/status-rules';
import { discardDraft } from '../drafts/draft-repo';
import { DomainError, type FieldIssue, notFound } from '../errors';
import { currentConsultant } from '../followups/current-consultant';
import { checkFollowUpFields, type FollowUpValues, insertFollowUp } from '../followups/followup-repo';
import type { FollowUpFields } from '../followups/followup-schema';
import { currentActor } from '../settings/settings-repo';
import { advanceCompanyStatus } from './advance-status';
import { getVisit, type VisitRow, visitSnapshot } from './visit-read';
import type { VisitChanges, VisitCreate, VisitSaved } from './visit-schema';
import { type CheckedVisit, checkVisitFields } from './visit-validate';

function replaceNeeds(db: Database, visitId: number, needs: NeedKey[]): void {
  run(db, 'DELETE FROM visit_needs WHERE visit_id = ?', [visitId]);
  for (const need of needs) run(db, 'INSERT INTO visit_needs(visit_id, need) VALUES (?, ?)', [visitId, need]);
}

function replaceParticipants(db: Database, visitId: number, contactIds: number[]): void {
  run(db, 'DELETE FROM visit_participants WHERE visit_id = ?', [visitId]);
  for (const id of contactIds)
    run(db, 'INSERT INTO visit_participants(visit_id, contact_id) VALUES (?, ?)', [visitId, id]);
}

function hasNeeds(db: Database, visitId: number): boolean {
  return (
    get(
      db,
      `SELECT 1 FROM visits v WHERE v.id = ? AND (v.needs_text IS NOT NULL
         OR EXISTS (SELECT 1 FROM visit_needs n WHERE n.visit_id = v.id))`,
      [visitId],
    ) !== undefined
  );
}

function fail(issues: FieldIssue[]): void {
  if (issues.length) throw new DomainError('invalid_input', 'error.invalidInput', {}, issues);
}

function saved(db: Database, visitId: number, status: { before: CompanyStatus; after: CompanyStatus }): VisitSaved {
  const visit = getVisit(db, visitId);
  const company = get<{ last_contact: string | null }>(db, 'SELECT last_contact FROM companies WHERE id = ?', [
    visit.companyId,
  ]);
  return {
    visit,
    company: {
      id: visit.companyId,
      status: status.after,
      previousStatus: status.before,
      lastContact: company?.last_contact ?? null,
    },
  };
}

/**
 * Records a visit (or call, meeting, e-mail) with its needs, participants and the follow-ups
 * promised, moves the company's status forwards and discards the form's draft: all or nothing.
 */
export function createVisit(db: Database, input: VisitCreate, opts: { today?: string } = {}): VisitSaved {
  const result = db.transaction(() => {
    const issues: FieldIssue[] = [];
    const company = get<{ id: number; consultant_id: number | null }>(
      db,
      'SELECT id, consultant_id FROM companies WHERE id = ?',
      [input.companyId],
    );
    if (!company) issues.push({ field: 'companyId', message: 'error.notFound', params: { entity: 'entity.company' } });
    const checked = checkVisitFields(db, input, issues, {
      companyId: company?.id ?? null,
      partial: false,
      today: opts.today,
    });
    const followups: FollowUpValues[] = input.followups.map((f, i) =>
      checkFollowUpFields(db, f, issues, { prefix: `followups.${i}.`, partial: false }),
    );
    fail(issues);
    if (!company) throw notFound('entity.company', input.companyId);

    const actor = currentActor(db);
    const consultantId =
      checked.values.consultant_id !== undefined
        ? checked.values.consultant_id
        : (currentConsultant(db)?.id ?? company.consultant_id);
    const now = nowStamp();
    const row = {
      ...checked.values,
      type: input.type,
      advice_given: input.adviceGiven ? 1 : 0,
      consultant_id: consultantId,
      uuid: randomUUID(),
      company_id: company.id,
      created_at: now,
      updated_at: now,
    };
    const visitId = insertRow(db, 'visits', row);
    replaceNeeds(db, visitId, checked.needs ?? []);
    replaceParticipants(db, visitId, checked.participantIds ?? []);
    recordAudit(db, {
      actor,
      entity: 'visit',
      entityId: visitId,
      companyId: company.id,
      action: 'create',
      after: visitSnapshot(db, visitId),
    });
    for (const values of followups)
      insertFollowUp(db, { companyId: company.id, visitId, values, defaultConsultantId: consultantId }, actor);

    const target = statusForContact(input.type, hasNeeds(db, visitId), followups.length > 0);
    const status = advanceCompanyStatus(
      db,
      company.id,
      target,
      followups.length > 0 ? 'company.statusAuto.followup' : 'company.statusAuto.contact',
      actor,
    );
    if (input.draftKey) discardDraft(db, input.draftKey);
    return { visitId, status };
  })();
  return saved(db, result.visitId, result.status);
}

/**
 * Changes the fields sent and adds the new follow-ups, all or nothing. A form opened before
 * someone else saved the same visit is refused (`expectedUpdatedAt`) rather than silently
 * overwriting their change.
 */
export function updateVisit(
  db: Database,
  id: number,
  changes: VisitChanges,
  opts: { expectedUpdatedAt?: string; draftKey?: string; today?: string; followups?: FollowUpFields[] } = {},
): VisitSaved {
  const result = db.transaction(() => {
    const current = storedRow<VisitRow>(db, 'visits', id, 'entity.visit');
    if (opts.expectedUpdatedAt !== undefined && opts.expectedUpdatedAt !== current.updated_at)
      throw new DomainError('conflict', 'visit.changedElsewhere', { id });
    const issues: FieldIssue[] = [];
    const checked: CheckedVisit = checkVisitFields(db, changes, issues, {
      companyId: current.company_id,
      partial: true,
      current,
      today: opts.today,
    });
    const followups: FollowUpValues[] = (opts.followups ?? []).map((f, i) =>
      checkFollowUpFields(db, f, issues, { prefix: `followups.${i}.`, partial: false }),
    );
    fail(issues);

    const before = visitSnapshot(db, id);
    const cols = Object.keys(checked.values);
    if (cols.length)
      run(db, `UPDATE visits SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`, {
        ...checked.values,
        id,
      });
    if (checked.needs) replaceNeeds(db, id, checked.needs);
    if (checked.participantIds) replaceParticipants(db, id, checked.participantIds);
    const d = diff(before, visitSnapshot(db, id));
    const actor = currentActor(db);
    if (d.changed) {
      run(db, 'UPDATE visits SET updated_at = ? WHERE id = ?', [nowStamp(), id]);
      recordAudit(db, {
        actor,
        entity: 'visit',
        entityId: id,
        companyId: current.company_id,
        action: 'update',
        before: d.before,
        after: d.after,
      });
    }
    const type = checked.values.type ?? current.type;
    const contact = advanceCompanyStatus(
      db,
      current.company_id,
      statusForContact(type, hasNeeds(db, id), false),
      'company.statusAuto.contact',
      actor,
    );
    const status = { before: contact.before, after: contact.after };
    const consultantId =
      checked.values.consultant_id !== undefined ? checked.values.consultant_id : current.consultant_id;
    // Each as `followups.create` records one: the follow-up, then the case in progress.
    for (const values of followups) {
      insertFollowUp(
        db,
        { companyId: current.company_id, visitId: id, values, defaultConsultantId: consultantId },
        actor,
      );
      status.after = advanceCompanyStatus(
        db,
        current.company_id,
        'in_progress',
        'company.statusAuto.followup',
        actor,
      ).after;
    }
    if (opts.draftKey) discardDraft(db, opts.draftKey);
    return { status };
  })();
  return saved(db, id, result.status);
}

/**
 * Deletes a visit recorded by mistake. Its follow-ups stay (a promise made is still a promise)
 * and lose their link to the visit; the company's status does not move back.
 */
export function deleteVisit(db: Database, id: number): void {
  db.transaction(() => {
    const before = visitSnapshot(db, id);
    deleteAudited(db, { table: 'visits', entity: 'visit' }, id, before, before.company_id as number);
    discardDraft(db, `visit:${id}`);
  })();
}
