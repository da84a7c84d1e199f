import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/core/db/migrate';
import { danishSortKey } from '../../../src-main/core/domain/sort-key';
import { type DatabaseAt, databaseAt, kept, rowsOf, schemaChange, schemaObjects } from './schema-at';

/**
 * Migration 250 keeps the firm's sort key on referrals and LAG applications for the pipelines, and
 * adds the indexes "Min uge" counts and pages from.
 */
let at: DatabaseAt | undefined;
afterEach(() => at?.close());

const TABLES = ['referrals', 'lag_applications'] as const;

const sortKeys = (at: DatabaseAt, table: string) =>
  at.db.prepare(`SELECT id, company_id AS companyId, company_sort AS sort FROM ${table} ORDER BY id`).all() as Array<{
    id: number;
    companyId: number;
    sort: string | null;
  }>;

const nameSort = (at: DatabaseAt, companyId: number) =>
  at.db.prepare('SELECT name_sort FROM companies WHERE id = ?').pluck().get(companyId) as string;

describe('migration 250 on a schema-240 database', () => {
  it('adds the sort key with its indexes and triggers, fills it from the firms, and keeps every row', () => {
    at = databaseAt(240);
    const { db } = at;
    const before = schemaObjects(db);
    const rows = rowsOf(db, ['companies', ...TABLES]);
    migrate(db, 250);
    expect(schemaChange(before, schemaObjects(db))).toEqual({
      added: [
        'index companies_week_planned',
        'index companies_week_quiet',
        'index lag_applications_company_sort',
        'index lag_applications_company_sort_desc',
        'index lag_applications_deadline_sort',
        'index lag_applications_submitted_sort',
        'index lag_applications_week',
        'index referrals_company_sort',
        'index referrals_company_sort_desc',
        'index referrals_sent_sort',
        'index referrals_week',
        'trigger companies_pipeline_sort_update',
        'trigger lag_applications_company_sort_insert',
        'trigger lag_applications_company_sort_update',
        'trigger referrals_company_sort_insert',
        'trigger referrals_company_sort_update',
      ],
      removed: [],
      changed: ['table lag_applications', 'table referrals'],
    });
    expect(rowsOf(db, ['companies', ...TABLES])).toEqual(kept(rows));
    for (const table of TABLES) {
      const keys = sortKeys(at, table);
      expect(keys.length).toBeGreaterThan(0);
      for (const k of keys) expect(k.sort).toBe(nameSort(at, k.companyId));
    }
  });

  it('follows a firm renamed or anonymised, a row moved to another firm, and refuses another value', () => {
    at = databaseAt(240);
    const { db } = at;
    migrate(db, 250);
    const [first] = sortKeys(at, 'referrals');
    if (!first) throw new Error('the fixture has a referral');
    const other = db.prepare('SELECT id FROM companies WHERE id <> ? ORDER BY id LIMIT 1').pluck().get(first.companyId);
    const rename = db.prepare('UPDATE companies SET name = ?, name_sort = ? WHERE id = ?');

    rename.run('Øster Æblemost', danishSortKey('Øster Æblemost'), first.companyId);
    for (const table of TABLES) {
      for (const k of sortKeys(at, table).filter((r) => r.companyId === first.companyId)) {
        expect(k.sort).toBe(danishSortKey('Øster Æblemost'));
      }
    }

    // A merge moves the merged firm's rows to the firm it keeps.
    db.prepare('UPDATE referrals SET company_id = ? WHERE id = ?').run(other, first.id);
    expect(sortKeys(at, 'referrals').find((r) => r.id === first.id)?.sort).toBe(nameSort(at, Number(other)));

    db.prepare(`UPDATE referrals SET company_sort = 'a' WHERE id = ?`).run(first.id);
    expect(sortKeys(at, 'referrals').find((r) => r.id === first.id)?.sort).toBe(nameSort(at, Number(other)));

    // A row inserted without the key gets it.
    const copy = db
      .prepare(
        `INSERT INTO referrals(uuid, company_id, organisation_id, reason, created_at, updated_at)
         SELECT 'copy-of-first', company_id, organisation_id, reason, created_at, updated_at FROM referrals WHERE id = ?
         RETURNING id`,
      )
      .pluck()
      .get(first.id);
    expect(sortKeys(at, 'referrals').find((r) => r.id === copy)?.sort).toBe(nameSort(at, Number(other)));
  });

  it('reads a pipeline page off an index by firm (both ways), as it opens, and LAG by deadline', () => {
    at = databaseAt(240);
    const { db } = at;
    migrate(db, 250);
    const pages = [
      ...TABLES.flatMap((t) =>
        ['ASC', 'DESC'].map((dir) => [t, `company_sort IS NULL, company_sort ${dir}`, 'company_sort']),
      ),
      ['referrals', 'sent_at IS NULL, sent_at DESC', 'sent_sort'],
      ['lag_applications', 'submitted_at IS NULL, submitted_at DESC', 'submitted_sort'],
      ['lag_applications', 'deadline IS NULL, deadline ASC', 'deadline_sort'],
    ];
    for (const [table, order, index] of pages) {
      const plan = db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM ${table} ORDER BY ${order}, id DESC LIMIT 100`)
        .all() as Array<{ detail: string }>;
      const details = plan.map((p) => p.detail).join(' | ');
      expect(details).toContain(`INDEX ${table}_${index}`);
      expect(details).not.toContain('TEMP B-TREE');
    }
  });
});
