import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { todayIso } from '../../../src-shared/format/dates';
import { REMINDER_DEFAULTS, type ReminderItem, type ReminderSettings } from '../../../src-shared/reminders/schedule';
import { all } from '../db/sql';
import { addDays, parseClockTime } from '../domain/clock-time';
import { invalidField } from '../errors';
import { getSetting, type SettingRule, setSetting } from '../settings/settings-repo';
import { calendarConsultantId, LAG_OPEN } from './calendar-items';
import type { reminderDueSchema, reminderSettingsSchema } from './calendar-schema';

/** How far ahead a LAG deadline is worth a reminder: time enough to finish the application. */
const LAG_DAYS_AHEAD = 7;

const KEYS = { enabled: 'reminders.enabled', time: 'reminders.time' } as const;

const isTime = (v: unknown): v is string => typeof v === 'string' && parseClockTime(v) === v;

export const REMINDER_SETTING_RULES: Record<string, SettingRule> = {
  [KEYS.enabled]: {
    holds: (v) => typeof v === 'boolean',
    notKind: 'setting.notBoolean',
    fallback: 'setting.fallback.on',
  },
  [KEYS.time]: { holds: isTime, notKind: 'setting.notReminderTime', fallback: 'setting.fallback.reminderTime' },
};

/** On unless turned off: a tool whose job is not to forget reminds by default. */
export function reminderSettings(db: Database): ReminderSettings {
  const enabled = getSetting<unknown>(db, KEYS.enabled, REMINDER_DEFAULTS.enabled);
  const time = getSetting<unknown>(db, KEYS.time, REMINDER_DEFAULTS.time);
  return {
    enabled: typeof enabled === 'boolean' ? enabled : REMINDER_DEFAULTS.enabled,
    time: isTime(time) ? time : REMINDER_DEFAULTS.time,
  };
}

export function updateReminderSettings(
  db: Database,
  changes: z.output<typeof reminderSettingsSchema>,
): ReminderSettings {
  const time = changes.time === undefined ? undefined : parseClockTime(changes.time);
  if (changes.time !== undefined && !time) throw invalidField('time', 'reminders.settings.timeInvalid');
  db.transaction(() => {
    if (changes.enabled !== undefined) setSetting(db, KEYS.enabled, changes.enabled);
    if (time) setSetting(db, KEYS.time, time);
  })();
  return reminderSettings(db);
}

/** Open follow-ups due today and LAG deadlines from today to a week ahead, for the consultant. */
export function dueReminders(db: Database, q: z.output<typeof reminderDueSchema>, today = todayIso()): ReminderItem[] {
  const consultantId = calendarConsultantId(db, q.consultant);
  const mine = (alias: string) => (consultantId === null ? '' : `AND ${alias}.consultant_id = ?`);
  const who = consultantId === null ? [] : [consultantId];
  const followups = all<ReminderItem>(
    db,
    `SELECT 'followup' AS kind, f.id, f.company_id AS companyId, c.name AS company, f.title, f.effective_due AS date
     FROM followups f JOIN companies c ON c.id = f.company_id
     WHERE f.done_at IS NULL AND f.effective_due = ? ${mine('f')} ORDER BY c.name_sort, f.id`,
    [today, ...who],
  );
  const lag = all<ReminderItem>(
    db,
    `SELECT 'lag' AS kind, l.id, l.company_id AS companyId, c.name AS company, l.title, l.deadline AS date
     FROM lag_applications l JOIN companies c ON c.id = l.company_id
     WHERE ${LAG_OPEN} AND l.deadline BETWEEN ? AND ? ${mine('l')} ORDER BY l.deadline, l.id`,
    [today, addDays(today, LAG_DAYS_AHEAD), ...who],
  );
  return [...followups, ...lag];
}
