import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { parseDate, todayIso } from '../../../src-shared/format/dates';
import { all, get } from '../db/sql';
import { invalidField } from '../errors';
import { currentConsultant } from './current-consultant';
import { FOLLOWUP_SELECT, type FollowUpRow, toFollowUp } from './followup-repo';
import type { FollowUpPage, followupListSchema } from './followup-schema';

type ListQuery = z.output<typeof followupListSchema>;

/**
 * "Mine opfølgninger" and every other follow-up list: scope, state filter and a page, ordered by
 * when each is really due. Today is passed in so a test (and the UI's notion of "overdue") can
 * agree with the list.
 */
export function listFollowUps(db: Database, q: ListQuery, today = todayIso()): FollowUpPage {
  const me = currentConsultant(db);
  const scope: string[] = [];
  const scopeParams: unknown[] = [];
  if (q.consultantId !== undefined) {
    scope.push('f.consultant_id = ?');
    scopeParams.push(q.consultantId);
  } else if (q.scope === 'mine' && me) {
    // Mine means mine: an unassigned follow-up shows under everyone's until someone takes it.
    scope.push('f.consultant_id = ?');
    scopeParams.push(me.id);
  }
  if (q.companyId !== undefined) {
    scope.push('f.company_id = ?');
    scopeParams.push(q.companyId);
  }

  const where = [...scope];
  const params = [...scopeParams];
  switch (q.filter) {
    case 'open':
      where.push('f.done_at IS NULL');
      break;
    case 'due':
      where.push('f.done_at IS NULL AND f.effective_due <= ?');
      params.push(today);
      break;
    case 'overdue':
      where.push('f.done_at IS NULL AND f.effective_due < ?');
      params.push(today);
      break;
    case 'upcoming':
      where.push('f.done_at IS NULL AND f.effective_due > ?');
      params.push(today);
      break;
    case 'done':
      where.push('f.done_at IS NOT NULL');
      break;
    case 'all':
      break;
  }
  if (q.dueBefore !== undefined) {
    const date = parseDate(q.dueBefore);
    if (!date) throw invalidField('dueBefore', 'validation.dateFormat');
    where.push('f.effective_due <= ?');
    params.push(date);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const order =
    q.filter === 'done'
      ? 'f.done_at DESC, f.id DESC'
      : q.filter === 'all'
        ? 'f.done_at IS NOT NULL, f.effective_due, f.id'
        : 'f.effective_due, f.id';
  const rows = all<FollowUpRow>(db, `${FOLLOWUP_SELECT} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`, [
    ...params,
    q.limit,
    q.offset,
  ]).map((r) => toFollowUp(r, today));
  const total = get<{ n: number }>(db, `SELECT count(*) AS n FROM followups f ${whereSql}`, params)?.n ?? 0;

  const scopeSql = scope.length ? `AND ${scope.join(' AND ')}` : '';
  const counts = get<{ overdue: number | null; dueToday: number | null; upcoming: number | null }>(
    db,
    `SELECT sum(f.effective_due < ?) AS overdue, sum(f.effective_due = ?) AS dueToday,
       sum(f.effective_due > ?) AS upcoming
     FROM followups f WHERE f.done_at IS NULL ${scopeSql}`,
    [today, today, today, ...scopeParams],
  );
  return {
    rows,
    total,
    offset: q.offset,
    counts: { overdue: counts?.overdue ?? 0, dueToday: counts?.dueToday ?? 0, upcoming: counts?.upcoming ?? 0 },
    me,
    today,
  };
}

/** Follow-ups created from the given visits, grouped by visit (for the timeline). */
export function followUpsByVisit(db: Database, visitIds: number[], today = todayIso()) {
  const byVisit = new Map<number, ReturnType<typeof toFollowUp>[]>();
  if (visitIds.length === 0) return byVisit;
  const rows = all<FollowUpRow>(
    db,
    `${FOLLOWUP_SELECT} WHERE f.visit_id IN (SELECT value FROM json_each(?)) ORDER BY f.effective_due, f.id`,
    [JSON.stringify(visitIds)],
  );
  for (const r of rows) {
    if (r.visit_id === null) continue;
    const list = byVisit.get(r.visit_id) ?? [];
    list.push(toFollowUp(r, today));
    byVisit.set(r.visit_id, list);
  }
  return byVisit;
}
