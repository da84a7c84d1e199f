import type { Database } from 'better-sqlite3';
import {
  WEEK_THRESHOLD_DEFAULTS,
  WEEK_THRESHOLD_MAX,
  WEEK_THRESHOLDS,
  type WeekThreshold,
  type WeekThresholds,
} from '../../../src-shared/codes/week';
import { getSetting, type SettingRule, setSetting } from '../settings/settings-repo';

const settingKey = (t: WeekThreshold) => `week.${t}`;

function isDays(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= WEEK_THRESHOLD_MAX;
}

export const WEEK_SETTING_RULES: Record<string, SettingRule> = Object.fromEntries(
  WEEK_THRESHOLDS.map((t) => [
    settingKey(t),
    { holds: isDays, notKind: 'week.setting.notDays', fallback: 'setting.fallback.default' } satisfies SettingRule,
  ]),
);

/** The thresholds "Min uge" uses; an unreadable stored value gives the default. */
export function weekThresholds(db: Database): WeekThresholds {
  const out = { ...WEEK_THRESHOLD_DEFAULTS };
  for (const t of WEEK_THRESHOLDS) {
    const stored = getSetting<unknown>(db, settingKey(t), null);
    if (isDays(stored)) out[t] = stored;
  }
  return out;
}

export function updateWeekThresholds(db: Database, changes: Partial<WeekThresholds>): WeekThresholds {
  db.transaction(() => {
    for (const t of WEEK_THRESHOLDS) {
      const v = changes[t];
      if (v !== undefined) setSetting(db, settingKey(t), v);
    }
  })();
  return weekThresholds(db);
}
