import type { Database } from 'better-sqlite3';
import type { CompanyStatus } from '../../../src-shared/codes/companies';
import type { LagStatus } from '../../../src-shared/codes/outreach';
import { LAG_DRAFT_STATUSES, LAG_WAITING_STATUSES } from '../../../src-shared/codes/week';
import { parseDate, todayIso } from '../../../src-shared/format/dates';
import { all, get } from '../db/sql';
import { addDays } from '../domain/clock-time';
import { invalidField } from '../errors';
import { currentConsultant } from '../followups/current-consultant';
import { FOLLOWUP_SELECT, type FollowUpRow, toFollowUp } from '../followups/followup-repo';
import type { FollowUp } from '../followups/followup-schema';
import { firmConsultant } from '../pipelines/pipeline-query';
import { listConsultants } from '../reference/reference-data';
import { weekThresholds } from './week-settings';
import type { LagItem, PlannedVisit, QuietFirm, Section, WaitingReferral, WeekData, WeekQuery } from './week-types';

const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** The Monday of the week `iso` falls in (weeks start on Monday in Denmark). */
export function mondayOf(iso: string): string {
  const day = new Date(`${iso}T12:00:00Z`).getUTCDay();
  return addDays(iso, -((day + 6) % 7));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/**
 * "Min uge": what the consultant should do this week, in five short lists. Each list is one
 * indexed query limited to `limit` rows plus an index-only count, so the page stays fast at 100,000 firms.
 */
export function weekOverview(db: Database, q: WeekQuery, today = todayIso()): WeekData {
  let on = today;
  if (q.on !== undefined) {
    const parsed = parseDate(q.on);
    if (!parsed) throw invalidField('on', 'validation.dateFormat');
    on = parsed;
  }
  const weekStart = mondayOf(on);
  const weekEnd = addDays(weekStart, 6);
  const t = weekThresholds(db);
  const me = currentConsultant(db);
  const consultant =
    q.consultantId !== undefined
      ? (listConsultants(db).find((c) => c.id === q.consultantId) ?? null)
      : q.scope === 'mine'
        ? me
        : null;
  if (q.consultantId !== undefined && !consultant) throw invalidField('consultantId', 'identity.noSuchConsultant');
  const who = consultant?.id ?? null;
  // One filter for every section: the consultant's rows, or everyone's. The id is an integer read
  // from the database, so it is written into the SQL.
  const mineSql = (column: string) => (who === null ? '1' : `${column} = ${who}`);
  // A referral or application nobody was named on is the firm's consultant's. The first term is
  // tested from the index, so other consultants' rows cost no look-up.
  const mineOrFirmSql = (alias: string) =>
    who === null
      ? '1'
      : `(${alias}.consultant_id = ${who} OR ${alias}.consultant_id IS NULL) AND ${firmConsultant(alias)} = ${who}`;
  // The total is its own count, which the section's index answers without reading a row; the page
  // then reads only its own rows in the index's order. (A window count over the page's query read
  // every matching firm's row, scattered over a large file, to count it.)
  const section = <R, T>(
    part: { select: string; count: string; where: string; order: string },
    params: unknown[],
    map: (r: R) => T,
  ): Section<T> => {
    const { select, count, where, order } = part;
    const total = get<{ n: number }>(db, `SELECT count(*) AS n FROM ${count} WHERE ${where}`, params)?.n ?? 0;
    const rows =
      total === 0 ? [] : all<R>(db, `${select} WHERE ${where} ORDER BY ${order} LIMIT ?`, [...params, q.limit]);
    return { rows: rows.map(map), total };
  };

  const followups = section<FollowUpRow, FollowUp>(
    {
      select: FOLLOWUP_SELECT,
      count: 'followups f',
      where: `f.done_at IS NULL AND ${mineSql('f.consultant_id')} AND f.effective_due <= ?`,
      order: 'f.effective_due, f.id',
    },
    [weekEnd],
    (r) => toFollowUp(r, on),
  );

  // A firm with no visit or contact recorded yet whose next follow-up falls by the end of the week:
  // that follow-up is the first meeting (docs/domain.md, "Min uge").
  const visits = section<
    { id: number; name: string; status: CompanyStatus; next_followup: string; consultant_name: string | null },
    PlannedVisit
  >(
    {
      // Named: for everyone's week SQLite would otherwise take companies_last_contact for
      // `last_contact IS NULL` and read every never-contacted firm's row to count them.
      select:
        'SELECT c.id, c.name, c.status, c.next_followup, c.consultant_name FROM companies c INDEXED BY companies_week_planned',
      count: 'companies c INDEXED BY companies_week_planned',
      // In the terms of the partial index companies_week_planned (migration 250).
      where: `${mineSql('c.consultant_id')} AND c.last_contact IS NULL AND c.status <> 'closed'
        AND c.next_followup IS NOT NULL AND c.next_followup <= ?`,
      order: 'c.next_followup, c.name_sort, c.id',
    },
    [weekEnd],
    (r) => ({
      companyId: r.id,
      companyName: r.name,
      status: r.status,
      due: r.next_followup,
      consultant: r.consultant_name,
    }),
  );

  const referrals = section<
    {
      id: number;
      company_id: number;
      company_name: string;
      organisation: string;
      sent_at: string;
      consultant: string | null;
    },
    WaitingReferral
  >(
    {
      select: `SELECT r.id, r.company_id, c.name AS company_name, o.name AS organisation, r.sent_at, s.name AS consultant
        FROM referrals r JOIN companies c ON c.id = r.company_id JOIN organisations o ON o.id = r.organisation_id
        LEFT JOIN consultants s ON s.id = r.consultant_id`,
      count: 'referrals r',
      where: `r.status = 'sent' AND r.sent_at < ? AND ${mineOrFirmSql('r')}`,
      order: 'r.sent_at, r.id',
    },
    [addDays(on, -t.referralDays)],
    (r) => ({
      id: r.id,
      companyId: r.company_id,
      companyName: r.company_name,
      organisation: r.organisation,
      sentAt: r.sent_at,
      days: daysBetween(r.sent_at, on),
      consultant: r.consultant,
    }),
  );

  const lag = section<
    {
      id: number;
      company_id: number;
      company_name: string;
      lag: string;
      title: string;
      status: LagStatus;
      deadline: string | null;
      submitted_at: string | null;
      consultant: string | null;
    },
    LagItem
  >(
    // A draft whose deadline has passed stays on the list: the consultant must decide what now.
    {
      select: `SELECT a.id, a.company_id, c.name AS company_name, o.name AS lag, a.title, a.status, a.deadline,
          a.submitted_at, s.name AS consultant
        FROM lag_applications a JOIN companies c ON c.id = a.company_id JOIN organisations o ON o.id = a.lag_id
        LEFT JOIN consultants s ON s.id = a.consultant_id`,
      count: 'lag_applications a',
      where: `${mineOrFirmSql('a')} AND (
        (a.status IN (${inList(LAG_DRAFT_STATUSES)}) AND a.deadline IS NOT NULL AND a.deadline <= ?)
        OR a.status IN (${inList(LAG_WAITING_STATUSES)}))`,
      order: `a.status IN (${inList(LAG_WAITING_STATUSES)}), coalesce(a.deadline, a.submitted_at), a.id`,
    },
    [addDays(on, t.lagDays)],
    (r) => ({
      id: r.id,
      companyId: r.company_id,
      companyName: r.company_name,
      lag: r.lag,
      title: r.title,
      status: r.status,
      deadline: r.deadline,
      submittedAt: r.submitted_at,
      reason: (LAG_WAITING_STATUSES as readonly string[]).includes(r.status) ? 'decision' : 'deadline',
      consultant: r.consultant,
    }),
  );

  // Never contacted counts from the day the firm was recorded, so a firm added yesterday is not "quiet".
  const quiet = section<
    { id: number; name: string; status: CompanyStatus; last_contact: string | null; consultant_name: string | null },
    QuietFirm
  >(
    {
      select: 'SELECT c.id, c.name, c.status, c.last_contact, c.consultant_name FROM companies c',
      count: 'companies c',
      // Counted and ordered from the partial index companies_week_quiet (migration 250).
      where: `${mineSql('c.consultant_id')} AND c.status <> 'closed'
        AND coalesce(c.last_contact, substr(c.created_at, 1, 10)) <= ?`,
      order: 'c.last_contact IS NOT NULL, c.last_contact, c.name_sort, c.id',
    },
    [addDays(on, -t.quietDays)],
    (r) => ({
      companyId: r.id,
      companyName: r.name,
      status: r.status,
      lastContact: r.last_contact,
      consultant: r.consultant_name,
    }),
  );

  return { on, weekStart, weekEnd, me, consultant, thresholds: t, followups, visits, referrals, lag, quiet };
}
