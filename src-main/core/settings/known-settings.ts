import type { Database } from 'better-sqlite3';
import { ATTACHMENT_SETTING_RULES } from '../attachments/attachment-settings';
import { REMINDER_SETTING_RULES } from '../calendar/reminders';
import { LETTERHEAD_SETTING_RULES } from '../documents/letterhead';
import { PDF_SETTING_RULES } from '../documents/pdf';
import { PRIVACY_SETTING_RULES } from '../privacy/privacy-settings';
import { REPORT_SETTING_RULES } from '../report/report-settings';
import { WEEK_SETTING_RULES } from '../week/week-settings';
import { type SettingProblem, type SettingRule, settingProblems, USER_SETTING_RULES } from './settings-repo';

/** Every setting this version of Bindeled writes, with what it must hold. */
export const KNOWN_SETTING_RULES: Readonly<Record<string, SettingRule>> = {
  ...USER_SETTING_RULES,
  ...LETTERHEAD_SETTING_RULES,
  ...PRIVACY_SETTING_RULES,
  ...ATTACHMENT_SETTING_RULES,
  ...REMINDER_SETTING_RULES,
  ...REPORT_SETTING_RULES,
  ...PDF_SETTING_RULES,
  ...WEEK_SETTING_RULES,
};

/** Stored settings Bindeled cannot use (edited by hand), for `check` and the Settings page. */
export function unreadableSettings(db: Database): SettingProblem[] {
  return settingProblems(db, KNOWN_SETTING_RULES);
}
