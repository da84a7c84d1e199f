import { z } from 'zod';
import type { ReminderItem, ReminderSettings } from '../../../src-shared/reminders/schedule';
import {
  type CalendarFileResult,
  calendarItemSchema,
  calendarQuerySchema,
  reminderDueSchema,
  reminderSettingsSchema,
} from '../../core/calendar/calendar-schema';
import { method, NO_ACCESS_LOG } from './define';

const path = z.string().min(1).max(1000);
const writesFile = { access: 'export', facts: (_: unknown, o: CalendarFileResult) => ({ file: o.path }) } as const;

/** Calendar files (.ics) and the reminders of what is due. */
export const calendarContract = {
  /** A period's follow-ups, planned visits and LAG deadlines, written to a path from `files.chooseSave`. */
  'calendar.export': method(calendarQuerySchema.extend({ path })).returns<CalendarFileResult>(writesFile),
  /** "Tilføj til kalender": one follow-up, visit or LAG deadline as a file of one entry. */
  'calendar.item': method(calendarItemSchema.extend({ path })).returns<CalendarFileResult>(writesFile),
  'reminders.due': method(reminderDueSchema).returns<ReminderItem[]>(NO_ACCESS_LOG),
  'reminders.settings': method(z.object({})).returns<ReminderSettings>(NO_ACCESS_LOG),
  'reminders.updateSettings': method(reminderSettingsSchema).returns<ReminderSettings>(NO_ACCESS_LOG),
} as const;

export type { ReminderItem, ReminderNotice, ReminderSettings } from '../../../src-shared/reminders/schedule';
export type { CalendarFileResult, CalendarItemKind } from '../../core/calendar/calendar-schema';
