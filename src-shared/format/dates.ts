/** Dates: ISO `YYYY-MM-DD` in storage and files, Danish `dd.mm.yyyy` on screen, "17. oktober 2011" in letters (docs/domain.md). */
const MONTHS_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
] as const;

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Accepts `dd.mm.yyyy`, `dd-mm-yyyy`, `d/m/yyyy` and ISO; returns ISO or undefined. */
export function parseDate(input: string): string | undefined {
  const s = input.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? iso(y, mo, d) : undefined;
  }
  m = /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.exec(s);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? iso(y, mo, d) : undefined;
  }
  return undefined;
}

/**
 * Why a typed date was refused: a real date's shape with no such day (32.13.2026) is told apart
 * from text that is no date at all, so the consultant knows whether to fix a digit or the format.
 */
export function dateProblem(input: string): 'validation.dateNotReal' | 'validation.dateFormat' {
  const s = input.trim();
  const shaped = /^(\d{4})-(\d{2})-(\d{2})$/.test(s) || /^(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})$/.test(s);
  return shaped ? 'validation.dateNotReal' : 'validation.dateFormat';
}

export function formatDateDa(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : isoDate;
}

export function formatLetterDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${Number(m[3])}. ${MONTHS_DA[Number(m[2]) - 1]} ${m[1]}`;
}

/** Today's date in local time as ISO: a visit at 23:30 belongs to today, not to UTC's tomorrow. */
export function todayIso(now = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** The ISO 8601 week number (Danish calendars count weeks this way: week 1 holds the first Thursday). */
export function isoWeekNumber(isoDate: string): number {
  const d = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}
