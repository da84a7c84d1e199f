import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/** Migration 70 (indexes for the programme report) on the database schema 60 left. */
let at: DatabaseAt;
beforeEach(() => {
  at = databaseAt(60);
});
afterEach(() => at.close());

const TABLES = ['companies', 'visits', 'lag_applications', 'knowledge_contacts', 'referrals'];
const YEAR = "BETWEEN '2012-01-01' AND '2012-12-31'";
/** Each report figure: the distinct firms with a dated row in the period. */
const FIGURES = [
  ['visits_date_company', `SELECT count(DISTINCT company_id) FROM visits WHERE date ${YEAR}`],
  ['referrals_sent_company', `SELECT count(DISTINCT company_id) FROM referrals WHERE sent_at ${YEAR}`],
  [
    'knowledge_contacts_date_company',
    `SELECT count(DISTINCT company_id) FROM knowledge_contacts WHERE contact_on ${YEAR}`,
  ],
  ['lag_applications_submitted', `SELECT count(DISTINCT company_id) FROM lag_applications WHERE submitted_at ${YEAR}`],
] as const;
const plan = (sql: string) =>
  (at.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');

describe('migration 70 (report) on a schema-60 database', () => {
  it('adds the report indexes and nothing else, and keeps every row', () => {
    const before = schemaObjects(at.db);
    const rows = rowsOf(at.db, TABLES);
    expect(migrate(at.db, 70)).toBe(70);
    expect(schemaChange(before, schemaObjects(at.db))).toEqual({
      added: [
        'index companies_report',
        'index knowledge_contacts_date_company',
        'index lag_applications_submitted',
        'index referrals_sent_company',
        'index visits_date_company',
      ],
      removed: [],
      changed: [],
    });
    expect(rowsOf(at.db, TABLES)).toEqual(kept(rows));
  });

  it('answers each figure of a year from its index alone, with the same count as before', () => {
    const counts = FIGURES.map(([, sql]) => at.db.prepare(sql).pluck().get());
    // The fixture's firm 1 had a visit, a referral, a knowledge contact and a LAG application in 2012.
    expect(counts).toEqual([1, 1, 1, 1]);
    migrate(at.db, 70);
    for (const [index, sql] of FIGURES) {
      expect(plan(sql)).toContain(`USING COVERING INDEX ${index}`);
      expect(at.db.prepare(sql).pluck().get()).toBe(1);
    }
    // The report reads the firms of those rows (by INDEXED BY) from the narrow index, not the whole rows.
    const firms = `SELECT c.kommune_code, c.consultant_id, c.industry_code, c.employees, c.cvr, c.name_sort
      FROM visits v JOIN companies c INDEXED BY companies_report ON c.id = v.company_id WHERE v.date ${YEAR}`;
    expect(plan(firms)).toContain('USING COVERING INDEX companies_report (id=?)');
    expect(at.db.prepare(firms).all()).toEqual([
      {
        kommune_code: 710,
        consultant_id: 1,
        industry_code: '471100',
        employees: 3,
        cvr: '13748136',
        name_sort: 'ådalens gårdbutik',
      },
    ]);
  });
});
