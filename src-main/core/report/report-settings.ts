import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { KPI_KEYS, type KpiKey } from '../../../src-shared/codes/report';
import { get, run } from '../db/sql';
import { invalidField } from '../errors';
import { getSetting, type SettingRule, setSetting } from '../settings/settings-repo';
import {
  ISO,
  type ProgrammeYear,
  type ReportSettings,
  type ReportTargets,
  reportSettingsUpdateSchema,
} from './report-settings-schema';

export type { ProgrammeYear, ReportSettings, ReportTargets } from './report-settings-schema';
export { reportSettingsUpdateSchema };

/** The press release of 17 October 2011 (docs/domain.md), which the demo reproduces exactly. */
export const DEMO_PROGRAMME_YEAR = { from: '2010-10-01', to: '2011-10-17' } as const;
export const DEMO_TARGETS: Readonly<Record<KpiKey, number>> = {
  companies_contacted: 850,
  referred_vaeksthus: 81,
  vaeksthus_grants: 10,
  lag_applications: 62,
  knowledge_contacts: 118,
  networks_founded: 12,
};

function isProgrammeYear(v: unknown): v is ProgrammeYear {
  if (typeof v !== 'object' || v === null) return false;
  const { from, to } = v as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' && ISO.test(from) && ISO.test(to) && from <= to;
}

function isTargets(v: unknown): v is ReportTargets {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.entries(v).every(
    ([k, n]) => (KPI_KEYS as readonly string[]).includes(k) && typeof n === 'number' && Number.isInteger(n) && n >= 0,
  );
}

export const REPORT_SETTING_RULES: Record<string, SettingRule> = {
  'report.programmeYear': {
    holds: isProgrammeYear,
    notKind: 'report.setting.notPeriod',
    fallback: 'setting.fallback.default',
  },
  'report.targets': { holds: isTargets, notKind: 'report.setting.notTargets', fallback: 'setting.fallback.empty' },
};

export function readReportSettings(db: Database): ReportSettings {
  const year = getSetting<unknown>(db, 'report.programmeYear', null);
  const targets = getSetting<unknown>(db, 'report.targets', {});
  // Contacts carry the report's main figure; the first and last of them bound "the period that has data".
  const span = get<{ first: string | null; last: string | null }>(
    db,
    'SELECT min(date) AS first, max(date) AS last FROM visits',
  );
  return {
    programmeYear: isProgrammeYear(year) ? { from: year.from, to: year.to } : null,
    targets: isTargets(targets) ? targets : {},
    dataFrom: span?.first ?? null,
    dataTo: span?.last ?? null,
  };
}

export function updateReportSettings(
  db: Database,
  changes: z.output<typeof reportSettingsUpdateSchema>,
): ReportSettings {
  const year = changes.programmeYear;
  if (year && year.from > year.to) throw invalidField('programmeYear.to', 'report.periodOrder');
  db.transaction(() => {
    if (changes.programmeYear === null) run(db, "DELETE FROM settings WHERE key = 'report.programmeYear'");
    else if (changes.programmeYear !== undefined) setSetting(db, 'report.programmeYear', changes.programmeYear);
    if (changes.targets !== undefined) setSetting(db, 'report.targets', changes.targets);
  })();
  return readReportSettings(db);
}
