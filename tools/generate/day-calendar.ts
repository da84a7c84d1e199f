const DAY_MS = 86_400_000;
const isoCache = new Map<number, string>();

/** Days since 1970-01-01 for an ISO date. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

/**
 * The ISO date of a day number. Memoised: the generator writes about a million dates that fall
 * on a few thousand distinct days, and formatting each one anew was a measurable share of its time.
 */
export function isoDay(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}
