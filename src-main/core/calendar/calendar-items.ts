import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { VisitType } from '../../../src-shared/codes/visits';
import { parseDate, todayIso } from '../../../src-shared/format/dates';
import { labelKey } from '../../../src-shared/messages/code-labels';
import { all } from '../db/sql';
import { addDays } from '../domain/clock-time';
import { invalidField, notFound } from '../errors';
import { consultantExists, currentConsultant } from '../followups/current-consultant';
import { message } from '../messages';
import type { CalendarEntry, CalendarItemKind, calendarItemSchema, calendarQuerySchema } from './calendar-schema';

type Query = z.output<typeof calendarQuerySchema>;

interface Row {
  uuid: string;
  title: string | null;
  company: string;
  date: string;
  start_time: string | null;
  duration_minutes: number | null;
  type: VisitType | null;
  note: string | null;
  location: string | null;
  lag: string | null;
  updated_at: string;
}

/** A LAG deadline matters while the application is still being written. */
export const LAG_OPEN = "l.status IN ('idea', 'drafting')";

const SELECTS: Record<CalendarItemKind, string> = {
  followup: `SELECT f.uuid, f.title, c.name AS company, f.effective_due AS date, NULL AS start_time,
      NULL AS duration_minutes, NULL AS type, f.description AS note, NULL AS location, NULL AS lag, f.updated_at
    FROM followups f JOIN companies c ON c.id = f.company_id`,
  visit: `SELECT v.uuid, NULL AS title, c.name AS company, v.date, v.start_time, v.duration_minutes, v.type,
      v.notes AS note, v.location, NULL AS lag, v.updated_at
    FROM visits v JOIN companies c ON c.id = v.company_id`,
  lag: `SELECT l.uuid, l.title, c.name AS company, l.deadline AS date, NULL AS start_time, NULL AS duration_minutes,
      NULL AS type, NULL AS note, NULL AS location, o.name AS lag, l.updated_at
    FROM lag_applications l JOIN companies c ON c.id = l.company_id JOIN organisations o ON o.id = l.lag_id`,
};

function summary(kind: CalendarItemKind, r: Row): string {
  if (kind === 'visit')
    return message('calendar.summary.visit', {
      type: message(labelKey.visitType(r.type ?? 'visit')),
      company: r.company,
    });
  const key = kind === 'followup' ? 'calendar.summary.followup' : 'calendar.summary.lagDeadline';
  return message(key, { title: r.title ?? '', company: r.company });
}

function toEntry(kind: CalendarItemKind, r: Row, notes: boolean): CalendarEntry {
  return {
    kind,
    uuid: r.uuid,
    summary: summary(kind, r),
    date: r.date,
    startTime: r.start_time,
    durationMinutes: r.duration_minutes,
    // Notes are the consultant's own words about a firm: only in the file when chosen.
    description: !notes ? null : r.lag ? message('calendar.description.lag', { lag: r.lag }) : r.note,
    location: notes ? r.location : null,
    updatedAt: r.updated_at,
  };
}

function dateOrThrow(field: 'from' | 'to', text: string): string {
  const iso = parseDate(text);
  if (!iso) throw invalidField(field, 'validation.dateFormat');
  return iso;
}

/** The consultant the export is for: null means everyone's. */
export function calendarConsultantId(db: Database, consultant: Query['consultant']): number | null {
  if (consultant === 'all') return null;
  if (consultant === undefined) return currentConsultant(db)?.id ?? null;
  if (!consultantExists(db, consultant)) throw invalidField('consultant', 'calendar.unknownConsultant');
  return consultant;
}

export interface CalendarSelection {
  entries: CalendarEntry[];
  from: string;
  to: string;
  consultantId: number | null;
}

/**
 * A consultant's open follow-ups, planned visits (today or later) and the deadlines of LAG
 * applications still being written, in the period, in date order.
 */
export function calendarEntries(db: Database, q: Query, today = todayIso()): CalendarSelection {
  const from = q.from ? dateOrThrow('from', q.from) : today;
  const to = q.to ? dateOrThrow('to', q.to) : addDays(from, 365);
  if (to < from) throw invalidField('to', 'calendar.periodBackwards');
  const consultantId = calendarConsultantId(db, q.consultant);
  const mine = (alias: string) => (consultantId === null ? '' : `AND ${alias}.consultant_id = ?`);
  const who = consultantId === null ? [] : [consultantId];
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as text; Math.max would make numbers of them.
  const visitFrom = from > today ? from : today;
  const parts: Array<[CalendarItemKind, string, unknown[]]> = [
    ['followup', `WHERE f.done_at IS NULL AND f.effective_due BETWEEN ? AND ? ${mine('f')}`, [from, to, ...who]],
    ['visit', `WHERE v.date BETWEEN ? AND ? ${mine('v')}`, [visitFrom, to, ...who]],
    ['lag', `WHERE ${LAG_OPEN} AND l.deadline BETWEEN ? AND ? ${mine('l')}`, [from, to, ...who]],
  ];
  const entries = parts.flatMap(([kind, where, params]) =>
    all<Row>(db, `${SELECTS[kind]} ${where}`, params).map((r) => toEntry(kind, r, q.notes)),
  );
  entries.sort((a, b) =>
    a.date === b.date ? (a.startTime ?? '').localeCompare(b.startTime ?? '') : a.date < b.date ? -1 : 1,
  );
  return { entries, from, to, consultantId };
}

const ITEM_NAME: Record<CalendarItemKind, 'entity.followup' | 'entity.visit' | 'entity.lagApplication'> = {
  followup: 'entity.followup',
  visit: 'entity.visit',
  lag: 'entity.lagApplication',
};

/** One follow-up, visit or LAG deadline, whatever its state: the user asked for this one. */
export function calendarEntry(db: Database, ref: z.output<typeof calendarItemSchema>): CalendarEntry {
  const alias = ref.kind === 'followup' ? 'f' : ref.kind === 'visit' ? 'v' : 'l';
  const [row] = all<Row>(db, `${SELECTS[ref.kind]} WHERE ${alias}.id = ?`, [ref.id]);
  if (!row) throw notFound(ITEM_NAME[ref.kind], ref.id);
  if (!row.date) throw invalidField('id', 'calendar.noDeadline');
  return toEntry(ref.kind, row, ref.notes);
}
