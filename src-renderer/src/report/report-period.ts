import { todayIso } from '../../../src-shared/format/dates';
import type { ReportSettings } from '../api/types';

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

export const PERIOD_PRESETS = ['programme', 'last12', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export interface Period {
  from: string;
  to: string;
}

/** The day a year before `iso`'s next day: the last 12 months end on `iso`. */
function yearBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A preset's period; the programme year only when Settings (or the demo) set one. */
export function presetPeriod(preset: PeriodPreset, settings: ReportSettings | null, today = todayIso()): Period | null {
  if (preset === 'programme') return settings?.programmeYear ?? null;
  if (preset === 'last12') return { from: yearBefore(today), to: today };
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/**
 * The period the page opens on: the programme year when one is set; otherwise the last 12 months
 * when they hold contacts; otherwise the 12 months up to the last contact, so an old caseload does
 * not open on an empty page.
 */
export function defaultPeriod(settings: ReportSettings | null, today = todayIso()): Period {
  if (settings?.programmeYear) return settings.programmeYear;
  const last12 = { from: yearBefore(today), to: today };
  const lastContact = settings?.dataTo;
  if (!lastContact || lastContact >= last12.from) return last12;
  return { from: yearBefore(lastContact), to: lastContact };
}
