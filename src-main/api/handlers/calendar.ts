import { writeCalendarFile, writeCalendarItem } from '../../core/calendar/calendar-file';
import { dueReminders, reminderSettings, updateReminderSettings } from '../../core/calendar/reminders';
import { chosenPaths } from '../chosen-paths';
import type { calendarContract } from '../contract/calendar';
import type { AreaHandlers } from './types';

export const calendarHandlers: AreaHandlers<typeof calendarContract> = {
  'calendar.export': ({ path, ...query }, ctx) => writeCalendarFile(ctx.db, query, chosenPaths.fileToWrite(ctx, path)),
  'calendar.item': ({ path, ...ref }, ctx) => writeCalendarItem(ctx.db, ref, chosenPaths.fileToWrite(ctx, path)),
  'reminders.due': (input, { db }) => dueReminders(db, input),
  'reminders.settings': (_, { db }) => reminderSettings(db),
  'reminders.updateSettings': (input, { db }) => updateReminderSettings(db, input),
};
