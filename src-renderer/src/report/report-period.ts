import { todayIso } from '../../../src-shared/format/dates';
/** dd.mm.yyyy (or dd-mm-yyyy) on screen ↔ ISO in the API; undefined when the text is not a date. */
export function parseDaDate(text: string): string | undefined {
  const m = /^\s*(\d{1,2})[.-](\d{1,2})[.-](\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

export function toDaDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** The programme year up to today: 1 January to today (a consultant's usual question). */
export function defaultPeriod(today = new Date()): { from: string; to: string } {
  return { from: `${today.getFullYear()}-01-01`, to: todayIso(today) };
}
