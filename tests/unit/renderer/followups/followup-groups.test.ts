import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../../../src-main/api/contract';
import {
  addDays,
  endOfWeek,
  groupFollowUps,
  groupOf,
  localToday,
  snoozeTarget,
} from '../../../../src-renderer/src/followups/followup-groups';

const f = (id: number, effectiveDue: string, doneAt: string | null = null, companyName = 'Firma'): FollowUp =>
  ({ id, effectiveDue, dueDate: effectiveDue, doneAt, companyName, title: `F${id}` }) as unknown as FollowUp;

// Friday 27 November 2026.
const TODAY = '2026-11-27';

describe('follow-up groups on "Mine opfølgninger"', () => {
  it('ends the week on Sunday, Danish style, and counts days across month and DST changes', () => {
    expect(endOfWeek(TODAY)).toBe('2026-11-29');
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29');
    expect(endOfWeek('2026-11-30')).toBe('2026-12-06');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('puts each follow-up under overdue, today, this week, later or done', () => {
    expect(groupOf(f(1, '2026-11-26'), TODAY)).toBe('overdue');
    expect(groupOf(f(2, TODAY), TODAY)).toBe('today');
    expect(groupOf(f(3, '2026-11-29'), TODAY)).toBe('week');
    expect(groupOf(f(4, '2026-11-30'), TODAY)).toBe('later');
    expect(groupOf(f(5, '2026-11-20', '2026-11-21T08:00:00Z'), TODAY)).toBe('done');
  });

  it('orders groups and sorts each by due date, then company name', () => {
    const groups = groupFollowUps(
      [f(1, '2026-12-10'), f(2, '2026-11-01', null, 'Østergaard'), f(3, '2026-11-01', null, 'Andersen'), f(4, TODAY)],
      TODAY,
    );
    expect(groups.map((g) => g.group)).toEqual(['overdue', 'today', 'later']);
    expect(groups[0]?.rows.map((r) => r.id)).toEqual([3, 2]);
  });

  it('snoozes from today, or from a due date still ahead', () => {
    expect(snoozeTarget(f(1, '2026-11-01'), TODAY, 1)).toBe('2026-11-28');
    expect(snoozeTarget(f(1, '2026-11-30'), TODAY, 7)).toBe('2026-12-07');
  });

  it('reads today in local time', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
