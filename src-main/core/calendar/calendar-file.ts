import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { formatDateDa, todayIso } from '../../../src-shared/format/dates';
import { get } from '../db/sql';
import { DomainError } from '../errors';
import { message } from '../messages';
import { writeReportBytes } from '../report/report-file';
import { calendarEntries, calendarEntry } from './calendar-items';
import type { CalendarFileResult, calendarItemSchema, calendarQuerySchema } from './calendar-schema';
import { calendarText } from './ics-writer';

function writeCalendar(db: Database, target: string, text: string, events: number): CalendarFileResult {
  try {
    return { ...writeReportBytes(db, target, Buffer.from(text, 'utf8'), 'calendar'), events };
  } catch (err) {
    if (err instanceof DomainError && err.key === 'report.writeFailed')
      throw new DomainError(err.code, 'calendar.writeFailed', err.params);
    throw err;
  }
}

function consultantName(db: Database, id: number | null): string {
  if (id === null) return message('calendar.everyone');
  return get<{ name: string }>(db, 'SELECT name FROM consultants WHERE id = ?', [id])?.name ?? '';
}

/** The period's calendar as text, for the file and for tests and the bench. */
export function calendarFileText(db: Database, q: z.output<typeof calendarQuerySchema>, today = todayIso()) {
  const sel = calendarEntries(db, q, today);
  const name = message('calendar.name', {
    who: consultantName(db, sel.consultantId),
    from: formatDateDa(sel.from),
    to: formatDateDa(sel.to),
  });
  return { text: calendarText(sel.entries, { name }), events: sel.entries.length };
}

/** Writes the period's calendar to a path the user chose (temporary name, then rename). */
export function writeCalendarFile(
  db: Database,
  q: z.output<typeof calendarQuerySchema>,
  target: string,
  today = todayIso(),
): CalendarFileResult {
  const { text, events } = calendarFileText(db, q, today);
  return writeCalendar(db, target, text, events);
}

/** One item's "Tilføj til kalender": a file of one entry, with the same UID as in the period export. */
export function writeCalendarItem(
  db: Database,
  ref: z.output<typeof calendarItemSchema>,
  target: string,
): CalendarFileResult {
  const entry = calendarEntry(db, ref);
  return writeCalendar(db, target, calendarText([entry], { name: entry.summary }), 1);
}
