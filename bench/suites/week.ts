import type { WeekData } from '../../src-main/core/week/week-types';
import type { Figure } from '../lib/figures';
import { measure } from '../lib/stats';
import type { Store } from '../lib/store';

/**
 * "Min uge", the start page: one consultant's week through the API (what the page waits for)
 * against the same five lists as bare SQL counts, and everyone's week for the coordinator. The
 * week is seen from the generated caseload's last visit, so its lists are full.
 */
export async function weekFigures(store: Store, size: number, runs: number): Promise<Figure[]> {
  const { db } = store;
  const on = (db.prepare('SELECT max(date) AS d FROM visits').get() as { d: string | null }).d ?? '2011-10-17';
  // The consultant with most open follow-ups: the fullest week.
  const busiest = db
    .prepare(
      `SELECT consultant_id AS id FROM followups WHERE done_at IS NULL AND consultant_id IS NOT NULL
        GROUP BY consultant_id ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { id: number } | undefined;
  const consultantId = busiest?.id ?? 1;
  let last: WeekData | null = null;
  const mine = await measure(
    async () => {
      last = await store.call<WeekData>('week.get', { scope: 'all', consultantId, on });
    },
    { runs },
  );
  const weekEnd = last ? (last as WeekData).weekEnd : on;
  const bare = [
    db.prepare('SELECT count(*) FROM followups WHERE done_at IS NULL AND consultant_id = ? AND effective_due <= ?'),
    db.prepare(
      'SELECT count(*) FROM companies WHERE consultant_id = ? AND last_contact IS NULL AND next_followup <= ?',
    ),
    db.prepare("SELECT count(*) FROM referrals WHERE consultant_id = ? AND status = 'sent' AND sent_at < ?"),
    db.prepare('SELECT count(*) FROM lag_applications WHERE consultant_id = ? AND deadline <= ?'),
    db.prepare("SELECT count(*) FROM companies WHERE consultant_id = ? AND status <> 'closed' AND last_contact <= ?"),
  ];
  const bareTiming = await measure(
    () => {
      for (const s of bare) s.get(consultantId, weekEnd);
    },
    { runs },
  );
  let everyoneData: WeekData | null = null;
  const everyone = await measure(
    async () => {
      everyoneData = await store.call<WeekData>('week.get', { scope: 'all', on });
    },
    { runs: Math.max(3, Math.floor(runs / 4)) },
  );
  const counts = (w: WeekData | null) =>
    w
      ? `${w.followups.total} follow-ups, ${w.visits.total} planned visits, ${w.referrals.total} referrals, ${w.lag.total} LAG, ${w.quiet.total} quiet firms`
      : '';
  return [
    {
      size,
      name: 'Min uge: one consultant’s week (week.get)',
      timing: mine,
      baseline: { name: 'the five lists as bare counts', timing: bareTiming },
      target: { ms: 50 },
      extra: `seen from ${on}: ${counts(last)}`,
    },
    {
      size,
      name: 'Min uge: everyone’s week (week.get, all consultants)',
      timing: everyone,
      extra: counts(everyoneData),
    },
  ];
}
