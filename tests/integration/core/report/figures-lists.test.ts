import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../src-main/core/db/open';
import { reportCompanies } from '../../../../src-main/core/report/report-companies';
import { programmeReport } from '../../../../src-main/core/report/report-query';
import {
  BREAKDOWNS,
  KPI_KEYS,
  QUALITY_KEYS,
  type ReportQuery,
  reportListSchema,
} from '../../../../src-main/core/report/report-schema';
import { generateCaseload } from '../../../../tools/generate/generate-caseload';

/**
 * Every figure of the report links to the list of firms behind it (docs/domain.md). The report adds its
 * figures up in one pass (report-query.ts); the lists count each figure's own DISTINCT set of firms
 * (kpi-sql.ts KPI_COMPANIES). On a generated programme the two must agree for every figure, every
 * bar of every breakdown and every data-quality check, whatever the period or filter.
 */
let db: Database;
beforeAll(() => {
  db = openDatabase(':memory:');
  generateCaseload(db, { companies: 600, seed: 2011, noteWords: [5, 10] });
  // A firm with a duplicate name, one without a kommune or industry, and one outside the programme.
  db.exec(`UPDATE companies SET name_sort = (SELECT name_sort FROM companies WHERE id = 1) WHERE id = 2;
    UPDATE companies SET kommune_code = NULL, industry_code = NULL, employees = NULL WHERE id = 3;
    UPDATE companies SET employees = 25 WHERE id = 4;`);
});
afterAll(() => db.close());

const listTotal = (q: ReportQuery, list: string, breakdown?: string, key?: string) =>
  reportCompanies(db, reportListSchema.parse({ ...q, list, breakdown, key, limit: 1 })).total;

function expectFiguresMatchLists(q: ReportQuery): void {
  const r = programmeReport(db, q);
  expect(r.totals.companies_contacted).toBeGreaterThan(0);
  for (const kpi of KPI_KEYS) {
    if (kpi === 'networks_founded') continue;
    expect([kpi, r.totals[kpi]]).toEqual([kpi, listTotal(q, kpi)]);
    for (const b of BREAKDOWNS) {
      for (const row of r.breakdowns[b]) {
        expect([kpi, b, row.key, row.values[kpi]]).toEqual([kpi, b, row.key, listTotal(q, kpi, b, row.key)]);
      }
    }
  }
  for (const check of QUALITY_KEYS) {
    expect([check, r.quality[check]]).toEqual([check, listTotal(q, `quality_${check}`)]);
  }
}

describe('report figures and the lists behind them', () => {
  it('agree for one year, the whole programme and a single day', () => {
    expectFiguresMatchLists({ from: '2011-01-01', to: '2011-12-31' });
    expectFiguresMatchLists({ from: '2010-01-01', to: '2012-12-31' });
    expectFiguresMatchLists({ from: '2011-03-01', to: '2011-06-30', asOf: '2011-04-15' });
  });

  it('agree with a kommune or consultant filter', () => {
    const kommuner = db
      .prepare('SELECT DISTINCT kommune_code FROM companies WHERE kommune_code IS NOT NULL LIMIT 2')
      .pluck()
      .all() as number[];
    const consultants = db.prepare('SELECT id FROM consultants LIMIT 2').pluck().all() as number[];
    expectFiguresMatchLists({ from: '2011-01-01', to: '2011-12-31', kommuneCodes: kommuner });
    expectFiguresMatchLists({ from: '2011-01-01', to: '2011-12-31', consultantIds: consultants });
  });
});
