import { todayIso } from '../../../src-shared/format/dates';
import type { FollowUp } from '../api/types';

export type FollowUpGroup = 'overdue' | 'today' | 'week' | 'later' | 'done';
export const GROUP_ORDER: readonly FollowUpGroup[] = ['overdue', 'today', 'week', 'later', 'done'];

/** ISO date arithmetic in UTC, so a daylight-saving change never shifts a day. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Sunday that ends the (Danish, Monday-first) week `iso` falls in. */
export function endOfWeek(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(iso, day === 0 ? 0 : 7 - day);
}

export function groupOf(f: Pick<FollowUp, 'effectiveDue' | 'doneAt'>, today: string): FollowUpGroup {
  if (f.doneAt) return 'done';
  if (f.effectiveDue < today) return 'overdue';
  if (f.effectiveDue === today) return 'today';
  return f.effectiveDue <= endOfWeek(today) ? 'week' : 'later';
}

/** Follow-ups by group, each group by due date (then company name), empty groups left out. */
export function groupFollowUps(
  rows: readonly FollowUp[],
  today: string,
): Array<{ group: FollowUpGroup; rows: FollowUp[] }> {
  const sorted = [...rows].sort(
    (a, b) => a.effectiveDue.localeCompare(b.effectiveDue) || a.companyName.localeCompare(b.companyName, 'da'),
  );
  return GROUP_ORDER.map((group) => ({ group, rows: sorted.filter((f) => groupOf(f, today) === group) })).filter(
    (g) => g.rows.length > 0,
  );
}

/**
 * Where "snooze 1 day / 1 week" lands: counted from today, or from the due date when that is still
 * ahead (snoozing tomorrow's task by a day should make it the day after tomorrow).
 */
export function snoozeTarget(f: Pick<FollowUp, 'effectiveDue'>, today: string, days: number): string {
  return addDays(f.effectiveDue > today ? f.effectiveDue : today, days);
}

/** Today in the consultant's own time zone, as an ISO date (for marking overdue dates in tables). */
export function localToday(now: Date = new Date()): string {
  return todayIso(now);
}
