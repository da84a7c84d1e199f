import type { Database } from 'better-sqlite3';
import { dateProblem, parseDate, todayIso } from '../../../src-shared/format/dates';
import { get } from '../db/sql';
import { minutesOfDay, parseClockTime } from '../domain/clock-time';
import type { NeedKey, VisitType } from '../domain/needs';
import type { FieldIssue } from '../errors';
import { consultantExists } from '../followups/current-consultant';
import { checkFollowUpFields } from '../followups/followup-repo';
import type { VisitChanges, VisitValidate } from './visit-schema';

/** The columns a visit row is written with, normalised. */
export interface VisitValues {
  date?: string;
  start_time?: string | null;
  duration_minutes?: number | null;
  type?: VisitType;
  consultant_id?: number | null;
  location?: string | null;
  business_description?: string | null;
  needs_text?: string | null;
  potential?: number | null;
  advice_given?: 0 | 1;
  next_steps?: string | null;
  notes?: string | null;
}

export interface CheckedVisit {
  values: VisitValues;
  needs?: NeedKey[];
  participantIds?: number[];
}

/**
 * Checks the fields a visit form sent, adding every problem to `issues` (so the form marks them
 * all at once). `current` is the stored visit on an edit: an end time is checked against the
 * start time already saved.
 */
export function checkVisitFields(
  db: Database,
  input: VisitChanges,
  issues: FieldIssue[],
  opts: {
    companyId: number | null;
    partial: boolean;
    current?: { start_time: string | null; duration_minutes: number | null };
    today?: string;
  },
): CheckedVisit {
  const values: VisitValues = {};
  const today = opts.today ?? todayIso();

  if (!opts.partial || input.date !== undefined) {
    const raw = input.date?.trim() ?? '';
    const date = raw ? parseDate(raw) : undefined;
    if (!raw) issues.push({ field: 'date', message: 'validation.required' });
    else if (!date) issues.push({ field: 'date', message: dateProblem(raw) });
    else if (date > today) issues.push({ field: 'date', message: 'visit.dateFuture' });
    else values.date = date;
  }

  checkTimes(input, issues, values, opts.current);

  if (input.type !== undefined) values.type = input.type;
  if (input.consultantId !== undefined) {
    if (input.consultantId !== null && !consultantExists(db, input.consultantId))
      issues.push({ field: 'consultantId', message: 'error.notFound', params: { entity: 'entity.consultant' } });
    else values.consultant_id = input.consultantId;
  }
  if (input.location !== undefined) values.location = input.location ?? null;
  if (input.businessDescription !== undefined) values.business_description = input.businessDescription ?? null;
  if (input.needsText !== undefined) values.needs_text = input.needsText ?? null;
  if (input.potential !== undefined) values.potential = input.potential ?? null;
  if (input.adviceGiven !== undefined) values.advice_given = input.adviceGiven ? 1 : 0;
  if (input.nextSteps !== undefined) values.next_steps = input.nextSteps ?? null;
  if (input.notes !== undefined) values.notes = input.notes ?? null;

  const out: CheckedVisit = { values };
  if (input.needs !== undefined) out.needs = input.needs;
  if (input.participantIds !== undefined) {
    out.participantIds = [...new Set(input.participantIds)];
    input.participantIds.forEach((contactId, i) => {
      const contact = get<{ company_id: number; name: string }>(
        db,
        'SELECT company_id, name FROM contacts WHERE id = ?',
        [contactId],
      );
      if (!contact) issues.push({ field: `participantIds.${i}`, message: 'contacts.unknown' });
      else if (opts.companyId !== null && contact.company_id !== opts.companyId)
        issues.push({
          field: `participantIds.${i}`,
          message: 'visit.participantOtherCompany',
          params: { name: contact.name },
        });
    });
  }
  return out;
}

/** Start time, end time and duration: an end before the start is refused, not swapped. */
function checkTimes(
  input: VisitChanges,
  issues: FieldIssue[],
  values: VisitValues,
  current: { start_time: string | null; duration_minutes: number | null } | undefined,
): void {
  let start = current?.start_time ?? null;
  if (input.startTime !== undefined) {
    const raw = input.startTime?.trim() ?? '';
    if (!raw) start = values.start_time = null;
    else {
      const parsed = parseClockTime(raw);
      if (!parsed) {
        issues.push({ field: 'startTime', message: 'validation.timeFormat' });
        return;
      }
      start = values.start_time = parsed;
    }
  }
  if (input.durationMinutes !== undefined) values.duration_minutes = input.durationMinutes;
  const rawEnd = input.endTime?.trim() ?? '';
  if (!rawEnd) return;
  const end = parseClockTime(rawEnd);
  if (!end) {
    issues.push({ field: 'endTime', message: 'validation.timeFormat' });
    return;
  }
  if (start === null) {
    issues.push({ field: 'startTime', message: 'visit.endNeedsStart' });
    return;
  }
  const minutes = minutesOfDay(end) - minutesOfDay(start);
  if (minutes < 0) issues.push({ field: 'endTime', message: 'visit.endBeforeStart' });
  else if (input.durationMinutes != null && input.durationMinutes !== minutes)
    issues.push({ field: 'endTime', message: 'visit.durationMismatch' });
  else values.duration_minutes = minutes;
}

/**
 * The form's check while typing: only the fields sent are judged, so an empty new form is not a
 * wall of red. `id` names the visit being edited, `companyId` the firm of a new one.
 */
export function checkVisitForm(db: Database, input: VisitValidate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { id, companyId, followups, ...fields } = input;
  const current =
    id === undefined
      ? undefined
      : get<{ company_id: number; start_time: string | null; duration_minutes: number | null }>(
          db,
          'SELECT company_id, start_time, duration_minutes FROM visits WHERE id = ?',
          [id],
        );
  if (id !== undefined && !current)
    issues.push({ field: 'id', message: 'error.notFound', params: { entity: 'entity.visit' } });
  if (companyId !== undefined && !get(db, 'SELECT 1 FROM companies WHERE id = ?', [companyId]))
    issues.push({ field: 'companyId', message: 'error.notFound', params: { entity: 'entity.company' } });
  checkVisitFields(db, fields, issues, { companyId: current?.company_id ?? companyId ?? null, partial: true, current });
  (followups ?? []).forEach((f, i) => {
    checkFollowUpFields(db, f, issues, { prefix: `followups.${i}.`, partial: true });
  });
  return issues;
}
