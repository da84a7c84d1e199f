import { calendarFileText } from '../../src-main/core/calendar/calendar-file';
import { addDays } from '../../src-main/core/domain/clock-time';
import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';
import type { Store } from '../lib/store';

/**
 * One consultant's year as an .ics file: the consultant with the most open follow-ups, over the
 * year from their first due date (and "today" moved there, so the year's visits count as planned),
 * against reading the same rows with bare SQL.
 */
export async function calendarFigures(store: Store, size: number, runs: number): Promise<Figure[]> {
  const { db } = store;
  const busiest = db
    .prepare(
      `SELECT consultant_id AS id, min(effective_due) AS first FROM followups
       WHERE done_at IS NULL AND consultant_id IS NOT NULL GROUP BY consultant_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { id: number; first: string } | undefined;
  if (!busiest) return [{ size, name: "one consultant's year as .ics", note: 'no open follow-ups generated' }];
  const from = busiest.first;
  const to = addDays(from, 365);
  const bare = () => {
    const p = [from, to, busiest.id];
    db.prepare(
      `SELECT f.uuid, f.title, c.name, f.effective_due, f.updated_at FROM followups f JOIN companies c ON c.id = f.company_id
       WHERE f.done_at IS NULL AND f.effective_due BETWEEN ? AND ? AND f.consultant_id = ?`,
    ).all(p);
    db.prepare(
      `SELECT v.uuid, v.type, c.name, v.date, v.start_time, v.duration_minutes, v.updated_at FROM visits v
       JOIN companies c ON c.id = v.company_id WHERE v.date BETWEEN ? AND ? AND v.consultant_id = ?`,
    ).all(p);
    db.prepare(
      `SELECT l.uuid, l.title, c.name, l.deadline, l.updated_at FROM lag_applications l JOIN companies c ON c.id = l.company_id
       WHERE l.status IN ('idea', 'drafting') AND l.deadline BETWEEN ? AND ? AND l.consultant_id = ?`,
    ).all(p);
  };
  const bareTiming = await measure(bare, { runs });
  let events = 0;
  let bytes = 0;
  const timing = await measure(
    () => {
      const r = calendarFileText(db, { consultant: busiest.id, from, to, notes: false }, from);
      events = r.events;
      bytes = Buffer.byteLength(r.text);
    },
    { runs },
  );
  return [
    {
      size,
      name: "one consultant's year as .ics (follow-ups, visits, LAG deadlines)",
      timing,
      baseline: { name: 'reading the same rows with bare SQL', timing: bareTiming },
      target: { ms: 1000 },
      extra: `${events} entries, ${(bytes / 1024).toFixed(0)} KB`,
    },
  ];
}
