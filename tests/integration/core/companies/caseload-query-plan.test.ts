import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadSql, planCaseload, queryCaseload } from '../../../../src-main/core/companies/caseload-query';
import {
  type CaseloadPage,
  type CaseloadQueryInput,
  caseloadQuerySchema,
  SORTABLE_COLUMNS,
} from '../../../../src-main/core/companies/caseload-schema';
import { generateCaseload } from '../../../../tools/generate/generate-caseload';
import { openTestStore, type TestStore } from '../../../helpers/temp-db';

let store: TestStore;
const list = async (input: CaseloadQueryInput) => (await store.call('companies.list', input)) as CaseloadPage;

function plan(sql: string, params: unknown[]): string {
  const rows = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail).join('\n');
}

/** A full scan of the companies table: "SCAN c" not followed by an index. */
const FULL_SCAN = /SCAN c(?! USING)/;

beforeAll(() => {
  store = openTestStore();
  generateCaseload(store.db, { companies: 400, seed: 11 });
});
afterAll(() => store.close());

describe('caseload query plans', () => {
  const filterCases: CaseloadQueryInput[] = [
    { filters: { kommune: [751] } },
    { filters: { kommune: [751, 657] } },
    { filters: { status: ['visited'] } },
    { filters: { status: ['visited', 'in_progress'] }, sort: [{ column: 'city', desc: true }] },
    { filters: { kommune: [740] }, sort: [{ column: 'employees', desc: false }] },
  ];

  it('never scans the whole table to filter by kommune or status, for the page or its count', () => {
    for (const input of filterCases) {
      const q = caseloadQuerySchema.parse(input);
      const { pageSql, countSql, params } = caseloadSql(q);
      const page = plan(pageSql, [...params, 100, 0]);
      expect(page, JSON.stringify(input)).toMatch(/USING (COVERING )?INDEX companies_(kommune|status)/);
      expect(page, JSON.stringify(input)).not.toMatch(FULL_SCAN);
      expect(plan(countSql, params), JSON.stringify(input)).not.toMatch(FULL_SCAN);
    }
  });

  it('reads unfiltered pages in index order for the sorts that have an index, without sorting', () => {
    const indexed = [
      'name',
      'owner',
      'city',
      'lastContact',
      'nextFollowup',
      'updatedAt',
      'kommune',
      'consultant',
    ] as const;
    for (const column of indexed) {
      for (const desc of [false, true]) {
        const { pageSql, params } = caseloadSql(caseloadQuerySchema.parse({ sort: [{ column, desc }] }));
        const text = plan(pageSql, [...params, 100, 0]);
        expect(text, `${column} ${desc ? 'desc' : 'asc'}`).toMatch(/SCAN c USING (COVERING )?INDEX companies_/);
        expect(text, `${column} ${desc ? 'desc' : 'asc'}`).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  it('walks the sort index instead of sorting when a broad filter matches much of the caseload', () => {
    const q = caseloadQuerySchema.parse({
      filters: { status: ['visited', 'in_progress', 'needs_clarified'] },
      sort: [{ column: 'city', desc: false }],
    });
    const chosen = planCaseload(store.db, q);
    expect(chosen.pageSql).toContain('+c.status');
    const text = plan(chosen.pageSql, [...chosen.params, 100, 0]);
    expect(text).toMatch(/SCAN c USING INDEX companies_city_sort\b/);
    expect(text).not.toMatch(/TEMP B-TREE/);
  });
});

describe('the caseload answers the same whichever plan it takes', () => {
  it('gives the same rows walking the sort index as collecting and sorting the matches', () => {
    const cases: CaseloadQueryInput[] = [
      { filters: { status: ['visited', 'in_progress'] }, sort: [{ column: 'city', desc: false }] },
      { filters: { kommune: [751, 657, 740] }, sort: [{ column: 'owner', desc: true }] },
      { filters: { consultant: [1, 2] }, sort: [{ column: 'lastContact', desc: true }], offset: 100 },
      { filters: { industry: '4' }, sort: [{ column: 'updatedAt', desc: true }] },
      { filters: { kommune: [751] }, sort: [{ column: 'name', desc: true }] },
    ];
    for (const input of cases) {
      const q = caseloadQuerySchema.parse(input);
      const ids = (scan: boolean) => {
        const { pageSql, params } = caseloadSql(q, { scanSortIndex: scan });
        return store.db
          .prepare(pageSql)
          .pluck()
          .all(...params, q.limit, q.offset);
      };
      expect(ids(true), JSON.stringify(input)).toEqual(ids(false));
      expect(ids(true).length).toBeGreaterThan(0);
    }
  });

  it('keeps empty values last in both directions and breaks ties by id', async () => {
    for (const column of SORTABLE_COLUMNS) {
      for (const desc of [false, true]) {
        const page = await list({ sort: [{ column, desc }], limit: 500 });
        expect(page.rows).toHaveLength(400);
        const key = (r: (typeof page.rows)[number]) => (r as unknown as Record<string, unknown>)[column];
        const firstEmpty = page.rows.findIndex((r) => key(r) === null);
        if (firstEmpty >= 0)
          expect(
            page.rows.slice(firstEmpty).every((r) => key(r) === null),
            column,
          ).toBe(true);
      }
    }
  });
});

describe('the remembered totals', () => {
  it('change as soon as companies, contacts or visits change, and only then', async () => {
    const before = await list({ search: 'Bindeledtest' });
    expect(before.total).toBe(0);
    const firm = (await store.call('companies.create', {
      name: 'Bindeledtest Gårdbutik',
      kommuneCode: 751,
      ownerName: 'Oline Testesen',
    })) as { id: number };
    expect((await list({ search: 'Bindeledtest' })).total).toBe(1);
    expect((await list({ search: 'testesen' })).rows.map((r) => r.name)).toEqual(['Bindeledtest Gårdbutik']);

    const contact = ((await store.call('contacts.list', { companyId: firm.id })) as Array<{ id: number }>)[0];
    await store.call('contacts.update', { id: contact?.id, changes: { name: 'Oline Omdøbt' } });
    expect((await list({ search: 'testesen' })).total).toBe(0);
    const renamed = await list({ search: 'omdøbt' });
    expect(renamed.rows.map((r) => [r.name, r.owner])).toEqual([['Bindeledtest Gårdbutik', 'Oline Omdøbt']]);

    expect((await list({ search: 'kvarkbrød', notes: true })).total).toBe(0);
    store.db
      .prepare(`INSERT INTO visits(uuid, company_id, date, type, notes, created_at, updated_at)
        VALUES ('plan-visit', ?, '2012-05-01', 'visit', 'Vil sælge kvarkbrød på torvet', 'x', 'x')`)
      .run(firm.id);
    expect((await list({ search: 'kvarkbrød', notes: true })).rows.map((r) => r.name)).toEqual([
      'Bindeledtest Gårdbutik',
    ]);
  });

  it('see writes made by another connection to the same file', async () => {
    const all = (await list({})).total;
    const other = new BetterSqlite3(store.dbPath);
    other
      .prepare(
        `INSERT INTO companies(uuid, record_type, name, name_sort, status, created_at, updated_at)
         VALUES ('other-conn', 'unregistered', 'Anden Forbindelse', 'anden forbindelse', 'identified', 'x', 'x')`,
      )
      .run();
    other.close();
    expect((await list({})).total).toBe((all ?? 0) + 1);
  });

  it('serve a search page by page exactly as one long page, listing its matches once', async () => {
    const whole = await list({ search: 'a', limit: 500 });
    const pages: number[] = [];
    for (let offset = 0; offset < (whole.total ?? 0); offset += 50) {
      const page = await list({ search: 'a', limit: 50, offset });
      expect(page.total).toBe(whole.total);
      pages.push(...page.rows.map((r) => r.id));
    }
    expect(pages).toEqual(whole.rows.map((r) => r.id));
    expect(planCaseload(store.db, caseloadQuerySchema.parse({ search: 'gård' })).mode).toBe('list');
    expect(planCaseload(store.db, caseloadQuerySchema.parse({ filters: { kommune: [751] } })).mode).toBe('page');
  });

  it('count the same as counting afresh', async () => {
    for (const input of [{}, { filters: { kommune: [751] } }, { search: 'gård' }] as CaseloadQueryInput[]) {
      const q = caseloadQuerySchema.parse(input);
      const { countSql, params } = caseloadSql(q);
      const fresh = store.db
        .prepare(countSql)
        .pluck()
        .get(...params);
      expect(queryCaseload(store.db, q).total, JSON.stringify(input)).toBe(fresh);
      expect((await list(input)).total).toBe(fresh);
    }
  });
});
