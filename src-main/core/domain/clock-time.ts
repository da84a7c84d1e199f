/** Times of day as `HH:MM` (24-hour); Danes often write "10.30", so a dot is accepted on input. */
export function parseClockTime(input: string): string | undefined {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(input.trim());
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

export function minutesOfDay(time: string): number {
  const [h = '0', m = '0'] = time.split(':');
  return Number(h) * 60 + Number(m);
}

/** The end time of something starting at `start` and lasting `minutes`, or null past midnight. */
export function endTimeOf(start: string, minutes: number): string | null {
  const end = minutesOfDay(start) + minutes;
  if (end >= 24 * 60) return null;
  return `${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

/** Adds days to an ISO date (UTC arithmetic, so no daylight-saving surprises). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
