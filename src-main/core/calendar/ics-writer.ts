import ICAL from 'ical.js';
import type { CalendarEntry } from './calendar-schema';

/**
 * iCalendar text (RFC 5545) made with ical.js, which escapes text values (commas, semicolons,
 * backslashes, newlines) and folds long lines by UTF-8 octets, so æ, ø and å never split.
 */

export const CALENDAR_ZONE = 'Europe/Copenhagen';

/**
 * The zone's rules since 1996 (EU summer time): Outlook needs the VTIMEZONE in the file to place a
 * TZID time, and Google and Thunderbird accept it too.
 */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${CALENDAR_ZONE}`,
  `X-LIC-LOCATION:${CALENDAR_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** A visit with a start time but no length fills an hour in the calendar. */
const DEFAULT_MINUTES = 60;

/** Seconds since 2020: grows with every change of the record and fits SEQUENCE's integer. */
const SEQUENCE_EPOCH = Date.UTC(2020, 0, 1);

export function calendarUid(entry: Pick<CalendarEntry, 'kind' | 'uuid'>): string {
  return `${entry.kind}-${entry.uuid}@bindeled`;
}

function utc(stamp: string | Date): ICAL.Time {
  const d = typeof stamp === 'string' ? new Date(stamp) : stamp;
  return ICAL.Time.fromJSDate(Number.isNaN(d.getTime()) ? new Date(0) : d, true);
}

function sequence(updatedAt: string): number {
  const ms = Date.parse(updatedAt);
  return Number.isNaN(ms) ? 0 : Math.max(0, Math.floor((ms - SEQUENCE_EPOCH) / 1000));
}

function event(entry: CalendarEntry, now: Date): ICAL.Component {
  const ev = new ICAL.Component('vevent');
  ev.addPropertyWithValue('uid', calendarUid(entry));
  ev.addPropertyWithValue('dtstamp', utc(now));
  ev.addPropertyWithValue('last-modified', utc(entry.updatedAt));
  ev.addPropertyWithValue('sequence', sequence(entry.updatedAt));
  ev.addPropertyWithValue('summary', entry.summary);
  if (entry.startTime) {
    const start = ICAL.Time.fromDateTimeString(`${entry.date}T${entry.startTime}:00`);
    const end = start.clone();
    end.adjust(0, 0, entry.durationMinutes || DEFAULT_MINUTES, 0);
    for (const [name, time] of [
      ['dtstart', start],
      ['dtend', end],
    ] as const) {
      const p = new ICAL.Property(name);
      p.setParameter('tzid', CALENDAR_ZONE);
      p.setValue(time);
      ev.addProperty(p);
    }
  } else {
    const start = ICAL.Time.fromDateString(entry.date);
    const end = start.clone();
    end.adjust(1, 0, 0, 0);
    ev.addPropertyWithValue('dtstart', start);
    ev.addPropertyWithValue('dtend', end);
    // A reminder of a day's task, not time taken out of it.
    ev.addPropertyWithValue('transp', 'TRANSPARENT');
  }
  if (entry.location) ev.addPropertyWithValue('location', entry.location);
  if (entry.description) ev.addPropertyWithValue('description', entry.description);
  return ev;
}

/** The whole file; `name` is the calendar's name in clients that show one (X-WR-CALNAME). */
export function calendarText(entries: readonly CalendarEntry[], opts: { name: string; now?: Date }): string {
  const now = opts.now ?? new Date();
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('prodid', '-//Bindeled//Bindeled//DA');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  cal.addPropertyWithValue('method', 'PUBLISH');
  cal.addPropertyWithValue('x-wr-calname', opts.name);
  cal.addPropertyWithValue('x-wr-timezone', CALENDAR_ZONE);
  cal.addSubcomponent(new ICAL.Component(ICAL.parse(VTIMEZONE)));
  for (const e of entries) cal.addSubcomponent(event(e, now));
  // ical.js counts the 75 octets without the continuation's leading space; one less keeps every
  // physical line within RFC 5545's 75. Set and restored within this synchronous call.
  const fold = ICAL.foldLength;
  ICAL.foldLength = 74;
  try {
    return `${cal.toString()}\r\n`;
  } finally {
    ICAL.foldLength = fold;
  }
}
