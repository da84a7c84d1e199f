/**
 * Which backups to keep: everything from the last 24 hours (so the backup taken before this
 * morning's import survives this afternoon's), the newest backup of each of the 14 most recent
 * days that have one, and the newest of each of the 8 most recent ISO weeks that have one.
 * The same rule as restic's keep-within / keep-daily / keep-weekly; days and weeks are UTC so the
 * rule does not depend on the machine's time zone.
 *
 * Over all of that sits a hard age cap: a backup taken more than `maxAgeWeeks` weeks before now
 * is never kept, not even the newest one. "The 8 most recent weeks that have a backup" alone
 * would keep a backup from a year ago for a consultant who opens the app once a month, and
 * docs/privacy.md promises that no backup is older than 8 weeks.
 */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  keepWithinHours: number;
  maxAgeWeeks: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 14, weekly: 8, keepWithinHours: 24, maxAgeWeeks: 8 };

const WEEK_MS = 7 * 86_400_000;

/** The oldest moment a backup may have been taken and still be kept. */
export function oldestKept(now: Date, policy: RotationPolicy = DEFAULT_ROTATION): Date {
  return new Date(now.getTime() - policy.maxAgeWeeks * WEEK_MS);
}

export function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** ISO 8601 week, e.g. "2024-W18" (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekKey(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The backups the policy keeps; the caller deletes the rest. Input order does not matter. */
export function backupsToKeep<T extends { at: Date }>(
  backups: readonly T[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
): Set<T> {
  const cap = oldestKept(now, policy).getTime();
  const newestFirst = backups.filter((b) => b.at.getTime() >= cap).sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set<T>();
  const within = now.getTime() - policy.keepWithinHours * 3_600_000;
  for (const b of newestFirst) if (b.at.getTime() >= within) keep.add(b);
  const bucket = (key: (at: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      if (seen.size >= count) break;
      const k = key(b.at);
      if (seen.has(k)) continue;
      seen.add(k);
      keep.add(b);
    }
  };
  bucket(dayKey, policy.daily);
  bucket(isoWeekKey, policy.weekly);
  return keep;
}

export function backupsToDelete<T extends { at: Date }>(
  backups: readonly T[],
  now: Date,
  policy: RotationPolicy = DEFAULT_ROTATION,
): T[] {
  const keep = backupsToKeep(backups, now, policy);
  return backups.filter((b) => !keep.has(b));
}
