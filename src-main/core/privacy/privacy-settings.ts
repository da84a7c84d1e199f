import type { Database } from 'better-sqlite3';
import { getSetting, type SettingRule, setSetting } from '../settings/settings-repo';
import type { PrivacySettings } from './privacy-types';

export const PRIVACY_DEFAULTS: PrivacySettings = { retentionYears: 5, accessLogRetentionYears: 2 };

const KEYS = {
  retentionYears: 'privacy.retentionYears',
  accessLogRetentionYears: 'privacy.accessLogRetentionYears',
} as const;

function isYears(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 50;
}

function years(value: unknown, fallback: number): number {
  return isYears(value) ? value : fallback;
}

const YEARS_SETTING: SettingRule = {
  holds: isYears,
  notKind: 'setting.notYears',
  fallback: 'setting.fallback.default',
};
export const PRIVACY_SETTING_RULES: Record<string, SettingRule> = {
  [KEYS.retentionYears]: YEARS_SETTING,
  [KEYS.accessLogRetentionYears]: YEARS_SETTING,
};

export function privacySettings(db: Database): PrivacySettings {
  return {
    retentionYears: years(getSetting<unknown>(db, KEYS.retentionYears, null), PRIVACY_DEFAULTS.retentionYears),
    accessLogRetentionYears: years(
      getSetting<unknown>(db, KEYS.accessLogRetentionYears, null),
      PRIVACY_DEFAULTS.accessLogRetentionYears,
    ),
  };
}

export function updatePrivacySettings(db: Database, changes: Partial<PrivacySettings>): PrivacySettings {
  db.transaction(() => {
    if (changes.retentionYears !== undefined) setSetting(db, KEYS.retentionYears, changes.retentionYears);
    if (changes.accessLogRetentionYears !== undefined)
      setSetting(db, KEYS.accessLogRetentionYears, changes.accessLogRetentionYears);
  })();
  return privacySettings(db);
}

/** `now` minus whole years, as an ISO date-time (29 February falls back to the 28th). */
export function yearsBefore(now: Date, years: number): string {
  const d = new Date(now.getTime());
  const month = d.getUTCMonth();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCMonth() !== month) d.setUTCDate(0);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
